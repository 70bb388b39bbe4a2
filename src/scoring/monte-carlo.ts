import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { CAPABILITY_IDS, type OptionId } from '../schema/dataset.js';
import type { Plan } from './build-plan.js';
import { computeTco, type Scenario } from './compute-tco.js';
import {
  type ChangeHurdle,
  CRITERIA,
  type CriterionScores,
  type DecisionContext,
  type OptionEvaluation,
  type Weights,
  weightedScore,
} from './evaluate-options.js';
import type { Parameter, ParameterValues } from './resolve-parameters.js';
import { sampleTriangular } from './sample-triangular.js';
import { PRIORITY_MAX } from './sensitivity.js';

export interface MonteCarloOption {
  readonly id: OptionId;
  /** Share of draws in which the option is recommended (by the same rule as the recommendation). */
  readonly pRecommended: number;
  /** Share of draws in which the option has the lowest TCO. */
  readonly pCheapest: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** Share of draws whose TCO is below the TCO at likely values: where the headline figure sits. */
  readonly likelyPercentile: number;
  /** Draw counts per TCO bin; bins are shared by all options (see MonteCarloResult.bins). */
  readonly histogram: readonly number[];
}

/** The simulated spread of a cost with no decision attached (staying as today): P10, median and P90. */
export interface SimulatedRange {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface MonteCarloResult {
  readonly draws: number;
  readonly seed: number;
  readonly distribution: 'triangular';
  /** What was drawn: the cost defaults with a range, the add-on efforts, the priorities and the capability judgements. */
  readonly varied: readonly string[];
  /** Priorities drawn within this many points of the stated ones; capability judgements within levelSpread. */
  readonly prioritySpread: number;
  readonly levelSpread: number;
  readonly bins: readonly number[];
  readonly options: readonly MonteCarloOption[];
  /** The change rule the draws were decided by: the path run today and each challenger's required lead. */
  readonly hurdle: ChangeHurdle;
  /** Staying as today, costed in the same draws as the options, so that every headline figure is a median. */
  readonly baseline: SimulatedRange | null;
}

const BIN_COUNT = 24;

function quantile(sorted: Float64Array, q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i] as number;
}

/** Standard deviation of a − b over the draws. */
function spreadOfDifference(a: Float64Array, b: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < a.length; i++) mean += (a[i] as number) - (b[i] as number);
  mean /= a.length;
  let sq = 0;
  for (let i = 0; i < a.length; i++) sq += ((a[i] as number) - (b[i] as number) - mean) ** 2;
  return Math.sqrt(sq / a.length);
}

/**
 * Draws every uncertain input together, `draws` times, and re-decides: each cost default and add-on effort from
 * its triangular low/likely/high range, each priority within `prioritySpread` of the workshop's weight, and each
 * capability judgement within `levelSpread` of its value. Risk and simplicity stay at their likely values. A change
 * of data plane must lead the incumbent by more than the spread of that lead across the draws (its hurdle).
 */
export function runMonteCarlo(
  ctx: DecisionContext,
  likely: readonly OptionEvaluation[],
  parameters: readonly Parameter[],
  base: Scenario,
  weights: Weights,
  draws: number,
  seed: number,
  incumbent: OptionId | null,
  baseline: Plan | null = null,
): MonteCarloResult {
  const { prioritySpread, levelSpread } = ctx.dataset.model.decision;
  const model = ctx.dataset.model;
  const rng = xoroshiro128plus(seed);
  const next = () => uniformFloat64(rng);
  const uncertain = parameters.filter((p) => p.uncertain);
  const costed = baseline === null ? ctx.plans : [...ctx.plans, baseline];
  const addonIds = [...new Set(costed.flatMap((p) => p.addons.map((a) => a.id)))];
  const addons = addonIds.flatMap((id) => ctx.dataset.addons.filter((a) => a.id === id));
  const n = likely.length;
  const totals = Array.from({ length: n }, () => new Float64Array(draws));
  const scores = Array.from({ length: n }, () => new Float64Array(draws));
  const cheapestCount = new Array<number>(n).fill(0);
  const baselineTotals = new Float64Array(baseline === null ? 0 : draws);
  const values: ParameterValues = { ...base.values };
  // One scenario, its values and add-on hours overwritten in place by each draw: the draws allocate nothing
  // they do not keep.
  const addonHours: Record<string, { ops: number; setup: number }> = {};
  for (const a of addons) addonHours[a.id] = { ops: 0, setup: 0 };
  const scenario: Scenario = { ...base, values, addonHours };
  // Each option's needs as (importance weight, likely level value) pairs, for the capability judgements.
  const judged = likely.map((o) =>
    CAPABILITY_IDS.flatMap((id) => {
      const w = model.importanceWeights[ctx.needs[id].importance] ?? 0;
      return w > 0 ? [[w, model.levelValues[o.plan.fits[id].level] ?? 0] as const] : [];
    }),
  );
  const fewest = Math.min(...likely.map((o) => o.blockers));
  const eligible = likely.flatMap((o, i) => (o.blockers === fewest ? [i] : []));
  const drawn = new Float64Array(n);
  // Risk and simplicity at their likely values; cost and capability overwritten by each draw.
  const criteria = likely.map((o) => ({ ...o.criteria }));
  const w = { ...weights };
  for (let d = 0; d < draws; d++) {
    for (const p of uncertain) values[p.key] = sampleTriangular(p.low, p.value, p.high, next());
    for (const a of addons) {
      const o = a.opsHoursPerClusterMonth;
      const s = a.setupHoursPerCluster;
      const hours = addonHours[a.id] as { ops: number; setup: number };
      hours.ops = sampleTriangular(o.low, o.likely, o.high, next());
      hours.setup = sampleTriangular(s.low, s.likely, s.high, next());
    }
    let weightSum = 0;
    for (const c of CRITERIA) {
      const lo = Math.max(0, weights[c] - prioritySpread);
      const hi = Math.min(PRIORITY_MAX, weights[c] + prioritySpread);
      w[c] = lo + (hi - lo) * next();
      weightSum += w[c];
    }
    if (weightSum === 0) Object.assign(w, weights);
    if (baseline !== null) baselineTotals[d] = computeTco(baseline, ctx.answers, scenario, model).total;
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const total = computeTco(ctx.plans[i] as Plan, ctx.answers, scenario, model).total;
      drawn[i] = total;
      (totals[i] as Float64Array)[d] = total;
      min = Math.min(min, total);
    }
    for (const i of eligible) {
      const c = criteria[i] as CriterionScores;
      let fit = 1;
      let sum = 0;
      let wsum = 0;
      for (const [iw, v] of judged[i] ?? []) {
        const lo = Math.max(0, v - levelSpread);
        const hi = Math.min(1, v + levelSpread);
        sum += iw * sampleTriangular(lo, v, hi, next());
        wsum += iw;
      }
      if (wsum > 0) fit = sum / wsum;
      const total = drawn[i] as number;
      c.cost = total > 0 ? min / total : 1;
      c.capability = fit;
      (scores[i] as Float64Array)[d] = weightedScore(c, w);
    }
    const cheapest = drawn.indexOf(min);
    cheapestCount[cheapest] = (cheapestCount[cheapest] ?? 0) + 1;
  }
  const stay = incumbent === null ? -1 : likely.findIndex((o) => o.id === incumbent);
  const hurdles: Partial<Record<OptionId, number>> = {};
  const ruled = stay >= 0 && eligible.includes(stay);
  if (ruled) {
    for (const i of eligible) {
      if (i !== stay) {
        hurdles[(likely[i] as OptionEvaluation).id] = spreadOfDifference(
          scores[i] as Float64Array,
          scores[stay] as Float64Array,
        );
      }
    }
  }
  const hurdle: ChangeHurdle = ruled ? { incumbent, hurdles } : { incumbent: null, hurdles: {} };
  const wins = new Array<number>(n).fill(0);
  for (let d = 0; d < draws; d++) {
    let winner = -1;
    let best = 0;
    const stayScore = ruled ? ((scores[stay] as Float64Array)[d] as number) : 0;
    for (const i of eligible) {
      const score = (scores[i] as Float64Array)[d] as number;
      const cleared =
        !ruled || i === stay || score - stayScore > (hurdles[(likely[i] as OptionEvaluation).id] ?? 0);
      if (cleared && (winner === -1 || score > best)) {
        winner = i;
        best = score;
      }
    }
    wins[winner] = (wins[winner] ?? 0) + 1;
  }
  for (const t of totals) t.sort();
  baselineTotals.sort();
  const lo = Math.min(...totals.map((t) => t[0] as number));
  const hi = Math.max(...totals.map((t) => t[t.length - 1] as number));
  const width = hi > lo ? (hi - lo) / BIN_COUNT : 1;
  const bins = Array.from({ length: BIN_COUNT + 1 }, (_, i) => lo + i * width);
  return {
    draws,
    seed,
    distribution: 'triangular',
    varied: [
      ...uncertain.map((p) => p.key),
      ...addons.map((a) => `addons.${a.id} effort`),
      ...(prioritySpread > 0 ? ['priorities'] : []),
      ...(levelSpread > 0 ? ['capability judgements'] : []),
    ],
    prioritySpread,
    levelSpread,
    bins,
    hurdle,
    baseline:
      baseline === null
        ? null
        : {
            p10: quantile(baselineTotals, 0.1),
            p50: quantile(baselineTotals, 0.5),
            p90: quantile(baselineTotals, 0.9),
          },
    options: likely.map((o, i) => {
      const sorted = totals[i] as Float64Array;
      const histogram = new Array<number>(BIN_COUNT).fill(0);
      let below = 0;
      for (const x of sorted) {
        const b = Math.min(BIN_COUNT - 1, Math.floor((x - lo) / width));
        histogram[b] = (histogram[b] ?? 0) + 1;
        if (x < o.tco.total) below++;
      }
      return {
        id: o.id,
        pRecommended: (wins[i] ?? 0) / draws,
        pCheapest: (cheapestCount[i] ?? 0) / draws,
        p10: quantile(sorted, 0.1),
        p50: quantile(sorted, 0.5),
        p90: quantile(sorted, 0.9),
        likelyPercentile: below / draws,
        histogram,
      };
    }),
  };
}
