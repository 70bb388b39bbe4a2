import type { ReportFile } from './report-files.js';

/** One report folder that was written, for the line that says so. */
export interface WrittenReport {
  /** The folder as the user would type it, e.g. `out/acme-bank`. */
  readonly folder: string;
  /** Names only: a batch's summary must not keep every report's contents in memory. */
  readonly files: readonly Pick<ReportFile, 'path'>[];
  /** When the report this one replaced had been written (YYYY-MM-DD); absent when the folder held none. */
  readonly replaced?: string;
}

/**
 * The line that says what a report folder received, e.g. `wrote out/acme-bank/: report.html, report.pdf,
 * 6 charts (.svg .png .vl.json), result.json, report.md`; a batch prints one per report as it finishes.
 */
export function describeWritten(report: WrittenReport): string {
  return `wrote ${report.folder}/: ${describeFiles(report.files)}`;
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
