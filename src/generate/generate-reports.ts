import { lstat, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Problem } from '../io/problem.js';
import {
  atValue,
  interrupted as interruptedRun,
  reportNotReplaced,
  sameReportFolder,
} from '../shared/error-catalogue.js';
import { CniError } from '../shared/errors.js';
import { clientSlug } from './client-slug.js';
import type { WrittenReport } from './describe-written.js';
import type { LockHolder } from './lock-folder.js';
import type { ReportFormat } from './parse-formats.js';
import {
  type PreparedReport,
  type PrepareSettings,
  prepareReport,
  type ReportRenderers,
  RunAborted,
  timedAsync,
} from './prepare-report.js';
import { reportFiles } from './report-files.js';
import type { ReportPreparer } from './report-pool.js';
import { writeReportFiles } from './write-report-files.js';

export type { GeneratedChart, ReportRenderers } from './prepare-report.js';

export interface Printer {
  /** `title`, `author` and `creator` go into the PDF's document information. */
  print(
    html: string,
    options: { paper: 'A4' | 'Letter'; title: string; author?: string; creator: string },
  ): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface GenerateRequest extends Omit<PrepareSettings, 'pngs'> {
  /** Answers files (`generate`), or result.json files (`render`): see `from`. */
  readonly files: readonly string[];
  readonly outDir: string;
  /**
   * What names each report's folder: the client (engagement.client, the default), or the answers file's own
   * name, for variants of one client in one batch.
   */
  readonly nameBy?: 'client' | 'file';
  /** A folder that already holds a report is left as it is, and that answers file fails. */
  readonly noClobber?: boolean;
}

/** The files that make a folder hold a report (charts alone do not). */
const REPORT_FILE_NAMES = [
  'report.html',
  'report.pdf',
  'result.json',
  'report.md',
  'report.pptx',
  'tco.xlsx',
];

/** When the report a folder holds was written (YYYY-MM-DD, its newest file's time), or null if it holds none. */
async function earlierReport(folder: string): Promise<string | null> {
  const times = await Promise.all(
    REPORT_FILE_NAMES.map((name) =>
      stat(join(folder, name)).then(
        (s) => (s.isFile() ? s.mtimeMs : 0),
        () => 0,
      ),
    ),
  );
  const newest = Math.max(...times);
  return newest === 0 ? null : new Date(newest).toISOString().slice(0, 10);
}

/** One answers file finished, well or not; `done` counts finished files, in the order they finish. */
export interface ReportProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
  readonly slug: string | null;
  readonly seconds: number;
  readonly error: CniError | null;
  /** The folder and files written for this answers file, if any (a failed PDF can still leave the rest). */
  readonly written: WrittenReport | null;
}

export interface GenerateHooks {
  /**
   * Called once, before the first report is prepared on this thread: the renderers pull in the heaviest
   * modules. A rejection ends the run.
   */
  readonly loadRenderers: () => Promise<ReportRenderers>;
  /**
   * Prepares a batch's reports on other threads instead (the CLI's pool of worker threads, sized to the
   * cores and the memory); absent, or for a single file, they are prepared on this thread with
   * `loadRenderers`. `here` prepares on this thread, for a report the threads cannot hold.
   */
  readonly workers?: (settings: PrepareSettings, here: ReportPreparer) => ReportPreparer;
  /** Starts the one browser of the batch; called at most once, and only when a PDF is wanted. */
  readonly launchPrinter: () => Promise<Printer>;
  readonly onProgress?: (progress: ReportProgress) => void;
  /** An answers file loaded with warnings: valid answers that look implausible together (`answersWarnings`). */
  readonly onWarnings?: (warnings: readonly Problem[]) => void;
  /** Where each phase's time goes, for `CNIREPORT_TIMING=1` and the bench. */
  readonly onTiming?: (line: string) => void;
  /** A report folder has been locked by another run for a while; this run waits (see `lockFolder`). */
  readonly onWaiting?: (folder: string, holder: LockHolder | null) => void;
  /**
   * Aborted on Ctrl+C or a termination signal: the browser is closed at once, no further report is started
   * or written, and the run ends with INTERRUPTED (exit code 128 + the signal number given as the reason).
   */
  readonly signal?: AbortSignal;
}

export interface GenerateOutcome {
  /** In the order of the answers files. */
  readonly written: readonly WrittenReport[];
  readonly failures: readonly { readonly file: string; readonly error: CniError }[];
  /** Why no PDF could be printed (no browser, or it would not start); null when PDFs were printed or not wanted. */
  readonly pdfUnavailable: CniError | null;
  /**
   * Files this run was asked for but could not write (a PDF that did not print) that a folder still holds
   * from an earlier run: left alone, but they no longer match the report next to them.
   */
  readonly outdated: readonly string[];
  /** Warnings for the consultant, each once (the data is older than the report date allows). */
  readonly warnings: readonly string[];
  /** The consultant's to-dos, report by report in the order of the files (`consultantNotes`). */
  readonly notes: readonly string[];
}

/**
 * Printing runs in the browser's processes while Node prepares the next report; a few documents in flight
 * keep both busy without holding a whole batch in memory.
 */
const REPORTS_IN_FLIGHT = 3;

/**
 * Generates one report folder per answers file under `outDir`: each report is prepared (scored, drawn and
 * rendered in memory; `prepareReport`), then claimed its folder, printed and written file by file atomically;
 * only the report's own files are touched. A batch prepares several reports at once when given worker
 * threads, and prints while it prepares the next; folders are claimed in the order of the files, so the
 * outcome is the same however the work interleaves. A file that fails is recorded and the batch goes on; a
 * bug (anything but a CniError) ends the run.
 */
export async function generateReports(
  request: GenerateRequest,
  hooks: GenerateHooks,
): Promise<GenerateOutcome> {
  const { files, formats } = request;
  const wants = (format: ReportFormat) => formats.includes(format);
  const written: (WrittenReport | undefined)[] = [];
  const outdated: string[] = [];
  const warnings = new Set<string>();
  const notes: (readonly string[])[] = [];
  const failures: { index: number; file: string; error: CniError }[] = [];
  const claimed = new Map<string, string>();
  const bugs: unknown[] = [];
  let done = 0;
  let printer: Promise<Printer | CniError> | undefined;
  let closing: Promise<void> | undefined;

  const finished = (
    file: string,
    slug: string | null,
    started: number,
    error: CniError | null,
    report: WrittenReport | null = null,
  ) => {
    done += 1;
    const seconds = (performance.now() - started) / 1000;
    hooks.onProgress?.({
      done,
      total: files.length,
      file,
      slug,
      seconds,
      error,
      written: report,
    });
  };

  const startPrinter = () => {
    // Once stopping, no browser is started: none would be closed.
    if (printer !== undefined || !wants('pdf') || closing !== undefined || hooks.signal?.aborted) return;
    const t0 = performance.now();
    printer = hooks.launchPrinter().then(
      (launched) => {
        hooks.onTiming?.(`timing browser: launch ${Math.round(performance.now() - t0)} ms`);
        return launched;
      },
      (error: unknown) => {
        if (error instanceof CniError) return error;
        throw error;
      },
    );
    // A launch that fails while nobody awaits it yet must not count as an unhandled rejection.
    printer.catch(() => undefined);
  };

  // A batch's reports are prepared on the hook's worker threads (which draw the PNGs too); a single one here.
  const workers = files.length > 1 ? hooks.workers : undefined;
  const settings = prepareSettings(request, workers === undefined ? 'later' : 'here');
  const preparer =
    workers === undefined
      ? onThisThread(settings, hooks.loadRenderers, startPrinter)
      : workers(
          settings,
          onThisThread(settings, hooks.loadRenderers, () => undefined),
        );
  if (workers !== undefined) {
    hooks.onTiming?.(`timing workers: ${preparer.parallel} threads prepare the reports`);
    // Connected while the threads start and prepare the first reports, not after.
    startPrinter();
  }

  const closePrinter = () => {
    closing ??= (async () => {
      await preparer.close();
      const launched = printer === undefined ? null : await printer.catch(() => null);
      if (launched !== null && !(launched instanceof CniError)) await launched.close();
    })();
    return closing;
  };
  const onAbort = () => void closePrinter();
  hooks.signal?.addEventListener('abort', onAbort, { once: true });

  const context: RunContext = { request, hooks, preparer, written, outdated, failures, bugs, finished };
  const jobs = new Map<number, Promise<PreparedReport>>();
  const ask = (index: number) => {
    const file = files[index];
    if (file === undefined || jobs.has(index) || hooks.signal?.aborted) return;
    const job = preparer.prepare({ index, file });
    job.catch(() => undefined);
    jobs.set(index, job);
  };
  const inFlight = new Set<Promise<void>>();
  try {
    for (const [index, file] of files.entries()) {
      if (bugs.length > 0 || hooks.signal?.aborted) break;
      const started = performance.now();
      for (let ahead = index; ahead < index + preparer.parallel; ahead++) ask(ahead);
      let claim: Claimed;
      try {
        const prepared = await (jobs.get(index) as Promise<PreparedReport>);
        jobs.delete(index);
        if (prepared.warnings.length > 0) hooks.onWarnings?.(prepared.warnings);
        if (prepared.stale !== null) warnings.add(prepared.stale);
        notes[index] = prepared.notes;
        claim = await claimFolder(request, claimed, index, prepared, started);
      } catch (error) {
        jobs.delete(index);
        // Stopping drops the reports being prepared.
        if (hooks.signal?.aborted) break;
        if (error instanceof RunAborted) throw error.reason;
        if (!(error instanceof CniError)) throw error;
        failures.push({ index, file, error });
        finished(file, null, started, error);
        continue;
      }
      startPrinter();
      const completion = complete(context, printer, claim).finally(() => inFlight.delete(completion));
      inFlight.add(completion);
      if (inFlight.size >= REPORTS_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (bugs.length > 0) throw bugs[0];
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
    await Promise.all(inFlight);
    await closePrinter();
  }
  if (hooks.signal?.aborted) throw interrupted(hooks.signal, written.filter(Boolean).length, files.length);

  const launched = printer === undefined ? null : await printer;
  return {
    written: written.filter((report): report is WrittenReport => report !== undefined),
    failures: failures.sort((a, b) => a.index - b.index).map(({ file, error }) => ({ file, error })),
    pdfUnavailable: launched instanceof CniError ? launched : null,
    outdated: outdated.sort(),
    warnings: [...warnings],
    notes: notes.flat(),
  };
}

/** What one report's printing and writing needs of the run. */
interface RunContext {
  readonly request: GenerateRequest;
  readonly hooks: GenerateHooks;
  readonly preparer: ReportPreparer;
  readonly written: (WrittenReport | undefined)[];
  readonly outdated: string[];
  readonly failures: { index: number; file: string; error: CniError }[];
  readonly bugs: unknown[];
  readonly finished: (
    file: string,
    slug: string | null,
    started: number,
    error: CniError | null,
    report?: WrittenReport | null,
  ) => void;
}

/** A prepared report with the folder it has claimed. */
interface Claimed {
  readonly index: number;
  readonly prepared: PreparedReport;
  readonly slug: string;
  readonly started: number;
  /** When the report this one replaces was written (YYYY-MM-DD), or null. */
  readonly earlier: string | null;
}

function prepareSettings(request: GenerateRequest, pngs: PrepareSettings['pngs']): PrepareSettings {
  return {
    ...(request.from === undefined ? {} : { from: request.from }),
    formats: request.formats,
    paper: request.paper,
    brand: request.brand,
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    ...(request.sourceDateEpoch === undefined ? {} : { sourceDateEpoch: request.sourceDateEpoch }),
    now: request.now,
    toolVersion: request.toolVersion,
    pngs,
  };
}

/**
 * Reports prepared one at a time on this thread, the PNGs left to be drawn on libuv's threads while the
 * browser prints. The browser is started as soon as an input has loaded, so that it boots meanwhile.
 */
function onThisThread(
  settings: PrepareSettings,
  loadRenderers: () => Promise<ReportRenderers>,
  onLoaded: () => void,
): ReportPreparer {
  let renderers: Promise<ReportRenderers> | undefined;
  const loaded = () => {
    renderers ??= loadRenderers();
    return renderers.catch((error: unknown) => {
      throw new RunAborted(error);
    });
  };
  return {
    parallel: 1,
    prepare: async ({ file }) => prepareReport(settings, await loaded(), file, onLoaded),
    png: async (svg) => (await loaded()).png(svg),
    close: async () => undefined,
  };
}

/**
 * The report's folder, claimed in the order of the files: a later file that would share an earlier one's
 * folder is refused, and with `noClobber` so is a folder that holds a report already.
 */
async function claimFolder(
  request: GenerateRequest,
  claimed: Map<string, string>,
  index: number,
  prepared: PreparedReport,
  started: number,
): Promise<Claimed> {
  const { file } = prepared;
  const slug =
    request.nameBy === 'file' ? clientSlug(basename(file, extname(file))) : clientSlug(prepared.client);
  const owner = claimed.get(slug);
  if (owner !== undefined) {
    throw sameReportFolder(file, join(request.outDir, slug), owner, request.nameBy === 'file');
  }
  claimed.set(slug, file);
  const earlier = await earlierReport(join(request.outDir, slug));
  if (earlier !== null && request.noClobber === true) {
    throw reportNotReplaced(file, join(request.outDir, slug), earlier);
  }
  return { index, prepared, slug, started, earlier };
}

async function printPdf(request: GenerateRequest, launched: Printer, html: string, prepared: PreparedReport) {
  const info = {
    title: `CNI recommendation for ${prepared.client}`,
    ...(prepared.preparedBy === undefined ? {} : { author: prepared.preparedBy }),
    creator: `cnireport ${request.toolVersion}`,
  };
  try {
    return { pdf: await launched.print(html, { paper: request.paper, ...info }), pdfError: null };
  } catch (error) {
    if (!(error instanceof CniError)) throw error;
    return { pdf: null, pdfError: atValue(prepared.file, error) };
  }
}

/** Prints and writes one claimed report; never rejects, so reports in flight cannot go unobserved. */
async function complete(
  run: RunContext,
  printer: Promise<Printer | CniError> | undefined,
  { index, prepared, slug, started, earlier }: Claimed,
): Promise<void> {
  const { request, hooks } = run;
  const { file } = prepared;
  const wants = (format: ReportFormat) => request.formats.includes(format);
  const phases = [...prepared.phases];
  try {
    const launched = printer === undefined ? null : await printer;
    const html = prepared.report.html;
    const printing =
      launched === null || launched instanceof CniError || html === null || hooks.signal?.aborted
        ? Promise.resolve({ pdf: null, pdfError: null })
        : timedAsync(phases, 'pdf', () => printPdf(request, launched, html, prepared));
    // Rasterised on libuv's threads while the browser prints, unless a worker has drawn them already.
    const { png } = run.preparer;
    const rasterising =
      wants('png') && png !== undefined && prepared.report.charts.some((chart) => chart.png === undefined)
        ? timedAsync(phases, 'png', () =>
            Promise.all(
              prepared.report.charts.map(async (chart) =>
                chart.png === undefined ? { ...chart, png: await png(chart.svg) } : chart,
              ),
            ),
          )
        : Promise.resolve(prepared.report.charts);
    const [{ pdf, pdfError }, charts] = await Promise.all([printing, rasterising]);
    // Reports finish whole or not at all: once interrupted, nothing more is written.
    if (hooks.signal?.aborted) return;
    const folder = join(request.outDir, slug);
    const markdown =
      prepared.markdown === null
        ? null
        : pdf === null
          ? prepared.markdown.withoutPdf
          : prepared.markdown.withPdf;
    const outputs = reportFiles(request.formats, { ...prepared.report, charts, pdf, markdown });
    // Nothing to write (only a PDF was asked for, and it did not print): the folder is not even created.
    if (outputs.length > 0) {
      await timedAsync(phases, 'write', () =>
        writeReportFiles(folder, outputs, {
          ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
          onWait: (holder) => hooks.onWaiting?.(folder, holder),
        }),
      );
      run.written[index] = {
        folder,
        files: outputs.map(({ path }) => ({ path })),
        ...(earlier === null ? {} : { replaced: earlier }),
      };
    }
    if (wants('pdf') && pdf === null && (await isFile(join(folder, 'report.pdf')))) {
      run.outdated.push(join(folder, 'report.pdf'));
    }
    hooks.onTiming?.(`timing ${slug}: ${phases.join(', ')}`);
    if (pdfError !== null) run.failures.push({ index, file, error: pdfError });
    run.finished(file, slug, started, pdfError, run.written[index] ?? null);
  } catch (error) {
    if (!(error instanceof CniError)) {
      run.bugs.push(error);
      return;
    }
    if (hooks.signal?.aborted) return;
    run.failures.push({ index, file, error });
    run.finished(file, slug, started, error);
  }
}

function interrupted(signal: AbortSignal, written: number, total: number): CniError {
  const exitCode = typeof signal.reason === 'number' ? signal.reason : 130;
  return interruptedRun(written, total, exitCode);
}

async function isFile(path: string): Promise<boolean> {
  return lstat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
}
