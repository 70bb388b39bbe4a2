import type { ScoreResult } from '../scoring/score-result.js';
import { formatMoney, formatPercent } from '../shared/format.js';
import { closeCallLines, stayedVerdict } from './format-recommendation.js';

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/**
 * What orders the table where the score alone does not (new-user findings, minor 10): a path that meets every
 * must ranks above one ruled out, whatever their scores, and the change rule keeps what runs today first
 * unless a move clears its hurdle.
 */
export function rankingNotes(result: Pick<ScoreResult, 'options' | 'recommendation'>): string[] {
  const ranked = [...result.options].sort((a, b) => a.rank - b.rank);
  const notes: string[] = [];
  const outranked = (ruledOut: boolean) =>
    ranked.some((o, i) => ranked.slice(i + 1).some((p) => p.score > o.score && p.disqualified === ruledOut));
  if (ranked.some((o) => !o.disqualified) && outranked(true)) {
    notes.push('  Ruled-out paths rank below every path that meets the musts, whatever their score.');
  }
  const first = ranked[0];
  const { change } = result.recommendation;
  const challenger = result.options.find((o) => o.id === change.challenger);
  if (first !== undefined && change.stayed && challenger !== undefined && challenger.score > first.score) {
    notes.push(
      `  ${first.name} ranks first by the change rule, not the score: ${challenger.name} scores higher, but by less than a move must gain.`,
    );
  }
  return notes.length === 0 ? [] : ['', ...notes];
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
    `${engagement.client}: ${rec.meetsAllMusts ? '' : 'no path meets every must; the closest, '}${rec.name}${rec.meetsAllMusts ? '' : ','} recommended (confidence ${formatPercent(rec.confidence)}${lead}${rec.closeCall ? ', CLOSE CALL' : ''})`,
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
  lines.push(...rankingNotes(result));
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
