import type { Command } from 'commander';
import { escapeUnsafeChars, escapeUnsafeLines } from '../../io/escape-unsafe-chars.js';
import { loadAnswers } from '../../io/load-answers.js';
import { answersNotValid, filesMissing } from '../../shared/error-catalogue.js';
import { CniError } from '../../shared/errors.js';
import type { CliIo } from '../cli-io.js';
import { paint } from '../paint.js';
import { printWarnings } from '../print-warnings.js';

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check answers files and report every problem with its line and column')
    .argument('<files...>', 'answers files (YAML or JSON)')
    .addHelpText(
      'after',
      `
Prints "<file>: ok" for each valid file, and one line per problem otherwise:
  answers.yaml:12:10  cluster.nodes: must be an integer (got 12.5; expected an integer from 1 to 1000000)
Exits with 1 when any file has a problem. Valid answers that look implausible (the client name cnireport
init wrote, clusters beyond the sizes Kubernetes is designed for) get a warning line, and exit 0.

Examples:
  $ cnireport validate answers.yaml
  $ cnireport validate examples/*.yaml`,
    )
    .action(async (files: string[]) => {
      let failed = 0;
      let unread = 0;
      // Every file is checked before the exit status is decided, so one run reports all of them.
      for (const file of files) {
        try {
          const { warnings } = await loadAnswers(file);
          io.out(`${escapeUnsafeChars(file)}: ${paint(io.outColor, 'green', 'ok')}\n`);
          printWarnings(io, warnings);
        } catch (error) {
          if (!(error instanceof CniError)) throw error;
          // A file that does not exist says so once, as the error itself, without the hint about writing one.
          const missing = (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
          if (files.length === 1 && missing) throw error;
          failed += 1;
          if (missing) unread += 1;
          io.err(`${escapeUnsafeLines(error.message)}\n`);
        }
      }
      if (failed > 0 && unread === failed) {
        throw filesMissing(failed, files.length);
      }
      if (failed > 0) {
        throw answersNotValid(files, failed);
      }
    });
}
