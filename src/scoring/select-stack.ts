import type { Answers, Importance } from '../schema/answers.js';
import { CAPABILITY_IDS, type CapabilityId, type Dataset, OPTION_IDS } from '../schema/dataset.js';
import { riskPenalty } from './assess-risk.js';
import { buildPlan, canMoveSidecars, MUSTS_ONLY, type Plan, type StackChoice, supportFor } from './build-plan.js';
import { capabilityFit } from './capability-fit.js';
import { computeTco, type Scenario } from './compute-tco.js';
import type { Need } from './derive-needs.js';
import { complexity, type Weights, weightedScore } from './evaluate-options.js';

/** One optional piece weighed for an option's stack: taken in, or left out, and the figures behind it. */
export interface StackDecision {
  /** The need it serves, or null for moving the sidecars to a sidecar-free mesh. */
  readonly capability: CapabilityId | null;
  readonly importance: Importance | null;
  readonly addons: readonly string[];
  readonly taken: boolean;
  /** Change in the option's TCO over the horizon, at likely values (negative: it saves). */
  readonly tcoChange: number;
  /** Change in the option's capability fit, 0-1. */
  readonly fitChange: number;
  readonly newComponents: number;
  /** Change in the option's own weighted score. */
  readonly scoreChange: number;
}

export interface FittedStack {
  readonly plan: Plan;
  readonly decisions: readonly StackDecision[];
}

const ORDER: Record<Importance, number> = { must: 0, should: 1, nice: 2, no: 3 };

/**
 * Each option's best stack under the client's own weights. Musts always get what closes them. A should or nice
 * need's add-ons, and moving the sidecars to a sidecar-free mesh, join only where they raise the option's own
 * score: their capability (and risk and simplicity) against what they cost. Costs and complexity are scored
 * against the leanest musts-only stacks, so an option cheaper than the rest still pays for what it adds.
 */
export function selectStacks(
  answers: Answers,
  needs: Record<CapabilityId, Need>,
  dataset: Dataset,
  scenario: Scenario,
  weights: Weights,
): FittedStack[] {
  const model = dataset.model;
  const base = OPTION_IDS.map((id) => buildPlan(id, answers, needs, dataset, MUSTS_ONLY));
  const tcoOf = (plan: Plan) => computeTco(plan, answers, scenario, model);
  const cheapest = Math.min(...base.map((p) => tcoOf(p).total));
  const leanest = Math.min(...base.map((p) => complexity(p, model.newComponentWeight)));
  const ownScore = (plan: Plan) => {
    const tco = tcoOf(plan);
    const fit = capabilityFit(plan.fits, needs, model);
    const penalty = riskPenalty(plan, answers, needs, scenario.values, tco, model);
    const score = weightedScore(
      {
        cost: tco.total > 0 ? cheapest / tco.total : 1,
        capability: fit,
        risk: 1 - Math.min(1, penalty),
        simplicity: leanest / complexity(plan, model.newComponentWeight),
      },
      weights,
    );
    return { score, total: tco.total, fit };
  };
  return OPTION_IDS.map((id, i) => {
    let plan = base[i] as Plan;
    let current = ownScore(plan);
    const decisions: StackDecision[] = [];
    const candidates = CAPABILITY_IDS.filter((c) => {
      const importance = needs[c].importance;
      const optional = importance === 'should' || importance === 'nice';
      const extra = plan.option.extras.some((e) => e.capability === c);
      return optional && (supportFor(dataset, c, id, plan.cni).addons.length > 0 || extra);
    }).sort((a, b) => ORDER[needs[a].importance] - ORDER[needs[b].importance]);
    const tries: (CapabilityId | null)[] = [...candidates, ...(canMoveSidecars(answers, dataset) ? [null] : [])];
    for (const capability of tries) {
      const choice: StackChoice =
        capability === null
          ? { ...plan.choice, movesSidecars: true }
          : { ...plan.choice, optional: new Set([...plan.choice.optional, capability]) };
      const trial = buildPlan(id, answers, needs, dataset, choice);
      const added = trial.addons.filter((a) => !plan.addons.includes(a));
      if (capability !== null && added.length === 0 && trial.extras.length === plan.extras.length) {
        plan = trial;
        continue;
      }
      const next = ownScore(trial);
      const taken = next.score > current.score + 1e-9;
      decisions.push({
        capability,
        importance: capability === null ? null : needs[capability].importance,
        addons: added.map((a) => a.name),
        taken,
        tcoChange: next.total - current.total,
        fitChange: next.fit - current.fit,
        newComponents: trial.newComponents.length - plan.newComponents.length,
        scoreChange: next.score - current.score,
      });
      if (taken) {
        plan = trial;
        current = next;
      }
    }
    return { plan, decisions };
  });
}
