import { escapeMarkdown as md } from '../render/escape-markdown.js';
import type { ComparisonReportModel } from './comparison-report-model.js';

type Table = NonNullable<ComparisonReportModel['tco']>;

function table(t: Table, first = ''): string[] {
  return [
    `| ${md(first)} | ${t.headers.map(md).join(' | ')} |`,
    `| --- | ${t.headers.map(() => '---:').join(' | ')} |`,
    ...t.rows.map(
      (r) => `| ${r.total ? `**${md(r.label)}**` : md(r.label)} | ${r.cells.map(md).join(' | ')} |`,
    ),
  ];
}

/** The comparison in Markdown for proposals, with links to the chart PNGs written beside it. Pure. */
export function renderComparisonMarkdown(model: ComparisonReportModel, chartLinks: boolean): string {
  const byline = model.preparedBy === null ? '' : `Prepared by ${model.preparedBy} · `;
  const lines = [`# ${md(model.title)}`, '', md(`${byline}${model.date}`), '', md(model.headline), ''];
  lines.push(
    '| Scenario | Recommendation | Confidence | Lead | Close call |',
    '| --- | --- | ---: | ---: | --- |',
    ...model.scenarios.map(
      (s) =>
        `| ${md(s.label)} | ${md(s.recommendation)} | ${md(s.confidence)} | ${md(s.lead)} | ${s.closeCall} |`,
    ),
    '',
    '## Scores',
    '',
    ...table(model.scores, 'Option'),
    '',
  );
  if (model.tco !== null) lines.push('## Total cost of ownership', '', ...table(model.tco, 'Option'), '');
  if (chartLinks) {
    for (const f of model.figures) lines.push(`![${md(f.description)}](charts/${f.name}.png)`, '');
  }
  for (const c of model.comparisons) {
    lines.push(`## ${md(c.title)}`, '');
    if (c.noChange) {
      lines.push('No change: the two scenarios give the same answers, so the same recommendation.', '');
      continue;
    }
    lines.push(...c.summary.map((s) => `- ${md(s)}`), '', '### What changed', '');
    lines.push(
      `| Answer | ${md(model.reference)} | ${md(c.label)} |`,
      '| --- | --- | --- |',
      ...c.changes.map((r) => `| ${md(r.label)} | ${md(r.from)} | ${md(r.to)} |`),
      '',
    );
    if (c.leadTable !== null)
      lines.push("### Each change's share of the scores", '', ...table(c.leadTable), '');
    if (c.tcoTable !== null) lines.push("### Each change's share of the costs", '', ...table(c.tcoTable), '');
    if (chartLinks && c.figure !== null)
      lines.push(`![${md(c.figure.description)}](charts/${c.figure.name}.png)`, '');
    lines.push(`*${md(c.method)}*`, '');
  }
  lines.push('## How the comparison is made', '', ...model.method.flatMap((p) => [md(p), '']));
  return `${lines.join('\n').trimEnd()}\n`;
}
