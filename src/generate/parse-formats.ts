import { didYouMean } from '../shared/did-you-mean.js';
import { CniError } from '../shared/errors.js';

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
  if (names.length === 0) {
    throw new CniError('USAGE', `--format is empty (expected some of ${REPORT_FORMATS.join(', ')})`);
  }
  for (const name of names) {
    if (isReportFormat(name)) continue;
    const suggestion = didYouMean(name, REPORT_FORMATS);
    const hint = suggestion === undefined ? '' : `; did you mean ${suggestion}?`;
    throw new CniError(
      'USAGE',
      `--format: unknown format "${name}" (expected some of ${REPORT_FORMATS.join(', ')}${hint})`,
    );
  }
  return REPORT_FORMATS.filter((format) => names.includes(format));
}

function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(name);
}
