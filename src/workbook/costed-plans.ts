import type { Answers } from '../schema/answers.js';
import type { Dataset } from '../schema/dataset.js';
import { baselinePlan } from '../scoring/baseline-plan.js';
import type { Plan } from '../scoring/build-plan.js';
import type { Scenario } from '../scoring/compute-tco.js';
import { deriveNeeds } from '../scoring/derive-needs.js';
import { likelyScenario, type Parameter, resolveParameters } from '../scoring/resolve-parameters.js';
import { selectStacks } from '../scoring/select-stack.js';

/** What the TCO of each option is computed from at the likely values: the inputs and each option's stack. */
export interface CostedPlans {
  readonly parameters: readonly Parameter[];
  readonly scenario: Scenario;
  readonly plans: readonly Plan[];
  /** Staying as today: today's CNI, kube-proxy and mesh kept as they are, nothing added. */
  readonly baseline: Plan;
}

/**
 * The stacks and the likely-value scenario, built as the decision engine builds them (scoreAnswers, steps 1 and
 * 2), so a workbook's formulas follow the plan each option's TCO in the result was computed for.
 */
export function costedPlans(answers: Answers, dataset: Dataset): CostedPlans {
  const needs = deriveNeeds(answers, dataset.rules);
  const parameters = resolveParameters(answers, dataset);
  const scenario = likelyScenario(answers, dataset, parameters);
  const plans = selectStacks(answers, needs, dataset, scenario, { ...answers.priorities }).map(
    (st) => st.plan,
  );
  return { parameters, scenario, plans, baseline: baselinePlan(answers, dataset, plans) };
}
