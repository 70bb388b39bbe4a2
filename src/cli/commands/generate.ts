import { availableParallelism, constants } from 'node:os';
import { type Command, InvalidArgumentError } from 'commander';
import { describeWritten } from '../../generate/describe-written.js';
import { type GenerateOutcome, generateReports } from '../../generate/generate-reports.js';
import { loadRenderers } from '../../generate/load-renderers.js';
import { describeHolder } from '../../generate/lock-folder.js';
import { DEFAULT_FORMATS, parseFormats } from '../../generate/parse-formats.js';
import { reportPool, reportPoolSize, reportWorkerEntry } from '../../generate/report-pool.js';
import { escapeUnsafeLines } from '../../io/escape-unsafe-chars.js';
import { loadBrand } from '../../io/load-brand.js';
import { browserTimeouts } from '../../pdf/browser-timeouts.js';
import type { EarlyBrowser } from '../../pdf/early-browser.js';
import { noPdfWritten, someReportsFailed } from '../../shared/error-catalogue.js';
import type { CniError } from '../../shared/errors.js';
import { batchProgress } from '../batch-progress.js';
import type { CliIo } from '../cli-io.js';
import { readPackageInfo } from '../package-info.js';
import { paint } from '../paint.js';
import { parseSeed } from '../parse-seed.js';
import { printWarnings } from '../print-warnings.js';
import { type ReportFlags, withReportOptions } from './report-options.js';

export interface GenerateOptions extends ReportFlags {
  seed?: number;
  nameBy?: 'client' | 'file';
  clobber?: boolean;
}

/** A second signal while stopping gets the default behaviour: the handlers are registered once. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function registerGenerate(program: Command, io: CliIo, earlyBrowser: EarlyBrowser | null): void {
  withReportOptions(
    program
      .command('generate')
      .description(
        'write the report of each answers file: HTML, PDF, charts (SVG, PNG, Vega-Lite), result.json, Markdown',
      )
      .argument('<answers...>', 'answers files (YAML or JSON); one report folder each'),
  )
    .option('--seed <n>', 'Monte Carlo seed (default from data/model.yaml)', parseSeed)
    .option(
      '--name-by <what>',
      'name each report folder after the client or the answers file: client or file',
      parseNameBy,
      'client',
    )
    .option('--no-clobber', 'leave a folder that already holds a report as it is (that file fails)')
    .addHelpText(
      'after',
      `
Each report goes to <out>/<client>/, named after engagement.client (with --name-by file, after the
answers file: variants of one client in one batch): report.html (self-contained),
report.pdf, charts/<name>.svg|.png|.vl.json (the Vega-Lite specs come with svg or png), result.json
and report.md; with --format pptx also report.pptx, an executive deck with native charts, and with
--format xlsx tco.xlsx, the TCO as live formulas over the assumptions. Only those files are replaced,
and the terminal says so (replaced out/acme/ from 2026-12-05); --no-clobber leaves an earlier report
as it is. Anything else in the folder is left alone. The PDF needs Chrome, Chromium or Edge (CNIREPORT_CHROME
names one); without one, everything else is written and a note says how to get one. CNIREPORT_LAUNCH_TIMEOUT_MS and CNIREPORT_PRINT_TIMEOUT_MS change how long
the browser may take to start (30 s) and to print one report (60 s). CNIREPORT_TIMING=1 prints where
the time goes and the peak memory.

Examples:
  $ cnireport generate examples/regulated-bank.yaml
  $ cnireport generate clients/*.yaml --out reports --paper letter
  $ cnireport generate acme.yaml --format html,md --brand brand.yaml
  $ cnireport generate acme.yaml acme-support.yaml --name-by file`,
    )
    .action((files: string[], options: GenerateOptions) =>
      writeReports(io, earlyBrowser, files, options, 'answers'),
    );
}

/**
 * Writes one report folder per input file, as `generate` (answers files) and `render` (result.json files) do:
 * the same renderers, the same files, the same messages.
 */
export async function writeReports(
  io: CliIo,
  earlyBrowser: EarlyBrowser | null,
  files: readonly string[],
  options: GenerateOptions,
  from: 'answers' | 'result',
): Promise<void> {
  const formats = parseFormats(options.format ?? DEFAULT_FORMATS.join(','));
  const brand = await loadBrand(options.brand);
  const timeouts = browserTimeouts(process.env);
  const batch = files.length > 1;
  const progress = batch ? batchProgress(io, { terminal: process.stderr.isTTY === true }) : undefined;
  const timing = Boolean(process.env.CNIREPORT_TIMING);
  const started = performance.now();

  // Ctrl+C must not leave a browser running or a report half-written: stop, close it, then exit.
  const interruption = new AbortController();
  const stop = (signal: NodeJS.Signals) => interruption.abort(128 + constants.signals[signal]);
  for (const signal of STOP_SIGNALS) process.once(signal, stop);
  const outcome = await generateReports(
    {
      from,
      files,
      outDir: options.out,
      formats,
      paper: options.paper === 'letter' ? 'Letter' : 'A4',
      brand,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(process.env.SOURCE_DATE_EPOCH === undefined
        ? {}
        : { sourceDateEpoch: process.env.SOURCE_DATE_EPOCH }),
      now: new Date(),
      toolVersion: readPackageInfo().version,
      nameBy: options.nameBy ?? 'client',
      noClobber: options.clobber === false,
    },
    {
      loadRenderers: () => loadRenderers(options.template),
      // A batch's reports are prepared on worker threads, one per core as memory allows: the browser prints
      // meanwhile.
      ...(reportWorkerEntry() === null
        ? {}
        : {
            workers: (settings, here) =>
              reportPool(
                settings,
                options.template,
                reportPoolSize(availableParallelism(), process.availableMemory() / 2 ** 20),
                here,
              ),
          }),
      launchPrinter: async () => {
        // Loaded only when a PDF is wanted: puppeteer is the heaviest import of the tool.
        const { PdfPrinter } = await import('../../pdf/print-pdf.js');
        return PdfPrinter.launch({ ...timeouts, started: earlyBrowser?.take() ?? null });
      },
      onProgress: (finished) => {
        progress?.finished(finished);
        if (batch && finished.error !== null) printError(io, finished.error);
      },
      onWarnings: (warnings) => printWarnings(io, warnings),
      ...(timing ? { onTiming: (line: string) => io.err(`${line}\n`) } : {}),
      onWaiting: (folder, holder) => {
        const who = holder === null ? '' : ` (${describeHolder(holder)})`;
        io.err(
          `${paint(io.errColor, 'yellow', 'note:')} waiting for another cnireport run${who} writing ${folder}/\n`,
        );
      },
      signal: interruption.signal,
    },
  ).finally(() => {
    for (const signal of STOP_SIGNALS) process.off(signal, stop);
  });
  progress?.done((performance.now() - started) / 1000);
  if (timing) {
    // maxRSS is in KiB; the figure `npm run stress` checks against its memory bound.
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    io.err(`timing total: ${Math.round(performance.now() - started)} ms, peak RSS ${peak} MiB\n`);
  }
  for (const note of outcome.notes) io.err(`${paint(io.errColor, 'yellow', 'note:')} ${note}\n`);
  finish(io, outcome, files.length, options.format !== undefined && formats.includes('pdf'));
}

/** The closing summary, the browser notice, and the error that sets the exit code, if any. */
function finish(io: CliIo, outcome: GenerateOutcome, total: number, pdfAskedFor: boolean): void {
  // A batch has said what it wrote as each report finished.
  const [only] = outcome.written;
  if (only !== undefined && total === 1) io.out(`${describeWritten(only)}\n`);
  const errors: CniError[] = [];
  const { pdfUnavailable } = outcome;
  if (pdfUnavailable !== null) {
    if (pdfUnavailable.code === 'BROWSER_NOT_FOUND' && !pdfAskedFor) {
      io.err(`${paint(io.errColor, 'yellow', 'note:')} ${pdfUnavailable.message}\n`);
      if (pdfUnavailable.hint !== undefined)
        io.err(`${paint(io.errColor, 'dim', 'hint:')} ${pdfUnavailable.hint}\n`);
    } else {
      errors.push(noPdfWritten(pdfUnavailable));
    }
  }
  for (const report of outcome.written) {
    if (report.replaced !== undefined) {
      io.err(
        `${paint(io.errColor, 'yellow', 'note:')} replaced ${report.folder}/ from ${report.replaced} (--no-clobber keeps an earlier report)\n`,
      );
    }
  }
  for (const warning of outcome.warnings) io.err(`${paint(io.errColor, 'yellow', 'warning:')} ${warning}\n`);
  // Never deleted (it is not this run's to delete), but never passed off as the new report either.
  for (const file of outcome.outdated) {
    io.err(
      `${paint(io.errColor, 'yellow', 'note:')} ${file} is from an earlier run, left as it was; it may not match the new report\n`,
    );
  }
  const [first] = outcome.failures;
  if (first !== undefined) {
    errors.push(
      total === 1 ? first.error : someReportsFailed(first.error.code, outcome.failures.length, total),
    );
  }
  const last = errors.pop();
  for (const error of errors) printError(io, error);
  if (last !== undefined) throw last;
}

function printError(io: CliIo, error: CniError): void {
  io.err(`${paint(io.errColor, 'red', 'error:')} ${escapeUnsafeLines(error.message)}\n`);
  if (error.hint !== undefined) io.err(`${paint(io.errColor, 'dim', 'hint:')} ${error.hint}\n`);
}

function parseNameBy(value: string): 'client' | 'file' {
  const what = value.trim().toLowerCase();
  if (what === 'client' || what === 'file') return what;
  throw new InvalidArgumentError(`expected client or file (got ${value})`);
}
