import { roundTo } from '../shared/format.js';
import type { DecisionCore } from './decide-answers.js';
import type { ScoreResult } from './score-result.js';
import { tornado } from './tornado.js';

/** The pick's tornado as the result states it: each figure's low and high to 6 decimals, money in whole units. */
export function tornadoResult(core: DecisionCore): ScoreResult['tornado'] {
  const { ctx, winner, base, parameters } = core;
  return {
    option: winner.id,
    bars: tornado(ctx, winner.plan, base, parameters).map((b) => ({
      ...b,
      low: roundTo(b.low, 6),
      high: roundTo(b.high, 6),
      tcoAtLow: Math.round(b.tcoAtLow),
      tcoAtHigh: Math.round(b.tcoAtHigh),
      swing: Math.round(b.swing),
    })),
  };
}
