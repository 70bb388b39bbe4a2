import type { ReportFile } from './report-files.js';

/** One report folder that was written, for the closing summary line. */
export interface WrittenReport {
  /** The folder as the user would type it, e.g. `out/acme-bank`. */
  readonly folder: string;
  /** Names only: a batch's summary must not keep every report's contents in memory. */
  readonly files: readonly Pick<ReportFile, 'path'>[];
}

/**
 * The one summary line of a generate run, e.g. `wrote out/acme-bank/: report.html, report.pdf, 6 charts
 * (.svg .png .vl.json), result.json, report.md`. A batch names each folder once and its contents once
 * when every folder got the same files.
 */
export function describeWritten(reports: readonly WrittenReport[]): string {
  const first = reports[0];
  if (first === undefined) return 'wrote nothing';
  const contents = reports.map((report) => describeFiles(report.files));
  if (reports.length === 1) return `wrote ${first.folder}/: ${contents[0]}`;
  const folders = reports.map((report) => `${report.folder}/`);
  if (contents.every((c) => c === contents[0])) {
    return `wrote ${reports.length} reports, ${folders.join(', ')}, each with ${contents[0]}`;
  }
  return `wrote ${reports.length} reports: ${folders.map((folder, i) => `${folder} (${contents[i]})`).join('; ')}`;
}

function describeFiles(files: readonly Pick<ReportFile, 'path'>[]): string {
  const parts: string[] = [];
  const charts = new Set<string>();
  const extensions = new Set<string>();
  let chartsAt = -1;
  for (const { path } of files) {
    const chart = /^charts\/(.+?)(\.svg|\.png|\.vl\.json)$/.exec(path);
    if (chart?.[1] === undefined || chart[2] === undefined) {
      parts.push(path);
      continue;
    }
    if (chartsAt < 0) chartsAt = parts.length;
    charts.add(chart[1]);
    extensions.add(chart[2]);
  }
  if (chartsAt >= 0) {
    const noun = charts.size === 1 ? 'chart' : 'charts';
    parts.splice(chartsAt, 0, `${charts.size} ${noun} (${[...extensions].join(' ')})`);
  }
  return parts.join(', ');
}
