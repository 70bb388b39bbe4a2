import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { OptionId } from '../schema/dataset.js';
import type { Plan } from './build-plan.js';
import { computeTco, type Scenario } from './compute-tco.js';
import {
  type CriterionScores,
  type DecisionContext,
  type OptionEvaluation,
  type Weights,
  weightedScore,
} from './evaluate-options.js';
import type { Parameter, ParameterValues } from './resolve-parameters.js';
import { sampleTriangular } from './sample-triangular.js';

export interface MonteCarloOption {
  readonly id: OptionId;
  /** Share of draws in which the option is recommended. */
  readonly pRecommended: number;
  /** Share of draws in which the option has the lowest TCO. */
  readonly pCheapest: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** Draw counts per TCO bin; bins are shared by all options (see MonteCarloResult.bins). */
  readonly histogram: readonly number[];
}

export interface MonteCarloResult {
  readonly draws: number;
  readonly seed: number;
  readonly distribution: 'triangular';
  /** What was drawn: the cost defaults with a range, not the client's own figures. */
  readonly varied: readonly string[];
  readonly bins: readonly number[];
  readonly options: readonly MonteCarloOption[];
}

const BIN_COUNT = 24;

function quantile(sorted: Float64Array, q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i] as number;
}

/**
 * Draws every uncertain cost input from its triangular low/likely/high range and re-decides, `draws` times.
 * Capability, risk and simplicity scores stay at their likely values: only costs are uncertain here.
 */
export function runMonteCarlo(
  ctx: DecisionContext,
  likely: readonly OptionEvaluation[],
  parameters: readonly Parameter[],
  base: Scenario,
  weights: Weights,
  draws: number,
  seed: number,
): MonteCarloResult {
  const rng = xoroshiro128plus(seed);
  const uncertain = parameters.filter((p) => p.uncertain);
  const addonIds = [...new Set(ctx.plans.flatMap((p) => p.addons.map((a) => a.id)))];
  const addons = addonIds.flatMap((id) => ctx.dataset.addons.filter((a) => a.id === id));
  const n = likely.length;
  const totals = Array.from({ length: n }, () => new Float64Array(draws));
  const wins = new Array<number>(n).fill(0);
  const cheapestCount = new Array<number>(n).fill(0);
  const values: ParameterValues = { ...base.values };
  // One scenario, its values and add-on hours overwritten in place by each draw: 5,000 draws allocate nothing
  // they do not keep. The arithmetic is `evaluateOptions` and `pickWinner`'s, in the same order.
  const addonHours: Record<string, { ops: number; setup: number }> = {};
  for (const a of addons) addonHours[a.id] = { ops: 0, setup: 0 };
  const scenario: Scenario = { ...base, values, addonHours };
  const criteria = likely.map((o) => ({ ...o.criteria }));
  const fewest = Math.min(...likely.map((o) => o.unmetMusts.length));
  const eligible = likely.flatMap((o, i) => (o.unmetMusts.length === fewest ? [i] : []));
  const drawn = new Float64Array(n);
  for (let d = 0; d < draws; d++) {
    for (const p of uncertain) values[p.key] = sampleTriangular(p.low, p.value, p.high, uniformFloat64(rng));
    for (const a of addons) {
      const o = a.opsHoursPerClusterMonth;
      const s = a.setupHoursPerCluster;
      const hours = addonHours[a.id] as { ops: number; setup: number };
      hours.ops = sampleTriangular(o.low, o.likely, o.high, uniformFloat64(rng));
      hours.setup = sampleTriangular(s.low, s.likely, s.high, uniformFloat64(rng));
    }
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const total = computeTco(ctx.plans[i] as Plan, ctx.answers, scenario, ctx.dataset.model).total;
      drawn[i] = total;
      (totals[i] as Float64Array)[d] = total;
      min = Math.min(min, total);
    }
    let winner = -1;
    let best = 0;
    for (const i of eligible) {
      const total = drawn[i] as number;
      const c = criteria[i] as CriterionScores;
      c.cost = total > 0 ? min / total : 1;
      const score = weightedScore(c, weights);
      if (winner === -1 || score > best) {
        winner = i;
        best = score;
      }
    }
    wins[winner] = (wins[winner] ?? 0) + 1;
    const cheapest = drawn.indexOf(min);
    cheapestCount[cheapest] = (cheapestCount[cheapest] ?? 0) + 1;
  }
  for (const t of totals) t.sort();
  const lo = Math.min(...totals.map((t) => t[0] as number));
  const hi = Math.max(...totals.map((t) => t[t.length - 1] as number));
  const width = hi > lo ? (hi - lo) / BIN_COUNT : 1;
  const bins = Array.from({ length: BIN_COUNT + 1 }, (_, i) => lo + i * width);
  return {
    draws,
    seed,
    distribution: 'triangular',
    varied: [...uncertain.map((p) => p.key), ...addons.map((a) => `addons.${a.id} effort`)],
    bins,
    options: likely.map((o, i) => {
      const sorted = totals[i] as Float64Array;
      const histogram = new Array<number>(BIN_COUNT).fill(0);
      for (const x of sorted) {
        const b = Math.min(BIN_COUNT - 1, Math.floor((x - lo) / width));
        histogram[b] = (histogram[b] ?? 0) + 1;
      }
      return {
        id: o.id,
        pRecommended: (wins[i] ?? 0) / draws,
        pCheapest: (cheapestCount[i] ?? 0) / draws,
        p10: quantile(sorted, 0.1),
        p50: quantile(sorted, 0.5),
        p90: quantile(sorted, 0.9),
        histogram,
      };
    }),
  };
}
