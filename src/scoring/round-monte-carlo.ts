import { roundTo } from '../shared/format.js';
import { variedDrawText } from '../words/varied-draw-text.js';
import type { MonteCarloResult, MonteCarloSummary } from './monte-carlo.js';

/**
 * The plausible worlds' summary as the result states it: what was varied in words, money in whole units, shares to
 * 4 decimals.
 */
export function roundMonteCarlo(monteCarlo: MonteCarloSummary): MonteCarloResult {
  return {
    ...monteCarlo,
    varied: monteCarlo.varied.map(variedDrawText),
    bins: monteCarlo.bins.map((x) => Math.round(x)),
    options: monteCarlo.options.map((o) => ({
      ...o,
      pRecommended: roundTo(o.pRecommended, 4),
      pCheapest: roundTo(o.pCheapest, 4),
      p10: Math.round(o.p10),
      p50: Math.round(o.p50),
      p90: Math.round(o.p90),
      likelyPercentile: roundTo(o.likelyPercentile, 4),
    })),
    baseline:
      monteCarlo.baseline === null
        ? null
        : {
            p10: Math.round(monteCarlo.baseline.p10),
            p50: Math.round(monteCarlo.baseline.p50),
            p90: Math.round(monteCarlo.baseline.p90),
          },
    hurdle: {
      incumbent: monteCarlo.hurdle.incumbent,
      hurdles: Object.fromEntries(
        Object.entries(monteCarlo.hurdle.hurdles).map(([k, v]) => [k, roundTo(v ?? 0, 4)]),
      ),
    },
  };
}
