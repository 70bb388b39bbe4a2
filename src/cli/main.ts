import { Command, CommanderError } from 'commander';
import { escapeUnsafeLines } from '../io/escape-unsafe-chars.js';
import type { EarlyBrowser } from '../pdf/early-browser.js';
import { CniError } from '../shared/errors.js';
import { type CliIo, processIo } from './cli-io.js';
import { registerCompare } from './commands/compare.js';
import { registerData } from './commands/data.js';
import { registerDiscover } from './commands/discover.js';
import { registerGenerate } from './commands/generate.js';
import { registerInit } from './commands/init.js';
import { registerInterview } from './commands/interview.js';
import { registerRender } from './commands/render.js';
import { registerSchema } from './commands/schema.js';
import { registerScore } from './commands/score.js';
import { registerValidate } from './commands/validate.js';
import { registerWorkshop } from './commands/workshop.js';
import { readPackageInfo } from './package-info.js';
import { paint } from './paint.js';
import { HELP_WIDTH, wrapHelp } from './wrap-help.js';

/** The body of `generate`'s report worker threads: the bundle exports it so that each worker loads the bundle. */
export { runReportWorker } from '../generate/report-worker.js';

/**
 * Runs the CLI and returns the exit code. The one place that catches errors: 0 done; 1 a problem the
 * user can fix (CniError, or a usage error commander already explained), or the CniError's own exit code
 * (130 for an interview stopped with Ctrl+C); 2 a bug, printed with its stack. `earlyBrowser` is the browser
 * bin/cnireport.js started before loading the rest, for generate's PDFs.
 */
export async function run(
  argv: string[],
  io: CliIo = processIo(),
  earlyBrowser: EarlyBrowser | null = null,
): Promise<number> {
  const { version, bugsUrl } = readPackageInfo();
  const program = new Command('cnireport')
    .description(
      'Turns a Kubernetes networking workshop into a costed, explainable CNI recommendation ' +
        '(Flannel with add-ons, Cilium OSS, Isovalent Networking for Kubernetes).',
    )
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      // Help texts added by the commands are wrapped too: Commander wraps only its own tables.
      writeOut: (text) => io.out(wrapHelp(text)),
      getOutHelpWidth: () => HELP_WIDTH,
      getErrHelpWidth: () => HELP_WIDTH,
      writeErr: (text) => io.err(text),
      outputError: (text, write) => write(text.replace(/^error:/, paint(io.errColor, 'red', 'error:'))),
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ cnireport init acme.yaml               # a commented answers file to fill in
  $ cnireport interview -o acme.yaml       # the questionnaire in the terminal, writing acme.yaml
  $ cnireport workshop acme.yaml           # the questionnaire as a live web page for the room
  $ cnireport validate acme.yaml
  $ cnireport score acme.yaml              # ranking, TCO and reasons (--json for the result)
  $ cnireport generate acme.yaml           # the report in out/<client>/: HTML, PDF, charts, ...
  $ cnireport render out/acme/result.json  # the same files again, not re-scored
  $ cnireport <command> --help`,
    );
  registerInit(program, io);
  registerInterview(program, io);
  registerWorkshop(program, io);
  registerDiscover(program, io);
  registerValidate(program, io);
  registerSchema(program, io);
  registerScore(program, io);
  registerCompare(program, io);
  registerData(program, io);
  registerGenerate(program, io, earlyBrowser);
  registerRender(program, io, earlyBrowser);

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof CniError) {
      // Stopping the workshop or the interview is how they end: said plainly, not as an error.
      const label = error.code === 'STOPPED' ? '' : `${paint(io.errColor, 'red', 'error:')} `;
      // Messages name files from the command line or a file, whose names may hold terminal escapes.
      io.err(`${label}${escapeUnsafeLines(error.message)}\n`);
      if (error.hint !== undefined)
        io.err(`${paint(io.errColor, 'dim', 'hint:')} ${escapeUnsafeLines(error.hint)}\n`);
      return error.exitCode;
    }
    const where = bugsUrl === undefined ? 'to the cnireport maintainers' : `at ${bugsUrl}`;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(
      `${paint(io.errColor, 'red', 'error:')} internal error, this is a bug in cnireport\n${detail}\n` +
        `Please report it ${where} with the command you ran, cnireport ${version} and Node ${process.version}.\n`,
    );
    return 2;
  }
}
