import type { Model, OptionId } from '../schema/dataset.js';
import type { Plan } from './build-plan.js';
import { computeTco } from './compute-tco.js';
import type { DecisionCore } from './decide-answers.js';
import type { MonteCarloSummary, SimulatedRange } from './monte-carlo.js';
import type { TcoSummary } from './score-result.js';
import { summariseTco } from './summarise-tco.js';

/** A path's simulated total: the median of the plausible worlds with its P10-P90, in whole units. */
export interface SimulatedTotal {
  readonly p10: number;
  readonly median: number;
  readonly p90: number;
}

/** The totals every table and sentence quotes: at the likely figures, and simulated across the plausible worlds. */
export interface HeadlineTotals {
  /** Today's set-up kept as it is, at the likely figures. */
  readonly baseline: TcoSummary;
  /** Today's set-up across the worlds; its likely total when the worlds were drawn without one. */
  readonly baselineRange: SimulatedRange;
  readonly baselineMedian: number;
  /** Each option's totals at the likely figures, rounded per year and category. */
  readonly summaries: ReadonlyMap<OptionId, TcoSummary>;
  /** The headline basis: the median of the simulated totals, with its P10-P90; the likely total when not simulated. */
  readonly simulated: (id: OptionId) => SimulatedTotal;
}

export function headlineTotals(
  core: DecisionCore,
  monteCarlo: MonteCarloSummary,
  baselineFor: Plan,
  model: Model,
): HeadlineTotals {
  const baseline = summariseTco(computeTco(baselineFor, core.situation, core.base, model), null);
  const summaries = new Map(core.evaluated.map((o) => [o.id, summariseTco(o.tco, baseline.total)]));
  const simulated = (id: OptionId): SimulatedTotal => {
    const mc = monteCarlo.options.find((m) => m.id === id);
    const likely = summaries.get(id)?.total ?? 0;
    return mc === undefined
      ? { p10: likely, median: likely, p90: likely }
      : { p10: Math.round(mc.p10), median: Math.round(mc.p50), p90: Math.round(mc.p90) };
  };
  const baselineRange = monteCarlo.baseline ?? {
    p10: baseline.total,
    p50: baseline.total,
    p90: baseline.total,
  };
  return { baseline, baselineRange, baselineMedian: Math.round(baselineRange.p50), summaries, simulated };
}
