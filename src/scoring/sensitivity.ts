import type { OptionId } from '../schema/dataset.js';
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

export const PRIORITY_MAX = 5;

/** One "what would flip it" finding: a weight or an input, the range that keeps the winner, and the flip point. */
export interface SensitivityFinding {
  readonly kind: 'weight' | 'assumption';
  readonly key: string;
  readonly current: number;
  /** The winner holds for values in [keepsFrom, keepsTo] within the range searched. */
  readonly keepsFrom: number;
  readonly keepsTo: number;
  /** The nearest value at which another option wins, or null when none within the range searched. */
  readonly flipsAt: number | null;
  readonly newWinner: OptionId | null;
}

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

/** Inputs whose break-even value a consultant is asked about, and how to apply a probe value. */
export interface Probe {
  readonly key: string;
  readonly current: number;
  readonly apply: (base: Scenario, value: number) => Scenario;
}

const FACTORS = Array.from({ length: 40 }, (_, i) => 10 ** ((i + 1) / 20));

/**
 * Break-even of one input: scans multiples of its value from 1/100 to 100 times outward from the current value,
 * then bisects to the point where the recommendation changes.
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
  const search = (direction: 1 | -1): { flip: number; edge: number; by: OptionId } | { edge: number } => {
    let previous = probe.current;
    for (const f of FACTORS) {
      const value = direction === 1 ? probe.current * f : probe.current / f;
      const who = winnerAt(value);
      if (who !== winner) {
        let [inside, outside] = [previous, value];
        for (let i = 0; i < 30; i++) {
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
  const up = search(1);
  const down = search(-1);
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

/** The probes for the inputs a client asks about: each subscription's price, engineer cost, sidecar count and size, node count. */
export function keyProbes(
  base: Scenario,
  parameters: readonly Parameter[],
  subscriptionKeys: readonly Parameter['key'][],
): Probe[] {
  const valueProbe = (key: Parameter['key']): Probe => ({
    key,
    current: base.values[key],
    apply: (s, value) => ({ ...s, values: { ...s.values, [key]: value } }),
  });
  const probes: Probe[] = [
    ...subscriptionKeys.map(valueProbe),
    valueProbe('engineerCostPerYear'),
    valueProbe('vcpuHourPrice'),
    { key: 'nodes', current: base.nodes, apply: (s, value) => ({ ...s, nodes: value }) },
  ];
  if (base.sidecars > 0) {
    probes.push(
      { key: 'sidecars', current: base.sidecars, apply: (s, value) => ({ ...s, sidecars: value }) },
      valueProbe('sidecarCpuMillicores'),
      valueProbe('sidecarMemoryMiB'),
    );
  }
  return probes.filter(
    (p) => parameters.some((q) => q.key === p.key) || p.key === 'nodes' || p.key === 'sidecars',
  );
}
