import type { ReportFormat } from './parse-formats.js';

/** A chart as the chart renderer hands it over: the spec, its SVG and, when asked for, its 2× PNG. */
export interface ChartFiles {
  readonly name: string;
  readonly spec: unknown;
  readonly svg: string;
  readonly png?: Uint8Array;
}

/** Everything one report is, rendered in memory; null where its format was not asked for. */
export interface RenderedReport {
  readonly html: string | null;
  readonly pdf: Uint8Array | null;
  readonly resultJson: string | null;
  readonly markdown: string | null;
  /** report.pptx, the executive deck. */
  readonly deck: Uint8Array | null;
  /** tco.xlsx, the TCO workbook with live formulas. */
  readonly workbook: Uint8Array | null;
  readonly charts: readonly ChartFiles[];
}

export interface ReportFile {
  /** Relative to the client's folder, with forward slashes. */
  readonly path: string;
  readonly data: string | Uint8Array;
}

/**
 * The files of one report folder for `formats`. Chart specs (`.vl.json`) travel with either chart format,
 * since both are for people who reuse the charts elsewhere.
 */
export function reportFiles(formats: readonly ReportFormat[], report: RenderedReport): ReportFile[] {
  const files: ReportFile[] = [];
  const wants = (format: ReportFormat) => formats.includes(format);
  if (wants('html') && report.html !== null) files.push({ path: 'report.html', data: report.html });
  if (wants('pdf') && report.pdf !== null) files.push({ path: 'report.pdf', data: report.pdf });
  for (const chart of report.charts) {
    if (wants('svg')) files.push({ path: `charts/${chart.name}.svg`, data: chart.svg });
    if (wants('png') && chart.png !== undefined)
      files.push({ path: `charts/${chart.name}.png`, data: chart.png });
    if (wants('svg') || wants('png')) {
      files.push({ path: `charts/${chart.name}.vl.json`, data: `${JSON.stringify(chart.spec, null, 2)}\n` });
    }
  }
  if (wants('json') && report.resultJson !== null)
    files.push({ path: 'result.json', data: report.resultJson });
  if (wants('md') && report.markdown !== null) files.push({ path: 'report.md', data: report.markdown });
  if (wants('pptx') && report.deck !== null) files.push({ path: 'report.pptx', data: report.deck });
  if (wants('xlsx') && report.workbook !== null) files.push({ path: 'tco.xlsx', data: report.workbook });
  return files;
}
