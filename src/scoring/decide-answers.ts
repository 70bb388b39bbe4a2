import type { Answers } from '../schema/answers.js';
import type { CapabilityId, Dataset, OptionId } from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import { roundTo } from '../shared/format.js';
import { baselinePlan, incumbentOf } from './baseline-plan.js';
import type { Plan } from './build-plan.js';
import { closeCallShareAt } from './close-call-share.js';
import type { Scenario } from './compute-tco.js';
import type { Need } from './derive-needs.js';
import { deriveSituation, type Situation } from './derive-situation.js';
import type { WorldsInput } from './draw-worlds.js';
import {
  type ChangeHurdle,
  CRITERIA,
  type Criterion,
  type CriterionScores,
  type DecisionContext,
  evaluateOptions,
  type OptionEvaluation,
  pickWinner,
  roundedCriteria,
  type Weights,
} from './evaluate-options.js';
import { likelyHurdle, type WorldsVerdict, winsShareOfWorlds, worldsShare } from './monte-carlo.js';
import { likelyScenario, type Parameter, resolveParameters } from './resolve-parameters.js';
import type { ScoreOptions } from './score-answers.js';
import { type FittedStack, selectStacks } from './select-stack.js';
import { weightSensitivity } from './sensitivity.js';
import { summariseTco } from './summarise-tco.js';

/**
 * The decision at the likely figures, as the engine makes it before anything is explained: needs, each option's
 * best stack, the options evaluated and ranked, and the pick after the change rule. `scoreAnswers` starts from
 * it, and the decision-only answers below are read from it, so both agree by construction.
 */
export interface DecisionCore {
  /** The client's situation the decision was made for. */
  readonly situation: Situation;
  readonly needs: Record<CapabilityId, Need>;
  readonly parameters: readonly Parameter[];
  readonly base: Scenario;
  readonly weights: Weights;
  readonly stacks: readonly FittedStack[];
  readonly plans: readonly Plan[];
  readonly ctx: DecisionContext;
  readonly incumbent: Plan | undefined;
  readonly evaluated: readonly OptionEvaluation[];
  readonly hurdle: ChangeHurdle;
  /** The best score at the likely figures, before the change rule. */
  readonly bestAtLikely: OptionEvaluation;
  readonly winner: OptionEvaluation;
  /** The pick first, then by fewest blockers, score and the data's order. */
  readonly ranked: readonly OptionEvaluation[];
  /** Its lead over the best option that meets no fewer musts; null when there is none. */
  readonly margin: number | null;
  /** The change rule kept the client where they are although a change scored best. */
  readonly stayed: boolean;
}

export function decisionCore(situation: Situation, dataset: Dataset): DecisionCore {
  // the needs (derived with the situation), and the figures: defaults in the engagement currency, then the client's
  const { needs } = situation;
  const parameters = resolveParameters(situation, dataset);
  const base = likelyScenario(situation, dataset, parameters);
  const weights: Weights = { ...situation.priorities };
  // each option's best stack under the client's weights
  const stacks = selectStacks(situation, needs, dataset, base, weights);
  const plans = stacks.map((st) => st.plan);
  const ctx: DecisionContext = { situation, dataset, needs, plans };
  const incumbent = incumbentOf(plans);
  // evaluate and decide at the likely figures: a change of data plane must lead staying by the likely hurdle
  const evaluated = evaluateOptions(ctx, base, weights);
  const hurdle = likelyHurdle(evaluated, incumbent?.option.id ?? null, dataset.model);
  const bestAtLikely = pickWinner(evaluated);
  const winner = pickWinner(evaluated, hurdle);
  const order = (id: OptionId) => dataset.options.findIndex((o) => o.id === id);
  const ranked = [...evaluated].sort(
    (a, b) =>
      (a === winner ? -1 : b === winner ? 1 : 0) ||
      a.blockers - b.blockers ||
      b.score - a.score ||
      order(a.id) - order(b.id),
  );
  if (ranked[1] === undefined) throw new InternalError('fewer than two options');
  // Against an option that meets no fewer musts: a ruled-out option's higher score is no contest.
  const contender = ranked.find((o) => o.id !== winner.id && o.blockers <= winner.blockers);
  return {
    situation,
    needs,
    parameters,
    base,
    weights,
    stacks,
    plans,
    ctx,
    incumbent,
    evaluated,
    hurdle,
    bestAtLikely,
    winner,
    ranked,
    margin: contender === undefined ? null : winner.score - contender.score,
    stayed: winner.id !== bestAtLikely.id,
  };
}

/** The plausible worlds around a decision, as `scoreAnswers` draws them (same seed, draws and order). */
export function worldsAround(
  core: DecisionCore,
  opts: ScoreOptions = {},
): WorldsInput & { readonly baseline: Plan } {
  const { dataset } = core.ctx;
  return {
    ctx: core.ctx,
    likely: core.evaluated,
    parameters: core.parameters,
    base: core.base,
    weights: core.weights,
    draws: opts.draws ?? dataset.model.decision.monteCarloDraws,
    seed: opts.seed ?? dataset.model.decision.seed,
    incumbent: core.incumbent?.option.id ?? null,
    baseline: baselinePlan(core.situation, dataset, core.plans),
  };
}

/**
 * A close call: the change rule decided it, a rival could win the rule's share of the worlds within the sampling
 * error of the worlds drawn, the pick wins fewer than half, or the lead is inside the band of its own spread.
 */
export function isCloseCall(
  core: DecisionCore,
  verdict: Omit<WorldsVerdict, 'drivers'>,
  dataset: Dataset,
): boolean {
  const { closeCallBand } = dataset.model.decision;
  const insideBand =
    core.margin !== null && verdict.leadSpread !== null && core.margin < closeCallBand * verdict.leadSpread;
  const rivalCouldReach = verdict.rivalShare >= closeCallShareAt(dataset.model.decision, verdict.worlds);
  return core.stayed || rivalCouldReach || verdict.share < 0.5 || insideBand;
}

/** One option as a decision sees it, its figures rounded as the result states them. */
export interface DecidedOption {
  readonly id: OptionId;
  readonly score: number;
  readonly criteria: CriterionScores;
  readonly unmetMusts: readonly CapabilityId[];
  readonly disqualified: boolean;
  /** The total cost of ownership at the likely figures, as the result's `tco.total`. */
  readonly tcoTotal: number;
}

/** The decision alone: what is recommended, by how much, and each option's scores, in the result's order. */
export interface Decision {
  readonly option: OptionId;
  readonly name: string;
  readonly margin: number | null;
  readonly options: readonly DecidedOption[];
  readonly core: DecisionCore;
}

/**
 * The engine's recommendation without what only a report needs: no plausible worlds, no sensitivity, no tornado,
 * no sentences. Exactly the result's recommendation, margin and per-option scores (a test holds it to
 * `scoreAnswers`). For the quote search, the stakeholders' views and compare's attribution, which run the engine
 * many times. Pure.
 */
export function decideAnswers(answers: Answers, dataset: Dataset): Decision {
  return decideFor(deriveSituation(answers, dataset), dataset);
}

/** `decideAnswers` for a situation already derived (the quote search and the stakeholders vary one of its parts). */
export function decideFor(situation: Situation, dataset: Dataset): Decision {
  return decided(decisionCore(situation, dataset));
}

function decided(core: DecisionCore): Decision {
  return {
    option: core.winner.id,
    name: core.winner.plan.option.name,
    margin: core.margin === null ? null : roundTo(core.margin, 4),
    options: core.ranked.map((o) => ({
      id: o.id,
      score: roundTo(o.score, 4),
      criteria: roundedCriteria(o.criteria),
      unmetMusts: [...o.unmetMusts],
      disqualified: o.blockers > 0,
      tcoTotal: summariseTco(o.tco, null).total,
    })),
    core,
  };
}

/** A decision with the pick's share of the plausible worlds and the close-call rule, as the result states them. */
export interface DecisionWithConfidence extends Decision {
  readonly confidence: number;
  readonly closeCall: boolean;
}

/**
 * `decideAnswers` and the confidence in it: the worlds are drawn as `scoreAnswers` draws them, but only who wins
 * each is kept (no cost spread, histograms or what drives the rival). Pure.
 */
export function decideWithConfidence(
  situation: Situation,
  dataset: Dataset,
  opts: ScoreOptions = {},
): DecisionWithConfidence {
  const core = decisionCore(situation, dataset);
  const verdict = worldsShare(worldsAround(core, opts), core.winner.id);
  return {
    ...decided(core),
    confidence: roundTo(verdict.share, 2),
    closeCall: isCloseCall(core, verdict, dataset),
  };
}

/**
 * Whether `option` is recommended in at least `share` of the plausible worlds (its `pRecommended` in the result,
 * to 4 decimals), drawing worlds only until that is certain either way. Pure.
 */
export function winsShareOfWorldsFor(
  situation: Situation,
  dataset: Dataset,
  option: OptionId,
  share: number,
  opts: ScoreOptions = {},
): boolean {
  const core = decisionCore(situation, dataset);
  return winsShareOfWorlds(worldsAround(core, opts), option, share);
}

/** Along each weight, the others held: from where to where the decision's pick stays recommended (0 to 5). */
export interface WeightStability {
  readonly criterion: Criterion;
  readonly current: number;
  readonly keepsFrom: number;
  readonly keepsTo: number;
}

/** The stability interval of each weight, as the result's weight sensitivities state them (to 4 decimals). */
export function weightStability(decision: Decision): WeightStability[] {
  const { evaluated, weights, winner, hurdle } = decision.core;
  const findings = weightSensitivity(evaluated, weights, winner.id, hurdle);
  return CRITERIA.flatMap((criterion) => {
    const f = findings.find((x) => x.key === criterion);
    return f === undefined
      ? []
      : [
          {
            criterion,
            current: roundTo(f.current, 4),
            keepsFrom: roundTo(f.keepsFrom, 4),
            keepsTo: roundTo(f.keepsTo, 4),
          },
        ];
  });
}
