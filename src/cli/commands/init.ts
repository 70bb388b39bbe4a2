import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { renderAnswersYaml } from '../../questionnaire/render-answers-yaml.js';
import { STARTER_ANSWERS } from '../../questionnaire/starter-answers.js';
import type { CliIo } from '../cli-io.js';
import { schemaRefFrom } from '../schema-ref-from.js';
import { writeFileAtomic } from '../write-file-atomic.js';

export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('write a commented answers file to fill in during or after the workshop')
    .argument('[file]', 'answers file to create, or - for standard output', 'answers.yaml')
    .option('-f, --force', 'overwrite the file if it already exists', false)
    .addHelpText(
      'after',
      `
Every key of the answers file is written with a comment giving its meaning, what it accepts and its
default. The first line points editors (yaml-language-server) at the JSON Schema for completion.

Examples:
  $ cnireport init                      # writes answers.yaml
  $ cnireport init acme/answers.yaml
  $ cnireport init - > answers.yaml`,
    )
    .action(async (file: string, options: { force: boolean }) => {
      const toStdout = file === '-';
      // Printed output is usually redirected to a file in the current folder.
      const folder = dirname(resolve(toStdout ? 'answers.yaml' : file));
      const text = renderAnswersYaml({ schemaRef: schemaRefFrom(folder), values: STARTER_ANSWERS });
      if (toStdout) {
        io.out(text);
        return;
      }
      await writeFileAtomic(file, text, { overwrite: options.force });
      io.out(`wrote ${file}; fill it in, then run: cnireport validate ${file}\n`);
    });
}
