import type { ScoreResult } from '../scoring/score-result.js';
import { formatNumber, formatPercent } from '../shared/format.js';
import { turnsOnSentence } from '../words/turns-on-sentence.js';

/** The decision in a few lines: which option, how sure, and why. */
export function formatRecommendation({ recommendation: rec, options }: ScoreResult): string {
  const runnerUp = options.find((o) => o.id === rec.runnerUp)?.name ?? rec.runnerUp;
  const challenger =
    options.find((o) => o.id === rec.change.challenger)?.name ?? String(rec.change.challenger);
  const lead =
    rec.margin === null
      ? 'every alternative is ruled out'
      : rec.change.stayed
        ? stayedVerdict(rec.change, challenger)
        : `lead ${rec.margin.toFixed(2)} over ${runnerUp}`;
  const lines = [
    `Recommendation: ${rec.name} (confidence ${formatPercent(rec.confidence)}, ${lead}${rec.closeCall ? ', CLOSE CALL' : ''})`,
    ...closeCallLines({ recommendation: rec, options }),
    ...rec.reasons.map((r) => `  - ${r}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Why the recommendation stays on what runs today although another option scores higher. */
export function stayedVerdict(change: ScoreResult['recommendation']['change'], challenger: string): string {
  return `stays on what runs today: ${challenger} leads by ${formatNumber(change.lead ?? 0, 3)}, less than the change hurdle of ${formatNumber(change.hurdle ?? 0, 3)}`;
}

/** For a close call, what it turns on, as the report's cover says it. */
export function closeCallLines({
  recommendation: rec,
  options,
}: Pick<ScoreResult, 'recommendation' | 'options'>): string[] {
  if (!rec.closeCall) return [];
  const turnsOn = turnsOnSentence(rec.closeBecause, Object.fromEntries(options.map((o) => [o.id, o.short])));
  return turnsOn === null ? [] : [`  Close call: ${turnsOn}`];
}
