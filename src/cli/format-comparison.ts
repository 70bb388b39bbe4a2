import type { AttributedQuantity } from '../compare/attribute-changes.js';
import { type Comparison, type ScenarioComparison, signedScore } from '../compare/compare-scenarios.js';
import { formatMoney, formatPercent } from '../shared/format.js';

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

function padStart(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

/** Rows of cells as aligned columns: the first left-aligned, the others right-aligned. */
function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = rows[0]?.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length))) ?? [];
  return rows.map(
    (r) =>
      indent +
      r
        .map((cell, j) => (j === 0 ? pad(cell, widths[j] ?? 0) : padStart(cell, widths[j] ?? 0)))
        .join('  ')
        .trimEnd(),
  );
}

function signedMoney(x: number, currency: string): string {
  return x === 0 ? '0' : `${x > 0 ? '+' : '−'}${formatMoney(Math.abs(x), currency)}`;
}

/** The comparison for the room: the scenarios side by side, then each later file against the first. */
export function formatComparison(comparison: Comparison): string {
  const { scenarios } = comparison;
  const names = scenarios.map((s) => s.label);
  const lines = [
    `Comparing ${scenarios.length} answers files; each later one is explained against the first.`,
    '',
  ];
  const optionIds = scenarios[0]?.options.map((o) => o.id) ?? [];
  const optionName = (id: string) => scenarios[0]?.options.find((o) => o.id === id)?.name ?? id;
  const rows: string[][] = [
    ['', ...names],
    ['Client', ...scenarios.map((s) => s.client)],
    ['Date', ...scenarios.map((s) => s.date ?? 'not set')],
    ['Recommendation', ...scenarios.map((s) => s.recommendation.name)],
    ['Confidence', ...scenarios.map((s) => formatPercent(s.recommendation.confidence))],
    [
      'Lead',
      ...scenarios.map((s) =>
        s.recommendation.margin === null ? 'rivals ruled out' : s.recommendation.margin.toFixed(2),
      ),
    ],
    ['Close call', ...scenarios.map((s) => (s.recommendation.closeCall ? 'yes' : 'no'))],
  ];
  for (const id of optionIds) {
    rows.push([
      `Score: ${optionName(id)}`,
      ...scenarios.map((s) => {
        const o = s.options.find((x) => x.id === id);
        return o === undefined ? '' : `${o.score.toFixed(2)}${o.disqualified ? ' ruled out' : ''}`;
      }),
    ]);
  }
  for (const id of optionIds) {
    rows.push([
      `TCO: ${optionName(id)}`,
      ...scenarios.map((s) => {
        const o = s.options.find((x) => x.id === id);
        return o === undefined ? '' : `${formatMoney(o.tco.total, s.currency)} (${s.horizonYears} y)`;
      }),
    ]);
  }
  lines.push(...table(rows));
  for (const c of comparison.comparisons) lines.push('', ...formatOne(c, comparison));
  return `${lines.join('\n')}\n`;
}

function formatOne(c: ScenarioComparison, comparison: Comparison): string[] {
  const lines = [`${c.file} against ${c.against}:`];
  if (c.changes.length === 0) {
    lines.push('  No change: the two files give the same answers.');
    return lines;
  }
  lines.push(
    '  Changed answers:',
    ...table(
      c.changes.map((r) => [r.path, `${r.fromText} → ${r.toText}`]),
      '    ',
    ),
  );
  if (c.needChanges.length > 0) {
    lines.push(
      '  Needs that moved:',
      ...table(
        c.needChanges.map((n) => [n.name, `${n.from} → ${n.to}`]),
        '    ',
      ),
    );
  }
  lines.push('  Why it moved:', ...c.summary.map((s) => `    - ${s}`));
  const { attribution } = c;
  if (attribution.inputs.length === 0) return lines;
  lines.push(`  Attribution: ${attribution.description}`);
  const scenario = comparison.scenarios.find((s) => s.file === c.file);
  const name = (id: string) => scenario?.options.find((o) => o.id === id)?.short ?? id;
  const currency = scenario?.currency ?? 'USD';
  const columns = (kinds: readonly AttributedQuantity['kind'][]) =>
    attribution.quantities.filter((q) => kinds.includes(q.kind));
  const block = (
    quantities: readonly AttributedQuantity[],
    header: (q: AttributedQuantity) => string,
    fmt: (x: number) => string,
  ) => {
    if (quantities.length === 0) return [];
    const rows = [
      ['', ...quantities.map(header)],
      ...attribution.inputs.map((input, i) => [input.id, ...quantities.map((q) => fmt(q.shares[i] ?? 0))]),
      ['total change', ...quantities.map((q) => fmt(q.change))],
    ];
    return table(rows, '    ');
  };
  lines.push(
    ...block(
      columns(['lead', 'score']),
      (q) =>
        q.kind === 'lead'
          ? `lead ${name(q.option)} over ${name(q.against ?? '')}`
          : `score ${name(q.option)}`,
      signedScore,
    ),
    ...block(
      columns(['tco']),
      (q) => `TCO ${name(q.option)}`,
      (x) => signedMoney(Math.round(x), currency),
    ),
  );
  return lines;
}
