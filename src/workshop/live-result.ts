import type { Parameter } from '../scoring/resolve-parameters.js';
import type { ScoreResult } from '../scoring/score-result.js';
import { formatQuantity } from '../shared/format.js';
import type { DescribedStakeholderViews } from '../words/stakeholder-text.js';
import { turnsOnSentence } from '../words/turns-on-sentence.js';
import type { ConsultantNote, LiveResult } from './workshop-protocol.js';

/** How many of the biggest cost drivers the consultant is asked to confirm. */
const DRIVERS_TO_CONFIRM = 5;

/**
 * What the page shows of a result: the recommendation, each option's score by criterion and TCO, where each
 * priority would flip the answer, and, for the consultant, the figures still to confirm.
 */
export function liveResult(
  result: ScoreResult,
  draws: number,
  stakeholders: DescribedStakeholderViews | null = null,
): LiveResult {
  const weights = result.priorities as Readonly<Record<string, number>>;
  const criteria = Object.keys(weights);
  const weightSum = criteria.reduce((sum, c) => sum + (weights[c] ?? 0), 0);
  const names = new Map(result.options.map((o) => [o.id as string, o.name]));
  const note = (p: Parameter): ConsultantNote => {
    const q = formatQuantity(p.value, p.unit, result.engagement.currency);
    return { label: p.description.replace(/\.$/, ''), value: `${q.value} ${q.unit}`, source: p.source };
  };
  const drivers = new Set(result.tornado.bars.slice(0, DRIVERS_TO_CONFIRM).map((b) => b.key as string));
  return {
    recommendation: {
      option: result.recommendation.option,
      name: result.recommendation.name,
      confidence: result.recommendation.confidence,
      closeCall: result.recommendation.closeCall,
      turnsOn: result.recommendation.closeCall
        ? turnsOnSentence(
            result.recommendation.closeBecause,
            Object.fromEntries(result.options.map((o) => [o.id, o.short])),
          )
        : null,
      reasons: result.recommendation.reasons,
    },
    draws,
    client: result.engagement.client,
    currency: result.engagement.currency,
    horizonYears: result.engagement.horizonYears,
    criteria,
    options: result.options.map((o) => {
      const scores = o.criteria as Readonly<Record<string, number>>;
      return {
        id: o.id,
        name: o.name,
        rank: o.rank,
        score: o.score,
        parts: Object.fromEntries(
          criteria.map((c) => [c, weightSum === 0 ? 0 : ((weights[c] ?? 0) * (scores[c] ?? 0)) / weightSum]),
        ),
        disqualified: o.disqualified,
        reasons: o.reasons,
        tcoTotal: o.tco.median,
        tcoLow: o.tco.p10,
        tcoHigh: o.tco.p90,
      };
    }),
    priorities: result.sensitivity
      .filter((s) => s.kind === 'weight')
      .map((s) => ({
        key: s.key,
        current: s.current,
        keepsFrom: s.keepsFrom,
        keepsTo: s.keepsTo,
        flipsAt: s.flipsAt,
        newWinner: s.newWinner === null ? null : (names.get(s.newWinner) ?? s.newWinner),
        sentence: s.sentence,
      })),
    changes: result.sensitivity.filter((s) => s.kind !== 'weight').map((s) => s.sentence),
    placeholders: result.assumptions.filter((p) => p.kind === 'placeholder').map(note),
    estimates: result.assumptions
      .filter((p) => p.kind === 'estimate' && p.origin === 'default' && drivers.has(p.key))
      .map(note),
    stakeholders:
      stakeholders === null
        ? null
        : {
            sentence: stakeholders.sentence,
            views: stakeholders.views.map((v) => ({
              name: v.name,
              choice: v.recommendation.name,
              agrees: v.agrees,
              sentence: v.sentence,
            })),
          },
  };
}
