import type { Dataset, OptionId } from '../schema/dataset.js';
import {
  type DecidedOption,
  type Decision,
  decideFor,
  decideWithConfidence,
  weightStability,
} from './decide-answers.js';
import type { Situation } from './derive-situation.js';
import { CRITERIA, type Criterion, type Weights } from './evaluate-options.js';
import type { ScoreOptions } from './score-answers.js';
import type { ScoreResult } from './score-result.js';
import { PRIORITY_MAX } from './sensitivity.js';

/** Along one weight, the others held: the values from `from` to `to` (within 0–5) where `option` is recommended. */
export interface WeightRange {
  readonly criterion: Criterion;
  readonly current: number;
  readonly option: OptionId;
  readonly from: number;
  readonly to: number;
}

export interface StakeholderView {
  readonly name: string;
  readonly priorities: Weights;
  readonly recommendation: {
    readonly option: OptionId;
    readonly name: string;
    readonly confidence: number;
    readonly closeCall: boolean;
    readonly margin: number | null;
  };
  /** Same recommendation as the report's, made with the answers' own priorities. */
  readonly agrees: boolean;
  /** Each weight's stability interval for this stakeholder's own recommendation, as the engine computes it. */
  readonly holds: readonly WeightRange[];
  /**
   * For a stakeholder who disagrees: each weight that, moved alone within 0–5, brings them to the report's
   * recommendation, with the range where it does (the engine's stability interval there). Empty when they agree.
   */
  readonly comesRound: readonly WeightRange[];
}

export interface StakeholderViews {
  /** The report's recommendation, from the answers' `priorities`. */
  readonly group: { readonly option: OptionId; readonly name: string };
  readonly unanimous: boolean;
  /** Stakeholders by the option they would choose, the report's first, then by option order. */
  readonly blocs: readonly {
    readonly option: OptionId;
    readonly name: string;
    readonly stakeholders: string[];
  }[];
  readonly views: readonly StakeholderView[];
}

/**
 * Each stakeholder's recommendation under their own priorities, and the exact boundary of their agreement with
 * the report's: the engine's stability interval of each of their weights. For a stakeholder who disagrees, the
 * range of each weight that would bring them round is again a stability interval, read from the engine at a
 * point inside it (located from the criterion scores, which do not depend on the weights). Null without
 * stakeholders. Pure.
 */
export function stakeholderViews(
  situation: Situation,
  dataset: Dataset,
  result: ScoreResult,
  opts: ScoreOptions = {},
): StakeholderViews | null {
  const { stakeholders } = situation;
  if (stakeholders.length === 0) return null;
  const group = { option: result.recommendation.option, name: result.recommendation.name };
  const withPriorities = (priorities: Weights): Situation => ({ ...situation, priorities });
  const views = stakeholders.map((s): StakeholderView => {
    const own = decideWithConfidence(withPriorities(s.priorities), dataset, opts);
    const holds = weightRanges(own);
    const agrees = own.option === group.option;
    const comesRound = agrees
      ? []
      : CRITERIA.flatMap((c): WeightRange[] => {
          const approx = regionWhere(group.option, own, s.priorities, c);
          if (approx === null) return [];
          // The engine at a point inside gives the exact edges; outside (a region thinner than the
          // criterion scores' rounding) there is nothing exact to state.
          const inside = decideFor(
            withPriorities({ ...s.priorities, [c]: (approx.from + approx.to) / 2 }),
            dataset,
          );
          if (inside.option !== group.option) return [];
          const range = weightRanges(inside).find((r) => r.criterion === c);
          return range === undefined ? [] : [{ ...range, current: s.priorities[c] }];
        });
    const recommendation = {
      option: own.option,
      name: own.name,
      confidence: own.confidence,
      closeCall: own.closeCall,
      margin: own.margin,
    };
    return {
      name: s.name,
      priorities: { ...s.priorities },
      recommendation,
      agrees,
      holds,
      comesRound,
    };
  });
  const order = result.options.map((o) => o.id);
  const chosen = [...new Set(views.map((v) => v.recommendation.option))].sort(
    (a, b) => Number(b === group.option) - Number(a === group.option) || order.indexOf(a) - order.indexOf(b),
  );
  const blocs = chosen.map((option) => ({
    option,
    name: result.options.find((o) => o.id === option)?.name ?? option,
    stakeholders: views.filter((v) => v.recommendation.option === option).map((v) => v.name),
  }));
  const unanimous = blocs.length === 1 && blocs[0]?.option === group.option;
  return { group, unanimous, blocs, views };
}

/** The engine's stability intervals of the four weights, for the decision's own recommendation. */
function weightRanges(decision: Decision): WeightRange[] {
  return weightStability(decision).map((s) => ({
    criterion: s.criterion,
    current: s.current,
    option: decision.option,
    from: s.keepsFrom,
    to: s.keepsTo,
  }));
}

/**
 * Where along weight `c` (others held) `target` would be recommended, from the result's criterion scores: each
 * rival's lead over it is linear in the weight once the normalisation is multiplied out. Approximate only in
 * that the scores are rounded; the caller asks the engine for the exact edges.
 */
export function regionWhere(
  target: OptionId,
  result: {
    readonly options: readonly Pick<DecidedOption, 'id' | 'criteria' | 'unmetMusts'>[];
  },
  weights: Weights,
  c: Criterion,
): { from: number; to: number } | null {
  const fewest = Math.min(...result.options.map((o) => o.unmetMusts.length));
  const t = result.options.find((o) => o.id === target);
  if (t === undefined || t.unmetMusts.length > fewest) return null;
  let from = 0;
  let to = PRIORITY_MAX;
  for (const r of result.options) {
    if (r.id === target || r.unmetMusts.length > fewest) continue;
    const others = CRITERIA.filter((k) => k !== c).reduce(
      (s, k) => s + weights[k] * (t.criteria[k] - r.criteria[k]),
      0,
    );
    const slope = t.criteria[c] - r.criteria[c];
    if (slope === 0) {
      if (others < 0) return null;
      continue;
    }
    const cross = -others / slope;
    if (slope > 0) from = Math.max(from, cross);
    else to = Math.min(to, cross);
  }
  return from < to ? { from, to } : null;
}
