import { PRIORITY_MAX } from '../schema/criteria.js';
import type { OptionId } from '../schema/dataset.js';
import type { SensitivityFacts } from '../words/sensitivity-text.js';
import type { Scenario } from './compute-tco.js';
import {
  type ChangeHurdle,
  CRITERIA,
  type DecisionContext,
  type OptionEvaluation,
  type Weights,
  winnerUnder,
} from './evaluate-options.js';
import type { Parameter } from './resolve-parameters.js';

export { PRIORITY_MAX };

/** One "what would flip it" finding, stated as a fact the words layer writes out. */
export type SensitivityFinding = SensitivityFacts;

/**
 * Exact stability interval of each priority weight (others held), under the same change rule as the
 * recommendation. With weight c set to x, the score lead of the winner over a rival is (A + Bx) / (T + x); it must
 * stay above t, the rival's hurdle (t > 0 when the winner changes the data plane and the rival is staying, t < 0 in
 * the reverse case, 0 otherwise), so each rival's crossing point is the root of (A − tT) + (B − t)x.
 */
export function weightSensitivity(
  options: readonly OptionEvaluation[],
  weights: Weights,
  winner: OptionId,
  hurdle: ChangeHurdle,
): SensitivityFinding[] {
  const w = options.find((o) => o.id === winner);
  if (w === undefined) return [];
  const rivals = options.filter((o) => o.id !== winner && o.blockers <= w.blockers);
  const threshold = (r: OptionEvaluation) => {
    if (hurdle.incumbent === null) return 0;
    if (r.id === hurdle.incumbent) return hurdle.hurdles[w.id] ?? 0;
    if (w.id === hurdle.incumbent) return -(hurdle.hurdles[r.id] ?? 0);
    return 0;
  };
  return CRITERIA.map((c): SensitivityFinding => {
    let keepsFrom = 0;
    let keepsTo = PRIORITY_MAX;
    let lowRival: OptionId | null = null;
    let highRival: OptionId | null = null;
    const others = CRITERIA.filter((k) => k !== c);
    const rest = others.reduce((s, k) => s + weights[k], 0);
    for (const r of rivals) {
      const t = threshold(r);
      const a = others.reduce((s, k) => s + weights[k] * (w.criteria[k] - r.criteria[k]), 0) - t * rest;
      const slope = w.criteria[c] - r.criteria[c] - t;
      if (slope === 0) continue;
      const cross = -a / slope;
      if (slope > 0 && cross > keepsFrom) {
        keepsFrom = Math.min(cross, PRIORITY_MAX);
        lowRival = r.id;
      } else if (slope < 0 && cross < keepsTo) {
        keepsTo = Math.max(cross, 0);
        highRival = r.id;
      }
    }
    const current = weights[c];
    const downFlip = lowRival !== null && keepsFrom > 0 ? keepsFrom : null;
    const upFlip = highRival !== null && keepsTo < PRIORITY_MAX ? keepsTo : null;
    const nearestIsDown = downFlip !== null && (upFlip === null || current - downFlip <= upFlip - current);
    return {
      kind: 'weight',
      key: c,
      current,
      keepsFrom,
      keepsTo,
      flipsAt: nearestIsDown ? downFlip : upFlip,
      newWinner: nearestIsDown ? lowRival : upFlip === null ? null : highRival,
    };
  });
}

/** Inputs whose break-even value a consultant is asked about, the range they could plausibly take, and how to apply a probe value. */
export interface Probe {
  readonly key: string;
  readonly current: number;
  /** The plausible range of the input: a break-even is looked for inside it only, never beyond. */
  readonly from: number;
  readonly to: number;
  readonly apply: (base: Scenario, value: number) => Scenario;
}

/** Probes from today's value to each end of the plausible range, before the bisection narrows the flip. */
const STEPS = 24;

/** The point a share `t` of the way from `a` to `b`: evenly on a log scale for positive ends, else linearly. */
function between(a: number, b: number, t: number): number {
  // In log space: from a client figure near zero (5e-324), b / a overflows to Infinity.
  return a > 0 && b > 0 ? Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * t) : a + (b - a) * t;
}

/**
 * Break-even of one input within its plausible range: steps from the current value out to each end of the
 * range, then bisects to the point where the recommendation changes. A side with no change reports the end of
 * the range it reached, so the range kept never spans more than the plausible one.
 */
export function breakEven(
  ctx: DecisionContext,
  base: Scenario,
  weights: Weights,
  probe: Probe,
  winner: OptionId,
  hurdle: ChangeHurdle,
): SensitivityFinding {
  const winnerAt = (value: number) => winnerUnder(ctx, probe.apply(base, value), weights, hurdle);
  const search = (bound: number): { flip: number; edge: number; by: OptionId } | { edge: number } => {
    let previous = probe.current;
    if (bound === probe.current) return { edge: previous };
    for (let i = 1; i <= STEPS; i++) {
      const value = i === STEPS ? bound : between(probe.current, bound, i / STEPS);
      const who = winnerAt(value);
      if (who !== winner) {
        let [inside, outside] = [previous, value];
        for (let j = 0; j < 30; j++) {
          const mid = (inside + outside) / 2;
          if (winnerAt(mid) === winner) inside = mid;
          else outside = mid;
        }
        return { flip: outside, edge: inside, by: winnerAt(outside) };
      }
      previous = value;
    }
    return { edge: previous };
  };
  if (probe.current === 0) {
    return {
      kind: 'assumption',
      key: probe.key,
      current: 0,
      keepsFrom: 0,
      keepsTo: 0,
      flipsAt: null,
      newWinner: null,
    };
  }
  const up = search(Math.max(probe.to, probe.current));
  const down = search(Math.min(probe.from, probe.current));
  const candidates = [up, down].filter((s): s is { flip: number; edge: number; by: OptionId } => 'flip' in s);
  const nearest = candidates.sort(
    (a, b) => Math.abs(Math.log(a.flip / probe.current)) - Math.abs(Math.log(b.flip / probe.current)),
  )[0];
  return {
    kind: 'assumption',
    key: probe.key,
    current: probe.current,
    keepsFrom: down.edge,
    keepsTo: up.edge,
    flipsAt: nearest?.flip ?? null,
    newWinner: nearest?.by ?? null,
  };
}

/** How far the estate's own counts (nodes, sidecars) plausibly reach, as multiples of today's (data/model.yaml). */
export interface CountRange {
  readonly low: number;
  readonly high: number;
}

/**
 * The probes for the inputs a client asks about: each subscription's price, engineer cost, vCPU price, node count
 * and the sidecars' count and size. A cost input's plausible range is the data's low to high (the range the
 * simulation draws from), widened to take in a figure the client set; a count's is the stated multiples of it.
 */
export function keyProbes(
  base: Scenario,
  parameters: readonly Parameter[],
  defaults: readonly Parameter[],
  counts: CountRange,
  subscriptionKeys: readonly Parameter['key'][],
): Probe[] {
  const valueProbe = (key: Parameter['key']): Probe => {
    const current = base.values[key];
    const d = defaults.find((p) => p.key === key);
    return {
      key,
      current,
      from: Math.min(d?.low ?? current, current),
      to: Math.max(d?.high ?? current, current),
      apply: (s, value) => ({ ...s, values: { ...s.values, [key]: value } }),
    };
  };
  const countProbe = (key: string, current: number, apply: Probe['apply']): Probe => ({
    key,
    current,
    from: current * counts.low,
    to: current * counts.high,
    apply,
  });
  const probes: Probe[] = [
    ...subscriptionKeys.map(valueProbe),
    valueProbe('engineerCostPerYear'),
    valueProbe('vcpuHourPrice'),
    countProbe('nodes', base.nodes, (s, value) => ({ ...s, nodes: value })),
  ];
  if (base.sidecars > 0) {
    probes.push(
      countProbe('sidecars', base.sidecars, (s, value) => ({ ...s, sidecars: value })),
      valueProbe('sidecarCpuMillicores'),
      valueProbe('sidecarMemoryMiB'),
    );
  }
  return probes.filter(
    (p) => parameters.some((q) => q.key === p.key) || p.key === 'nodes' || p.key === 'sidecars',
  );
}
