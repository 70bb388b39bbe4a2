import type { Dataset, OptionId } from '../schema/dataset.js';
import { formatNumber, formatPercent, joinAnd, roundThreshold } from '../shared/format.js';
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
  /** One sentence for the client: what this stakeholder would choose, and the boundary of the (dis)agreement. */
  readonly sentence: string;
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
  /** Where they agree, in one sentence. */
  readonly sentence: string;
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
      sentence: stakeholderSentence(s.name, recommendation, group, agrees, holds, comesRound),
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
  return { group, unanimous, blocs, views, sentence: agreementSentence(group, blocs, views.length) };
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

const weight = (x: number) => formatNumber(x, 1);

/** The edge of `range` nearest to its current value that is not an end of the 0–5 scale, if any. */
function nearestEdge(range: WeightRange): { at: number; side: 'below' | 'above' } | null {
  const edges = [
    ...(range.from > 0 ? [{ at: range.from, side: 'below' as const }] : []),
    ...(range.to < PRIORITY_MAX ? [{ at: range.to, side: 'above' as const }] : []),
  ];
  return edges.sort((a, b) => Math.abs(a.at - range.current) - Math.abs(b.at - range.current))[0] ?? null;
}

function stakeholderSentence(
  name: string,
  rec: StakeholderView['recommendation'],
  group: StakeholderViews['group'],
  agrees: boolean,
  holds: readonly WeightRange[],
  comesRound: readonly WeightRange[],
): string {
  const chooses = `${name} would choose ${rec.name} (confidence ${formatPercent(rec.confidence)})`;
  if (agrees) {
    const bounded = holds
      .map((r) => ({ r, edge: nearestEdge(r) }))
      .filter(
        (x): x is { r: WeightRange; edge: NonNullable<ReturnType<typeof nearestEdge>> } => x.edge !== null,
      )
      .sort((a, b) => Math.abs(a.edge.at - a.r.current) - Math.abs(b.edge.at - b.r.current));
    const first = bounded[0];
    if (first === undefined)
      return `${chooses}, as the report does, whatever any one of their priorities from 0 to 5.`;
    const stays = first.edge.side === 'below' ? 'more' : 'less';
    const edge = roundThreshold(first.edge.at, first.r.current, 0.1, 'keeps');
    return `${chooses}, as the report does, while their ${first.r.criterion} priority stays at ${weight(edge)} or ${stays} (now ${weight(first.r.current)}).`;
  }
  const moves = comesRound
    .map((r) =>
      r.current < r.from
        ? { r, at: r.from, verb: 'rose to', or: 'more', distance: r.from - r.current }
        : { r, at: r.to, verb: 'fell to', or: 'less', distance: r.current - r.to },
    )
    .sort((a, b) => a.distance - b.distance);
  const first = moves[0];
  if (first === undefined)
    return `${chooses}, not ${group.name}; no single priority of theirs, moved within 0 to 5, changes that.`;
  return `${chooses}, not ${group.name}; they would come round to it if their ${first.r.criterion} priority ${first.verb} ${weight(roundThreshold(first.at, first.r.current, 0.1, 'changes'))} or ${first.or} (now ${weight(first.r.current)}).`;
}

function agreementSentence(
  group: StakeholderViews['group'],
  blocs: StakeholderViews['blocs'],
  count: number,
): string {
  const [first] = blocs;
  if (blocs.length === 1 && first !== undefined) {
    const all = count === 1 ? (first.stakeholders[0] ?? '') : `All ${count} stakeholders`;
    return first.option === group.option
      ? `${all} would choose ${group.name}, as the report recommends.`
      : `${all} would choose ${first.name}, not ${group.name} as the report recommends.`;
  }
  return `The stakeholders part: ${blocs.map((b) => `${joinAnd(b.stakeholders)} would choose ${b.name}`).join('; ')}.`;
}
