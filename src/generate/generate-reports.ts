import { lstat, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { loadAnswers } from '../io/load-answers.js';
import { defaultDataset } from '../io/load-dataset.js';
import { loadResult } from '../io/load-result.js';
import type { Problem } from '../io/problem.js';
import type { MarkdownLinks } from '../render/render-report-markdown.js';
import type { Brand, ReportChartImage, ReportSources, ReproStamp } from '../report/report-sources.js';
import { buildResult } from '../result/build-result.js';
import { resultJson } from '../result/result-json.js';
import type { BuiltResult } from '../result/result-schema.js';
import { CniError } from '../shared/errors.js';
import { clientSlug } from './client-slug.js';
import type { WrittenReport } from './describe-written.js';
import type { LockHolder } from './lock-folder.js';
import type { ReportFormat } from './parse-formats.js';
import { reportDate } from './report-date.js';
import { type ChartFiles, type RenderedReport, reportFiles } from './report-files.js';
import { reproStamp } from './repro-stamp.js';
import { staleDataWarning } from './stale-data-warning.js';
import { writeReportFiles } from './write-report-files.js';

/** A chart ready for the report and for its own files, but for its PNG. */
export type GeneratedChart = Omit<ChartFiles, 'png'> & ReportChartImage;

/** The pure renderers a report is made with; injected so the orchestration can be tested on its own. */
export interface ReportRenderers {
  /** The report's charts as SVG. */
  charts(result: BuiltResult): Promise<readonly GeneratedChart[]>;
  /**
   * A chart's SVG as a PNG at twice its size, rendered off this thread. Only the chart files need it, so it
   * runs while the PDF prints, without holding up the browser's replies.
   */
  png(svg: string): Promise<Uint8Array>;
  html(sources: ReportSources): string;
  /** Rendered once the PDF has printed or failed, so it links only the files the folder will hold. */
  markdown(sources: ReportSources, links: MarkdownLinks): string;
  /** report.pptx, the executive deck. */
  deck(sources: ReportSources): Promise<Uint8Array>;
  /** tco.xlsx, the TCO workbook with live formulas. */
  workbook(sources: ReportSources): Promise<Uint8Array>;
}

export interface Printer {
  /** `title`, `author` and `creator` go into the PDF's document information. */
  print(
    html: string,
    options: { paper: 'A4' | 'Letter'; title: string; author?: string; creator: string },
  ): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface GenerateRequest {
  /** Answers files to score (`generate`), or result.json files to render as they are (`render`). */
  readonly from?: 'answers' | 'result';
  readonly files: readonly string[];
  readonly outDir: string;
  readonly formats: readonly ReportFormat[];
  readonly paper: 'A4' | 'Letter';
  readonly brand: Brand;
  readonly seed?: number;
  readonly sourceDateEpoch?: string;
  readonly now: Date;
  readonly toolVersion: string;
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
   * Called once, when the first answers file has loaded and the browser is starting: the renderers pull in
   * the heaviest modules, so importing them overlaps the browser's start-up. A rejection ends the run.
   */
  readonly loadRenderers: () => Promise<ReportRenderers>;
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
   * A report has been scored and its HTML rendered (null when no format needs it), before anything is
   * written: where the CLI finds what to tell the consultant about it.
   */
  readonly onRendered?: (file: string, sources: ReportSources, html: string | null) => void;
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
}

/**
 * Printing runs in the browser's processes while Node prepares the next report; a few documents in flight
 * keep both busy without holding a whole batch in memory.
 */
const REPORTS_IN_FLIGHT = 3;

interface Prepared {
  readonly index: number;
  readonly file: string;
  readonly slug: string;
  readonly client: string;
  readonly preparedBy: string | undefined;
  readonly started: number;
  readonly png: ReportRenderers['png'];
  readonly markdown: ReportRenderers['markdown'];
  readonly sources: ReportSources;
  readonly report: Omit<RenderedReport, 'pdf' | 'markdown'>;
  readonly phases: string[];
  /** When the report this one replaces was written (YYYY-MM-DD), or null. */
  readonly earlier: string | null;
}

/**
 * Generates one report folder per answers file under `outDir`. Each report is rendered completely in
 * memory, then written file by file atomically; only the report's own files are touched. A file that
 * fails is recorded and the batch goes on; a bug (anything but a CniError) ends the run.
 */
export async function generateReports(
  request: GenerateRequest,
  hooks: GenerateHooks,
): Promise<GenerateOutcome> {
  const { files, formats } = request;
  const wants = (format: ReportFormat) => formats.includes(format);
  const needsHtml = wants('html') || wants('pdf');
  const needsCharts = formats.some((format) => format !== 'json' && format !== 'xlsx');
  const written: (WrittenReport | undefined)[] = [];
  const outdated: string[] = [];
  const warnings = new Set<string>();
  const failures: { index: number; file: string; error: CniError }[] = [];
  const claimed = new Map<string, string>();
  const bugs: unknown[] = [];
  let done = 0;
  let printer: Promise<Printer | CniError> | undefined;
  let renderers: Promise<ReportRenderers> | undefined;

  const finished = (
    file: string,
    slug: string | null,
    started: number,
    error: CniError | null,
    report: WrittenReport | null = null,
  ) => {
    done += 1;
    const seconds = (performance.now() - started) / 1000;
    hooks.onProgress?.({ done, total: files.length, file, slug, seconds, error, written: report });
  };
  const timed = <T>(phases: string[], name: string, work: () => T): T => {
    const t0 = performance.now();
    const value = work();
    phases.push(`${name} ${Math.round(performance.now() - t0)} ms`);
    return value;
  };
  const timedAsync = async <T>(phases: string[], name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await work();
    phases.push(`${name} ${Math.round(performance.now() - t0)} ms`);
    return value;
  };

  let closing: Promise<void> | undefined;
  const startPrinter = () => {
    // Once stopping, no browser is started: none would be closed.
    if (closing !== undefined || hooks.signal?.aborted) return;
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

  /**
   * One input file, loaded: an answers file is scored once the browser is on its way (its date from the answers,
   * SOURCE_DATE_EPOCH or today); a result.json already holds its result and the stamp that dates it.
   */
  const loadInput = async (file: string): Promise<LoadedInput> => {
    if (request.from === 'result') {
      const loaded = await loadResult(file);
      return { client: loaded.result.engagement.client, warnings: [], score: () => loaded };
    }
    const { answers, text, warnings: found } = await loadAnswers(file);
    return {
      client: answers.engagement.client,
      warnings: found,
      score: (phases) => {
        const date = reportDate(answers.engagement.date, request.sourceDateEpoch, request.now);
        const scoreOptions = request.seed === undefined ? {} : { seed: request.seed };
        const result = timed(phases, 'score', () => buildResult(answers, defaultDataset(), scoreOptions));
        const stamp = reproStamp({
          answersBytes: new TextEncoder().encode(text),
          toolVersion: request.toolVersion,
          result,
          dataVerifiedOn: defaultDataset().meta.verifiedOn,
          date,
        });
        return { result, stamp };
      },
    };
  };

  const prepare = async (index: number, file: string): Promise<Prepared> => {
    const started = performance.now();
    const phases: string[] = [];
    const input = await timedAsync(phases, 'load', () => loadInput(file));
    if (input.warnings.length > 0) hooks.onWarnings?.(input.warnings);
    const slug =
      request.nameBy === 'file' ? clientSlug(basename(file, extname(file))) : clientSlug(input.client);
    const owner = claimed.get(slug);
    if (owner !== undefined) {
      throw new CniError(
        'USAGE',
        `${file}: its report would go to ${join(request.outDir, slug)}, as the report of ${owner} does`,
        {
          hint:
            request.nameBy === 'file'
              ? 'give the answers files different names, or generate them into different --out folders'
              : 'for variants of one client, --name-by file names each folder after its answers file',
        },
      );
    }
    claimed.set(slug, file);
    const earlier = await earlierReport(join(request.outDir, slug));
    if (earlier !== null && request.noClobber === true) {
      throw new CniError(
        'OUTPUT_EXISTS',
        `${file}: ${join(request.outDir, slug)}/ already holds a report (from ${earlier}); not replaced (--no-clobber)`,
        { hint: 'generate into another --out folder, or without --no-clobber to replace it' },
      );
    }
    // Launched as soon as one report is sure to need it, so start-up overlaps scoring and charts.
    if (wants('pdf') && printer === undefined) startPrinter();
    renderers ??= hooks.loadRenderers();
    const render = await renderers.catch((error: unknown) => {
      throw new RunAborted(error);
    });
    const { result, stamp } = input.score(phases);
    const stale = staleDataWarning(stamp.dataVerifiedOn, stamp.date);
    if (stale !== null) warnings.add(stale);
    const charts = needsCharts ? await timedAsync(phases, 'charts', () => render.charts(result)) : [];
    const sources: ReportSources = {
      result,
      dataset: defaultDataset(),
      brand: request.brand,
      charts: charts.map(({ name, title, description, svg, width, height }) => ({
        name,
        title,
        description,
        svg,
        width,
        height,
      })),
      stamp,
      paper: request.paper,
    };
    const html = needsHtml ? timed(phases, 'html', () => render.html(sources)) : null;
    const deck = wants('pptx') ? await timedAsync(phases, 'pptx', () => render.deck(sources)) : null;
    const workbook = wants('xlsx') ? await timedAsync(phases, 'xlsx', () => render.workbook(sources)) : null;
    hooks.onRendered?.(file, sources, html);
    return {
      index,
      file,
      slug,
      earlier,
      client: input.client,
      preparedBy: result.situation.engagement.preparedBy,
      started,
      png: render.png,
      markdown: render.markdown,
      sources,
      report: {
        html,
        resultJson: wants('json') ? resultJson(result, stamp) : null,
        deck,
        workbook,
        charts,
      },
      phases,
    };
  };

  const printPdf = async (launched: Printer, html: string, prepared: Prepared) => {
    const info = {
      title: `CNI recommendation for ${prepared.client}`,
      ...(prepared.preparedBy === undefined ? {} : { author: prepared.preparedBy }),
      creator: `cnireport ${request.toolVersion}`,
    };
    try {
      return { pdf: await launched.print(html, { paper: request.paper, ...info }), pdfError: null };
    } catch (error) {
      if (!(error instanceof CniError)) throw error;
      const pdfError = new CniError(error.code, `${prepared.file}: ${error.message}`, {
        cause: error,
        ...(error.hint === undefined ? {} : { hint: error.hint }),
      });
      return { pdf: null, pdfError };
    }
  };

  /** Prints and writes one prepared report; never rejects, so reports in flight cannot go unobserved. */
  const complete = async (prepared: Prepared): Promise<void> => {
    const { index, file, slug, started, phases } = prepared;
    try {
      const launched = printer === undefined ? null : await printer;
      const html = prepared.report.html;
      const printing =
        launched === null || launched instanceof CniError || html === null || hooks.signal?.aborted
          ? Promise.resolve({ pdf: null, pdfError: null })
          : timedAsync(phases, 'pdf', () => printPdf(launched, html, prepared));
      // Rasterised on libuv's threads while the browser prints in its own processes.
      const rasterising = wants('png')
        ? timedAsync(phases, 'png', () =>
            Promise.all(
              prepared.report.charts.map(async (chart) => ({ ...chart, png: await prepared.png(chart.svg) })),
            ),
          )
        : Promise.resolve(prepared.report.charts);
      const [{ pdf, pdfError }, charts] = await Promise.all([printing, rasterising]);
      // Reports finish whole or not at all: once interrupted, nothing more is written.
      if (hooks.signal?.aborted) return;
      const folder = join(request.outDir, slug);
      const markdown = wants('md')
        ? timed(phases, 'md', () =>
            prepared.markdown(prepared.sources, {
              charts: charts.length === 0 ? null : wants('png') ? 'png' : wants('svg') ? 'svg' : null,
              html: wants('html') && prepared.report.html !== null,
              pdf: pdf !== null,
            }),
          )
        : null;
      const outputs = reportFiles(formats, { ...prepared.report, charts, pdf, markdown });
      // Nothing to write (only a PDF was asked for, and it did not print): the folder is not even created.
      if (outputs.length > 0) {
        await timedAsync(phases, 'write', () =>
          writeReportFiles(folder, outputs, {
            ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
            onWait: (holder) => hooks.onWaiting?.(folder, holder),
          }),
        );
        written[index] = {
          folder,
          files: outputs.map(({ path }) => ({ path })),
          ...(prepared.earlier === null ? {} : { replaced: prepared.earlier }),
        };
      }
      if (wants('pdf') && pdf === null && (await isFile(join(folder, 'report.pdf')))) {
        outdated.push(join(folder, 'report.pdf'));
      }
      hooks.onTiming?.(`timing ${slug}: ${phases.join(', ')}`);
      if (pdfError !== null) failures.push({ index, file, error: pdfError });
      finished(file, slug, started, pdfError, written[index] ?? null);
    } catch (error) {
      if (!(error instanceof CniError)) {
        bugs.push(error);
        return;
      }
      if (hooks.signal?.aborted) return;
      failures.push({ index, file, error });
      finished(file, slug, started, error);
    }
  };

  const closePrinter = () => {
    closing ??= (async () => {
      const launched = printer === undefined ? null : await printer.catch(() => null);
      if (launched !== null && !(launched instanceof CniError)) await launched.close();
    })();
    return closing;
  };
  const onAbort = () => void closePrinter();
  hooks.signal?.addEventListener('abort', onAbort, { once: true });

  const inFlight = new Set<Promise<void>>();
  try {
    for (const [index, file] of files.entries()) {
      if (bugs.length > 0 || hooks.signal?.aborted) break;
      const started = performance.now();
      let prepared: Prepared;
      try {
        prepared = await prepare(index, file);
      } catch (error) {
        if (error instanceof RunAborted) throw error.reason;
        if (!(error instanceof CniError)) throw error;
        failures.push({ index, file, error });
        finished(file, null, started, error);
        continue;
      }
      const completion = complete(prepared).finally(() => inFlight.delete(completion));
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
  };
}

function interrupted(signal: AbortSignal, written: number, total: number): CniError {
  const exitCode = typeof signal.reason === 'number' ? signal.reason : 130;
  return new CniError(
    'INTERRUPTED',
    `interrupted: ${written} of ${total} ${total === 1 ? 'report' : 'reports'} written in full; nothing else was touched`,
    { exitCode },
  );
}

interface LoadedInput {
  readonly client: string;
  readonly warnings: readonly Problem[];
  readonly score: (phases: string[]) => { result: BuiltResult; stamp: ReproStamp };
}

/** A failure of the whole run rather than of one answers file. */
class RunAborted {
  constructor(readonly reason: unknown) {}
}

async function isFile(path: string): Promise<boolean> {
  return lstat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
}
