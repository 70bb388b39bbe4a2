import { CRITERIA, type Criterion } from '../schema/criteria.js';
import { CAPABILITY_IDS, type CapabilityId, type Dataset, type OptionId } from '../schema/dataset.js';
import { roundTo } from '../shared/format.js';
import { assessRisk, type Risk, riskPenalty } from './assess-risk.js';
import type { Plan } from './build-plan.js';
import { capabilityFit, unmetMusts } from './capability-fit.js';
import { computeTco, type Scenario, type TcoBreakdown } from './compute-tco.js';
import type { Need } from './derive-needs.js';
import type { Situation } from './derive-situation.js';

export { CRITERIA, type Criterion };
export type CriterionScores = Record<Criterion, number>;

/** Everything that stays fixed while prices vary: the client, the needs and each option's stack. */
export interface DecisionContext {
  readonly situation: Situation;
  readonly dataset: Dataset;
  readonly needs: Record<CapabilityId, Need>;
  readonly plans: readonly Plan[];
}

/**
 * The path the client runs today, and how far each other option must lead it to be recommended instead:
 * a change of data plane has to beat staying by more than the uncertainty of its own lead.
 */
export interface ChangeHurdle {
  readonly incumbent: OptionId | null;
  readonly hurdles: Readonly<Partial<Record<OptionId, number>>>;
}

export const NO_HURDLE: ChangeHurdle = { incumbent: null, hurdles: {} };

export interface OptionEvaluation {
  readonly id: OptionId;
  readonly plan: Plan;
  readonly tco: TcoBreakdown;
  readonly criteria: CriterionScores;
  readonly score: number;
  readonly risks: readonly Risk[];
  readonly unmetMusts: readonly CapabilityId[];
  /** Unmet musts, plus one when a platform of the client's does not allow the option: fewer is better. */
  readonly blockers: number;
}

export type Weights = Record<Criterion, number>;

/** Weighted sum of criterion scores, normalised by the weights so scores stay on a 0-1 scale. */
/** Each criterion's score as the result states it, to 4 decimals. */
export function roundedCriteria(criteria: CriterionScores): CriterionScores {
  return {
    cost: roundTo(criteria.cost, 4),
    capability: roundTo(criteria.capability, 4),
    risk: roundTo(criteria.risk, 4),
    simplicity: roundTo(criteria.simplicity, 4),
  };
}

export function weightedScore(criteria: CriterionScores, weights: Weights): number {
  let sum = 0;
  let total = 0;
  for (const c of CRITERIA) {
    sum += weights[c] * criteria[c];
    total += weights[c];
  }
  return total === 0 ? 0 : sum / total;
}

/** How much a plan asks of the team: every component it runs, and those it must learn and run new again. */
export function complexity(plan: Plan, newComponentWeight: number): number {
  return plan.components.length + newComponentWeight * plan.newComponents.length;
}

/**
 * What keeps a path from being taken, fewer being better: each must it misses, and, weighing more than every must
 * together, a platform of the client's that does not allow it. A path the platform refuses cannot be taken at all,
 * where one that misses musts still can, with its gaps said: it is never recommended while another path is possible.
 */
export function blockersOf(plan: Plan, unmet: readonly unknown[]): number {
  return unmet.length + (plan.excludedBy.length > 0 ? CAPABILITY_IDS.length + 1 : 0);
}

/**
 * Scores every option under one scenario. Costs are scored relative to the cheapest, complexity to the leanest (see
 * `criterionScores` for among which options).
 */
export function evaluateOptions(
  ctx: DecisionContext,
  scenario: Scenario,
  weights: Weights,
): OptionEvaluation[] {
  const { situation, needs } = ctx;
  const model = ctx.dataset.model;
  return decide(ctx, scenario, (plan, tco, criterion) => {
    const risks = assessRisk(plan, situation, needs, scenario.values, tco, model);
    const criteria = criterion(risks.reduce((s, r) => s + r.penalty, 0));
    const unmet = unmetMusts(plan.fits, needs);
    return {
      id: plan.option.id,
      plan,
      tco,
      criteria,
      score: weightedScore(criteria, weights),
      risks,
      unmetMusts: unmet,
      blockers: blockersOf(plan, unmet),
    };
  });
}

/**
 * Who `evaluateOptions` and `pickWinner` would recommend under `scenario`, by the same arithmetic but without
 * writing the risks' texts: the break-even search asks this about a thousand times per report.
 */
export function winnerUnder(
  ctx: DecisionContext,
  scenario: Scenario,
  weights: Weights,
  hurdle: ChangeHurdle,
): OptionId {
  const { situation, needs } = ctx;
  const model = ctx.dataset.model;
  const scored = decide(ctx, scenario, (plan, tco, criterion) => {
    const penalty = riskPenalty(plan, situation, needs, scenario.values, tco, model);
    return {
      id: plan.option.id,
      score: weightedScore(criterion(penalty), weights),
      blockers: blockersOf(plan, unmetMusts(plan.fits, needs)),
    };
  });
  return pickWinner(scored, hurdle).id;
}

/** Each plan's TCO, and its criterion scores once its risk penalty (summed in the risks' order) is known. */
function decide<T>(
  ctx: DecisionContext,
  scenario: Scenario,
  each: (plan: Plan, tco: TcoBreakdown, criterion: (riskPenalty: number) => CriterionScores) => T,
): T[] {
  const { situation, dataset, needs, plans } = ctx;
  const model = dataset.model;
  const tcos = plans.map((plan) => computeTco(plan, situation, scenario, model));
  const blockers = plans.map((plan) => blockersOf(plan, unmetMusts(plan.fits, needs)));
  const fewest = Math.min(...blockers);
  // The options in the running are measured against each other; a ruled-out one against every option, as before.
  const peers = (i: number) =>
    plans.map((_, j) => j).filter((j) => blockers[i] !== fewest || blockers[j] === fewest);
  return plans.map((plan, i) => {
    const tco = tcos[i] as TcoBreakdown;
    const reference = {
      cheapest: Math.min(...peers(i).map((j) => (tcos[j] as TcoBreakdown).total)),
      leanest: Math.min(...peers(i).map((j) => complexity(plans[j] as Plan, model.newComponentWeight))),
    };
    return each(plan, tco, (penalty) => criterionScores(plan, tco.total, penalty, reference, needs, model));
  });
}

/**
 * A plan's four criteria on the 0-1 scale: its TCO against the cheapest, its fit, its risk penalty, and its
 * complexity against the leanest. The references are the rival plans' (a decision) or fixed ones (fitting a stack).
 * In a decision, an option that meets as many musts as any is measured against the others that do: a ruled-out
 * option's price or leanness is not on offer to the client, and measuring the viable paths against it would shrink
 * the differences between them. A ruled-out option is measured against every option. Fitting a stack, the reference
 * is the musts-only stack, and a stack cheaper than it (one that retires sidecars) scores above 1 for what it saves.
 */
export function criterionScores(
  plan: Plan,
  total: number,
  riskPenalty: number,
  reference: { readonly cheapest: number; readonly leanest: number },
  needs: Record<CapabilityId, Need>,
  model: Dataset['model'],
): CriterionScores {
  return {
    cost: total > 0 ? reference.cheapest / total : 1,
    capability: capabilityFit(plan.fits, needs, model),
    risk: 1 - Math.min(1, riskPenalty),
    simplicity: reference.leanest / complexity(plan, model.newComponentWeight),
  };
}

/**
 * The recommendation among the options with the fewest blockers: the best score, except that an option changing
 * the client's data plane must lead the path they run today by more than its hurdle; otherwise staying wins.
 */
export function pickWinner<T extends { id: OptionId; score: number; blockers: number }>(
  options: readonly T[],
  hurdle: ChangeHurdle = NO_HURDLE,
): T {
  const fewest = Math.min(...options.map((o) => o.blockers));
  const eligible = options.filter((o) => o.blockers === fewest);
  const stay = eligible.find((o) => o.id === hurdle.incumbent);
  const contenders =
    stay === undefined
      ? eligible
      : eligible.filter((o) => o === stay || o.score - stay.score > (hurdle.hurdles[o.id] ?? 0));
  return contenders.reduce((best, o) => (o.score > best.score ? o : best));
}
