import { loadAnswers } from '../io/load-answers.js';
import { defaultDataset } from '../io/load-dataset.js';
import { loadResult } from '../io/load-result.js';
import type { Problem } from '../io/problem.js';
import type { MarkdownLinks } from '../render/render-report-markdown.js';
import type { Brand, ReportChartImage, ReportSources, ReproStamp } from '../report/report-sources.js';
import { buildResult } from '../result/build-result.js';
import { resultJson } from '../result/result-json.js';
import type { BuiltResult } from '../result/result-schema.js';
import { consultantNotes } from './consultant-notes.js';
import type { ReportFormat } from './parse-formats.js';
import { reportDate } from './report-date.js';
import type { ChartFiles, RenderedReport } from './report-files.js';
import { reproStamp } from './repro-stamp.js';
import { staleDataWarning } from './stale-data-warning.js';

/** A chart ready for the report and for its own files, but for its PNG. */
export type GeneratedChart = Omit<ChartFiles, 'png'> & ReportChartImage;

/** The pure renderers a report is made with; injected so the orchestration can be tested on its own. */
export interface ReportRenderers {
  /** The report's charts as SVG. */
  charts(result: BuiltResult): Promise<readonly GeneratedChart[]>;
  /** A chart's SVG as a PNG at twice its size, rendered off this thread (on libuv's). */
  png(svg: string): Promise<Uint8Array>;
  html(sources: ReportSources): string;
  /** Rendered for a report with and without its PDF, so it links only the files the folder will hold. */
  markdown(sources: ReportSources, links: MarkdownLinks): string;
  /** report.pptx, the executive deck. */
  deck(sources: ReportSources): Promise<Uint8Array>;
  /** tco.xlsx, the TCO workbook with live formulas. */
  workbook(sources: ReportSources): Promise<Uint8Array>;
}

/** What making one report needs to know of the run: plain data, so a worker thread can be given it. */
export interface PrepareSettings {
  /** Answers files to score (`generate`), or result.json files to render as they are (`render`). */
  readonly from?: 'answers' | 'result';
  readonly formats: readonly ReportFormat[];
  readonly paper: 'A4' | 'Letter';
  readonly brand: Brand;
  readonly seed?: number;
  readonly sourceDateEpoch?: string;
  readonly now: Date;
  readonly toolVersion: string;
  /**
   * Rasterise the charts here (a worker, whose thread is its own) or leave it to the run, which draws them on
   * libuv's threads while the browser prints.
   */
  readonly pngs: 'here' | 'later';
}

/**
 * One report rendered in memory, all but its PDF: plain data (strings, bytes and arrays), so that it crosses
 * from a worker thread as it is. The Markdown comes in two versions, linking the PDF or not, since whether it
 * prints is known only later.
 */
export interface PreparedReport {
  readonly file: string;
  readonly client: string;
  readonly preparedBy: string | undefined;
  /** Valid answers that look implausible together (`answersWarnings`). */
  readonly warnings: readonly Problem[];
  /** The data is older than the report date allows, or null. */
  readonly stale: string | null;
  /** The consultant's to-dos for this report, for stderr (`consultantNotes`). */
  readonly notes: readonly string[];
  readonly report: Omit<RenderedReport, 'pdf' | 'markdown' | 'charts'> & {
    /** A chart's `png` is missing when `pngs` was 'later'. */
    readonly charts: readonly ChartFiles[];
  };
  readonly markdown: { readonly withPdf: string; readonly withoutPdf: string } | null;
  /** Each step's time, `name N ms`, for `CNIREPORT_TIMING=1`. */
  readonly phases: readonly string[];
}

/**
 * The Node work of one report: load the input, score it (an answers file) or read its result (a result.json),
 * draw the charts, render the HTML, deck, workbook and Markdown, and list what the consultant should know. No
 * browser and no writing: the run prints and writes. Throws a CniError for an input that cannot be reported.
 * `onLoaded` is called once the input has loaded, before the longer work (the run starts its browser then).
 */
export async function prepareReport(
  settings: PrepareSettings,
  renderers: ReportRenderers,
  file: string,
  onLoaded?: () => void,
): Promise<PreparedReport> {
  const { formats } = settings;
  const wants = (format: ReportFormat) => formats.includes(format);
  const phases: string[] = [];
  const { result, warnings } = await timedAsync(phases, 'load', () => loadInput(settings, file));
  onLoaded?.();
  const scored = await result(phases);
  const needsCharts = formats.some((format) => format !== 'json' && format !== 'xlsx');
  const drawn = needsCharts ? await timedAsync(phases, 'charts', () => renderers.charts(scored.result)) : [];
  const sources: ReportSources = {
    result: scored.result,
    brand: settings.brand,
    charts: drawn.map(({ name, title, description, svg, width, height }) => ({
      name,
      title,
      description,
      svg,
      width,
      height,
    })),
    stamp: scored.stamp,
    paper: settings.paper,
  };
  const html = wants('html') || wants('pdf') ? timed(phases, 'html', () => renderers.html(sources)) : null;
  const deck = wants('pptx') ? await timedAsync(phases, 'pptx', () => renderers.deck(sources)) : null;
  const workbook = wants('xlsx') ? await timedAsync(phases, 'xlsx', () => renderers.workbook(sources)) : null;
  const charts: ChartFiles[] =
    settings.pngs === 'here' && wants('png')
      ? await timedAsync(phases, 'png', () =>
          Promise.all(
            drawn.map(async ({ name, spec, svg }) => ({ name, spec, svg, png: await renderers.png(svg) })),
          ),
        )
      : drawn.map(({ name, spec, svg }) => ({ name, spec, svg }));
  const markdown = wants('md')
    ? timed(phases, 'md', () => {
        const links = (pdf: boolean): MarkdownLinks => ({
          charts: charts.length === 0 ? null : wants('png') ? 'png' : wants('svg') ? 'svg' : null,
          html: wants('html') && html !== null,
          pdf,
        });
        const withoutPdf = renderers.markdown(sources, links(false));
        return { withPdf: wants('pdf') ? renderers.markdown(sources, links(true)) : withoutPdf, withoutPdf };
      })
    : null;
  return {
    file,
    client: scored.result.engagement.client,
    preparedBy: scored.result.situation.engagement.preparedBy,
    warnings,
    stale: staleDataWarning(scored.stamp.dataVerifiedOn, scored.stamp.date),
    notes: consultantNotes(sources, html),
    report: {
      html,
      resultJson: wants('json') ? resultJson(scored.result, scored.stamp) : null,
      deck,
      workbook,
      charts,
    },
    markdown,
    phases,
  };
}

interface LoadedInput {
  readonly warnings: readonly Problem[];
  readonly result: (phases: string[]) => Promise<{ result: BuiltResult; stamp: ReproStamp }>;
}

/**
 * One input file, loaded: an answers file is scored (its date from the answers, SOURCE_DATE_EPOCH or today); a
 * result.json already holds its result and the stamp that dates it.
 */
async function loadInput(settings: PrepareSettings, file: string): Promise<LoadedInput> {
  if (settings.from === 'result') {
    const loaded = await loadResult(file);
    return { warnings: [], result: async () => loaded };
  }
  const { answers, text, warnings } = await loadAnswers(file);
  return {
    warnings,
    result: async (phases) => {
      const date = reportDate(answers.engagement.date, settings.sourceDateEpoch, settings.now);
      const scoreOptions = settings.seed === undefined ? {} : { seed: settings.seed };
      const result = timed(phases, 'score', () => buildResult(answers, defaultDataset(), scoreOptions));
      const stamp = reproStamp({
        answersBytes: new TextEncoder().encode(text),
        toolVersion: settings.toolVersion,
        result,
        dataVerifiedOn: defaultDataset().meta.verifiedOn,
        date,
      });
      return { result, stamp };
    },
  };
}

export function timed<T>(phases: string[], name: string, work: () => T): T {
  const t0 = performance.now();
  const value = work();
  phases.push(`${name} ${Math.round(performance.now() - t0)} ms`);
  return value;
}

export async function timedAsync<T>(phases: string[], name: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const value = await work();
  phases.push(`${name} ${Math.round(performance.now() - t0)} ms`);
  return value;
}

/** A failure of the whole run rather than of one input file (the renderers would not load). */
export class RunAborted {
  constructor(readonly reason: unknown) {}
}
