import { didYouMean } from '../shared/did-you-mean.js';
import { noFormats, unknownFormat } from '../shared/error-catalogue.js';

/** What `generate --format` can ask for; vl.json chart specs come with svg or png. */
export const REPORT_FORMATS = ['html', 'pdf', 'png', 'svg', 'json', 'md', 'pptx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What `generate` writes without `--format`: the editable Office files (pptx, xlsx) are written on request only. */
export const DEFAULT_FORMATS: readonly ReportFormat[] = ['html', 'pdf', 'png', 'svg', 'json', 'md'];

/** `html,pdf` → the formats asked for, in the canonical order; any unknown name is a USAGE error. */
export function parseFormats(list: string): readonly ReportFormat[] {
  const names = list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.length === 0) throw noFormats(REPORT_FORMATS);
  for (const name of names) {
    if (isReportFormat(name)) continue;
    throw unknownFormat(name, REPORT_FORMATS, didYouMean(name, REPORT_FORMATS));
  }
  return REPORT_FORMATS.filter((format) => names.includes(format));
}

function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(name);
}
