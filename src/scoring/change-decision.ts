import { roundTo } from '../shared/format.js';
import type { DecisionCore } from './decide-answers.js';
import type { ChangeDecision } from './score-result.js';

/**
 * The change rule as the result states it: what runs today, whether the pick changes the data plane, and, while
 * staying is itself a contender (it meets as many musts as the best), the challenger's lead and the hurdle it faced.
 */
export function changeDecision(core: DecisionCore): ChangeDecision {
  const { evaluated, hurdle, bestAtLikely, winner, incumbent, stayed } = core;
  const incumbentEval = evaluated.find((o) => o.id === hurdle.incumbent);
  const lead = bestAtLikely.id === winner.id ? winner : bestAtLikely;
  const contested = incumbentEval !== undefined && lead.id !== incumbentEval.id;
  return {
    incumbent: incumbent?.option.id ?? null,
    changesDataPlane: winner.plan.migratesCni,
    bestAtLikely: bestAtLikely.id,
    stayed,
    challenger: contested ? lead.id : null,
    lead: contested ? roundTo(lead.score - incumbentEval.score, 4) : null,
    hurdle: contested ? roundTo(hurdle.hurdles[lead.id] ?? 0, 4) : null,
  };
}
