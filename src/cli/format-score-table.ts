import type { ScoreResult } from '../scoring/score-result.js';
import { formatMoney, formatPercent } from '../shared/format.js';
import { closeCallLines, stayedVerdict } from './format-recommendation.js';

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** The ranking as a consultant reads it in a terminal: table, reasons, and what would flip the decision. */
export function formatScoreTable(result: ScoreResult): string {
  const { recommendation: rec, engagement } = result;
  const money = (x: number) => formatMoney(x, engagement.currency);
  const nameWidth = Math.max(...result.options.map((o) => o.name.length), 6);
  const lead =
    rec.margin === null
      ? ', every alternative is ruled out'
      : rec.change.stayed
        ? `, ${stayedVerdict(rec.change, result.options.find((o) => o.id === rec.change.challenger)?.short ?? String(rec.change.challenger))}`
        : `, lead ${rec.margin.toFixed(2)}`;
  const lines = [
    `${engagement.client}: ${rec.name} recommended (confidence ${formatPercent(rec.confidence)}${lead}${rec.closeCall ? ', CLOSE CALL' : ''})`,
    ...closeCallLines(result),
    '',
    `  #  ${pad('Option', nameWidth)}  Score  ${pad(`${engagement.horizonYears}-year TCO, median`, 22)}  Status`,
  ];
  for (const o of result.options) {
    const status =
      o.excludedBy.length > 0
        ? `ruled out: not possible on ${o.excludedBy.map((e) => e.platform).join(', ')}`
        : o.disqualified
          ? `ruled out: does not fully meet ${o.unmetMusts.join(', ')} (must)`
          : 'meets every must';
    lines.push(
      `  ${o.rank}  ${pad(o.name, nameWidth)}  ${o.score.toFixed(2)}   ${pad(money(o.tco.median), 22)}  ${status}`,
    );
  }
  lines.push(
    '',
    `  Staying as today (${result.baseline.description}) costs a median ${money(result.baseline.tco.median)}.`,
    '  Medians of the simulated scenarios; result.json gives each total at the likely figures as tco.likely.',
  );
  lines.push('', `Why ${rec.name}:`, ...rec.reasons.map((r) => `  - ${r}`));
  const weighed = result.options.flatMap((o) => o.stack.decisions.map((d) => `  - ${o.short}: ${d.reason}`));
  if (weighed.length > 0)
    lines.push('', 'Fitted to the client (should and nice needs, sidecars):', ...weighed);
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
