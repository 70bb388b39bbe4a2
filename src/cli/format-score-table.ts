import type { ScoreResult } from '../scoring/score-result.js';
import { formatMoney, formatPercent } from '../shared/format.js';

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** The ranking as a consultant reads it in a terminal: table, reasons, and what would flip the decision. */
export function formatScoreTable(result: ScoreResult): string {
  const { recommendation: rec, engagement } = result;
  const money = (x: number) => formatMoney(x, engagement.currency);
  const nameWidth = Math.max(...result.options.map((o) => o.name.length), 6);
  const lines = [
    `${engagement.client}: ${rec.name} recommended (confidence ${formatPercent(rec.confidence)}${
      rec.margin === null ? ', every alternative is ruled out' : `, lead ${rec.margin.toFixed(2)}`
    }${rec.closeCall ? ', CLOSE CALL' : ''})`,
    '',
    `  #  ${pad('Option', nameWidth)}  Score  ${pad(`${engagement.horizonYears}-year TCO`, 14)}  Status`,
  ];
  for (const o of result.options) {
    const status = o.disqualified
      ? `ruled out: cannot meet ${o.unmetMusts.join(', ')} (must)`
      : 'meets every must';
    lines.push(
      `  ${o.rank}  ${pad(o.name, nameWidth)}  ${o.score.toFixed(2)}   ${pad(money(o.tco.total), 14)}  ${status}`,
    );
  }
  lines.push(
    '',
    `  Staying as today (${result.baseline.description}) costs ${money(result.baseline.tco.total)}.`,
  );
  lines.push('', `Why ${rec.name}:`, ...rec.reasons.map((r) => `  - ${r}`));
  const flips = result.sensitivity.filter((s) => s.flipsAt !== null);
  if (flips.length > 0) lines.push('', 'What would change it:', ...flips.map((s) => `  - ${s.sentence}`));
  const placeholder = result.assumptions.find((a) => a.kind === 'placeholder');
  if (placeholder !== undefined) {
    lines.push(
      '',
      `Note: ${placeholder.key} is a placeholder; set assumptions.${placeholder.key} from a vendor quote.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
