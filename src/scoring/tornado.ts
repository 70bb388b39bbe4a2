import type { CostKey } from '../schema/assumption-keys.js';
import type { Plan } from './build-plan.js';
import { computeTco, type Scenario } from './compute-tco.js';
import type { DecisionContext } from './evaluate-options.js';
import type { Parameter } from './resolve-parameters.js';

export interface TornadoBar {
  readonly key: CostKey;
  readonly low: number;
  readonly high: number;
  /** TCO with the input at its low and at its high value, all else at likely. */
  readonly tcoAtLow: number;
  readonly tcoAtHigh: number;
  readonly swing: number;
}

/** How far the option's TCO moves as each uncertain input goes from its low to its high value; largest first. */
export function tornado(
  ctx: DecisionContext,
  plan: Plan,
  base: Scenario,
  parameters: readonly Parameter[],
): TornadoBar[] {
  const at = (key: CostKey, value: number) =>
    computeTco(plan, ctx.situation, { ...base, values: { ...base.values, [key]: value } }, ctx.dataset.model)
      .total;
  return parameters
    .filter((p) => p.uncertain)
    .map((p) => {
      const tcoAtLow = at(p.key, p.low);
      const tcoAtHigh = at(p.key, p.high);
      return {
        key: p.key,
        low: p.low,
        high: p.high,
        tcoAtLow,
        tcoAtHigh,
        swing: Math.abs(tcoAtHigh - tcoAtLow),
      };
    })
    .filter((b) => b.swing > 0)
    .sort((a, b) => b.swing - a.swing || a.key.localeCompare(b.key));
}
