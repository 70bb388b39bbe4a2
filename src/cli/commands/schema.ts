import type { Command } from 'commander';
import { resultJsonSchemaText } from '../../result/result-json-schema.js';
import { answersJsonSchemaText } from '../../schema/answers-json-schema.js';
import type { CliIo } from '../cli-io.js';

export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description(
      'print the JSON Schema of the answers file (draft-07), for editor completion; --result: of result.json',
    )
    .option(
      '--result',
      'the JSON Schema of result.json instead (what `generate` and `render` read and write)',
    )
    .addHelpText(
      'after',
      `
The package also ships them as schema/answers.schema.json and schema/result.schema.json; \`cnireport init\` points new files at it.

Examples:
  $ cnireport schema > answers.schema.json
  # then, as the first line of an answers file:
  # yaml-language-server: $schema=./answers.schema.json`,
    )
    .action((opts: { result?: boolean }) => {
      io.out(opts.result ? resultJsonSchemaText() : answersJsonSchemaText());
    });
}
