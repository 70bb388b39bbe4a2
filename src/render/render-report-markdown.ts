import { buildReportModel } from '../report/build-report-model.js';
import type { ReportSources } from '../report/report-sources.js';
import { escapeMarkdown } from './escape-markdown.js';

/** The files written beside the summary, which it may link to: never one that is not there. */
export interface MarkdownLinks {
  /** Which chart files: PNG (for slides) first, else SVG, else none. */
  readonly charts: 'png' | 'svg' | null;
  readonly html: boolean;
  readonly pdf: boolean;
}

/** A short summary for proposals: the recommendation, why, the cost table and links to the files written. */
export function renderReportMarkdown(sources: ReportSources, links: MarkdownLinks): string {
  const model = buildReportModel(sources);
  const md = escapeMarkdown;
  const { summary, tco } = model;
  const lines = [
    `# ${md(model.title)}`,
    '',
    `${model.preparedBy === null ? '' : `Prepared by ${md(model.preparedBy)}, `}${md(model.date)}`,
    '',
    ...(model.scenario === null ? [] : [`Scenario: ${md(model.scenario)}`, '']),
    `**Recommendation: ${md(summary.optionName)}** (confidence ${md(summary.confidence)})`,
    '',
    md(summary.headline),
    '',
  ];
  if (summary.closeCall !== null) lines.push(`> **Close call.** ${md(summary.closeCall)}`, '');
  const placeholder =
    summary.placeholderWarning === null ? null : `**Indicative price.** ${md(summary.placeholderWarning)}`;
  // As in the HTML: a warning up front only where the placeholder can sway the decision, else a note.
  if (placeholder !== null && summary.placeholderMatters) lines.push(`> ${placeholder}`, '');
  lines.push('## Why', '', ...summary.reasons.map((r, i) => `${i + 1}. ${md(r)}`), '');
  lines.push(
    '## Alternatives',
    '',
    md(summary.runnerUp),
    '',
    ...summary.ruledOut.flatMap((r) => [md(r), '']),
  );
  if (placeholder !== null && !summary.placeholderMatters) lines.push(placeholder, '');
  lines.push('## What would change the decision', '', ...summary.flips.map((f) => `- ${md(f)}`), '');
  lines.push(
    `## Total cost of ownership (${md(sources.result.currency.code)})`,
    '',
    '| Option | Median TCO | P10 – P90 | Saved against today (medians) |',
    '| --- | ---: | ---: | ---: |',
    ...tco.comparison.map((c) => `| ${md(c.option)} | ${md(c.total)} | ${md(c.range)} | ${md(c.savings)} |`),
    '',
    // Finance reads this table beside the medians above: say why its totals are lower.
    'Year by year, at the likely value of every input, so that the years add up; most cost ranges reach further ' +
      'above their likely value than below it, so these totals sit below the medians above:',
    '',
    `| Option | ${tco.yearHeaders.join(' | ')} | Total |`,
    `| --- | ${tco.yearHeaders.map(() => '---:').join(' | ')} | ---: |`,
    ...tco.byYear.map((row) => {
      const label = row.emphasis ? `**${md(row.label)}**` : md(row.label);
      return `| ${label} | ${row.cells.map(md).join(' | ')} | ${md(row.total)} |`;
    }),
    '',
    md(tco.baselineNote),
    '',
    ...(links.charts === null || sources.charts.length === 0
      ? []
      : [
          '## Charts',
          '',
          ...sources.charts.map((c) => `- [${md(c.title)}](charts/${c.name}.${links.charts})`),
          '',
        ]),
  );
  const full = [
    ...(links.html ? ['[report.html](report.html)'] : []),
    ...(links.pdf ? ['[report.pdf](report.pdf)'] : []),
  ];
  lines.push(
    full.length === 0
      ? `Data version ${md(sources.stamp.dataVersion)}`
      : `Full report: ${full.join(' · ')} · data version ${md(sources.stamp.dataVersion)}`,
    '',
  );
  return lines.join('\n');
}
