import type { Answers } from '../schema/answers.js';
import type { CapabilityId, Dataset, OptionId } from '../schema/dataset.js';
import { assessRisk, type Risk, riskPenalty } from './assess-risk.js';
import type { Plan } from './build-plan.js';
import { capabilityFit, unmetMusts } from './capability-fit.js';
import { computeTco, type Scenario, type TcoBreakdown } from './compute-tco.js';
import type { Need } from './derive-needs.js';

export const CRITERIA = ['cost', 'capability', 'risk', 'simplicity'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type CriterionScores = Record<Criterion, number>;

/** Everything that stays fixed while prices vary: the client, the needs and each option's stack. */
export interface DecisionContext {
  readonly answers: Answers;
  readonly dataset: Dataset;
  readonly needs: Record<CapabilityId, Need>;
  readonly plans: readonly Plan[];
}

export interface OptionEvaluation {
  readonly id: OptionId;
  readonly plan: Plan;
  readonly tco: TcoBreakdown;
  readonly criteria: CriterionScores;
  readonly score: number;
  readonly risks: readonly Risk[];
  readonly unmetMusts: readonly CapabilityId[];
}

export type Weights = Record<Criterion, number>;

/** Weighted sum of criterion scores, normalised by the weights so scores stay on a 0-1 scale. */
export function weightedScore(criteria: CriterionScores, weights: Weights): number {
  let sum = 0;
  let total = 0;
  for (const c of CRITERIA) {
    sum += weights[c] * criteria[c];
    total += weights[c];
  }
  return total === 0 ? 0 : sum / total;
}

/** Scores every option under one scenario. Costs are scored relative to the cheapest, components to the leanest. */
export function evaluateOptions(
  ctx: DecisionContext,
  scenario: Scenario,
  weights: Weights,
): OptionEvaluation[] {
  const { answers, needs } = ctx;
  const model = ctx.dataset.model;
  return decide(ctx, scenario, (plan, tco, criterion) => {
    const risks = assessRisk(plan, answers, needs, scenario.values, tco.opsHoursPerMonth, model);
    const criteria = criterion(risks.reduce((s, r) => s + r.penalty, 0));
    return {
      id: plan.option.id,
      plan,
      tco,
      criteria,
      score: weightedScore(criteria, weights),
      risks,
      unmetMusts: unmetMusts(plan.fits, needs),
    };
  });
}

/**
 * Who `evaluateOptions` would recommend under `scenario`, by the same arithmetic but without writing the
 * risks' texts: the break-even search asks this about a thousand times per report.
 */
export function winnerUnder(ctx: DecisionContext, scenario: Scenario, weights: Weights): OptionId {
  const { answers, needs } = ctx;
  const model = ctx.dataset.model;
  const scored = decide(ctx, scenario, (plan, tco, criterion) => {
    const penalty = riskPenalty(plan, answers, needs, scenario.values, tco.opsHoursPerMonth, model);
    return {
      id: plan.option.id,
      score: weightedScore(criterion(penalty), weights),
      unmetMusts: unmetMusts(plan.fits, needs),
    };
  });
  return pickWinner(scored).id;
}

/** Each plan's TCO, and its criterion scores once its risk penalty (summed in the risks' order) is known. */
function decide<T>(
  ctx: DecisionContext,
  scenario: Scenario,
  each: (plan: Plan, tco: TcoBreakdown, criterion: (riskPenalty: number) => CriterionScores) => T,
): T[] {
  const { answers, dataset, needs, plans } = ctx;
  const model = dataset.model;
  const tcos = plans.map((plan) => computeTco(plan, answers, scenario, model));
  const cheapest = Math.min(...tcos.map((t) => t.total));
  const leanest = Math.min(...plans.map((p) => p.components.length));
  return plans.map((plan, i) => {
    const tco = tcos[i] as TcoBreakdown;
    return each(plan, tco, (penalty) => ({
      cost: tco.total > 0 ? cheapest / tco.total : 1,
      capability: capabilityFit(plan.fits, needs, model),
      risk: 1 - Math.min(1, penalty),
      simplicity: leanest / plan.components.length,
    }));
  });
}

/** The best option that meets every must; when none does, the best of those that miss the fewest. */
export function pickWinner<T extends { score: number; unmetMusts: readonly unknown[] }>(
  options: readonly T[],
): T {
  const fewest = Math.min(...options.map((o) => o.unmetMusts.length));
  const eligible = options.filter((o) => o.unmetMusts.length === fewest);
  return eligible.reduce((best, o) => (o.score > best.score ? o : best));
}
