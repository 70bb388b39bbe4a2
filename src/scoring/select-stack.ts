import type { Importance } from '../schema/answers.js';
import { CAPABILITY_IDS, type CapabilityId, type Dataset, type OptionId } from '../schema/dataset.js';
import { riskPenalty } from './assess-risk.js';
import { buildPlan, MUSTS_ONLY, type Plan, preferableSets, supportOn, takesAddons } from './build-plan.js';
import { meetsAMust } from './capability-fit.js';
import { computeTco, type Scenario } from './compute-tco.js';
import type { Need } from './derive-needs.js';
import type { Situation } from './derive-situation.js';
import { complexity, criterionScores, type Weights, weightedScore } from './evaluate-options.js';

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
  /** A should stated in the workshop, planned because this path meets it for no more than any other path does. */
  readonly planned?: boolean;
}

export interface FittedStack {
  readonly plan: Plan;
  readonly decisions: readonly StackDecision[];
}

const ORDER: Record<Importance, number> = { must: 0, should: 1, nice: 2, no: 3 };

/**
 * Each option's best stack under the client's own weights. Musts always get what closes them. A should or nice
 * need's add-ons join only where they raise the option's own score: their capability (and risk and simplicity)
 * against what they cost. Moving the sidecars to a sidecar-free mesh is weighed the same way, once for all paths. Costs and complexity are scored
 * against the leanest musts-only stacks, so an option cheaper than the rest still pays for what it adds.
 */
export function selectStacks(
  situation: Situation,
  needs: Record<CapabilityId, Need>,
  dataset: Dataset,
  scenario: Scenario,
  weights: Weights,
): FittedStack[] {
  const search: StackSearch = { situation, needs, dataset, scenario, weights };
  const ids = situation.offered.map((o) => o.id);
  const plain = ids.map((id) => buildPlan(id, situation, needs, dataset, MUSTS_ONLY));
  const base = leanStacks(search, ids, plain);
  const ownScore = scoreAmong(search, base);
  const plannedShould = shouldPlanner(search, ids, base);
  const fitted = ids.map((id, i) =>
    fitOptionalNeeds(search, id, base[i] as Plan, ownScore, (capability) => plannedShould(capability, i)),
  );
  if (!situation.canMoveSidecars) return fitted.map(({ plan, decisions }) => ({ plan, decisions }));
  return withSidecarMove(search, fitted, ownScore);
}

/** What every step of the search is built and scored with: the client's situation, needs, figures and weights. */
interface StackSearch {
  readonly situation: Situation;
  readonly needs: Record<CapabilityId, Need>;
  readonly dataset: Dataset;
  readonly scenario: Scenario;
  readonly weights: Weights;
}

/** A plan's score, TCO and capability fit under the client's weights. */
interface Scored {
  readonly score: number;
  readonly total: number;
  readonly fit: number;
}

/** An option's stack with its optional needs weighed, its score, and the decisions that made it. */
interface FittedWithScore {
  readonly plan: Plan;
  readonly current: Scored;
  readonly decisions: readonly StackDecision[];
}

const tcoOf = (search: StackSearch, plan: Plan) =>
  computeTco(plan, search.situation, search.scenario, search.dataset.model);

/** Scores a plan with its cost and complexity measured against the cheapest and leanest of `plans`. */
function scoreAmong(search: StackSearch, plans: readonly Plan[]): (plan: Plan) => Scored {
  const { situation, needs, scenario, weights } = search;
  const model = search.dataset.model;
  const cheapest = Math.min(...plans.map((p) => tcoOf(search, p).total));
  const leanest = Math.min(...plans.map((p) => complexity(p, model.newComponentWeight)));
  return (plan: Plan) => {
    const tco = tcoOf(search, plan);
    const penalty = riskPenalty(plan, situation, needs, scenario.values, tco, model);
    const criteria = criterionScores(plan, tco.total, penalty, { cheapest, leanest }, needs, model);
    return { score: weightedScore(criteria, weights), total: tco.total, fit: criteria.capability };
  };
}

/**
 * Each path's lean stack. Where a path can meet its musts another way (a commercial edition of the CNI instead of
 * projects beside it), each way is built and the one scoring higher under the client's weights is the lean stack.
 */
function leanStacks(search: StackSearch, ids: readonly OptionId[], plain: readonly Plan[]): Plan[] {
  const { situation, needs, dataset } = search;
  const firstScore = scoreAmong(search, plain);
  return plain.map((plan, i) => {
    const id = ids[i] as OptionId;
    const sets = groupsOf(plan, situation).flatMap(([a, p]) => preferableSets(dataset, a, p.option, p.cni));
    return sets.reduce(
      (best, set) => {
        const trial = buildPlan(id, situation, needs, dataset, { ...MUSTS_ONLY, prefer: new Set(set) });
        const score = firstScore(trial).score;
        return score > best.score + 1e-9 ? { plan: trial, score } : best;
      },
      { plan, score: firstScore(plan).score },
    ).plan;
  });
}

/**
 * A should the client stated is planned on a path whenever that path meets it for no more than the cheapest other
 * path that meets it: the paths are then compared with what the client asked for, each paying for it in its own
 * cost, risk and simplicity. Leaving it out only because an add-on costs more than a rival's built-in feature
 * would show the path cheaper for lacking it. Where meeting it costs more here than elsewhere, it is weighed.
 */
function shouldPlanner(
  search: StackSearch,
  ids: readonly OptionId[],
  base: readonly Plan[],
): (capability: CapabilityId, i: number) => boolean {
  const { situation, needs, dataset } = search;
  // What each path costs with only its musts and one optional need met: undefined where the path cannot meet it.
  const meeting = new Map<CapabilityId, (number | undefined)[]>();
  const costsMeeting = (capability: CapabilityId) => {
    const known = meeting.get(capability);
    if (known !== undefined) return known;
    const totals = ids.map((id, i) => {
      const lean = base[i] as Plan;
      const trial = buildPlan(id, situation, needs, dataset, {
        ...lean.choice,
        optional: new Set([capability]),
      });
      return meetsAMust(trial.fits[capability].level) ? tcoOf(search, trial).total : undefined;
    });
    meeting.set(capability, totals);
    return totals;
  };
  return (capability, i) => {
    if (needs[capability].importance !== 'should' || needs[capability].origin !== 'answer') return false;
    const totals = costsMeeting(capability);
    const own = totals[i];
    const others = totals.filter((t, j): t is number => j !== i && t !== undefined);
    return own !== undefined && others.length > 0 && own <= Math.min(...others);
  };
}

/**
 * One path's should and nice needs that add-ons or extras could meet, weighed one by one (shoulds first) against
 * the path's own score; a need that adds nothing to the stack is simply taken.
 */
function fitOptionalNeeds(
  search: StackSearch,
  id: OptionId,
  lean: Plan,
  ownScore: (plan: Plan) => Scored,
  planned: (capability: CapabilityId) => boolean,
): FittedWithScore {
  const { situation, needs, dataset } = search;
  let plan = lean;
  let current = ownScore(plan);
  const decisions: StackDecision[] = [];
  const candidates = CAPABILITY_IDS.filter((c) => {
    const importance = needs[c].importance;
    const optional = importance === 'should' || importance === 'nice';
    const extra = plan.option.extras.some((e) => e.capability === c);
    const addons = groupsOf(plan, situation).some(([a, p]) =>
      takesAddons(supportOn(dataset, a, p.option, p.cni, c)),
    );
    return optional && (addons || extra);
  }).sort((a, b) => ORDER[needs[a].importance] - ORDER[needs[b].importance]);
  for (const capability of candidates) {
    const trial = buildPlan(id, situation, needs, dataset, {
      ...plan.choice,
      optional: new Set([...plan.choice.optional, capability]),
    });
    const added = trial.addons.filter((a) => !plan.addons.includes(a));
    if (added.length === 0 && trial.extras.length === plan.extras.length) {
      plan = trial;
      continue;
    }
    const next = ownScore(trial);
    const weighed = weigh(capability, needs[capability].importance, plan, trial, current, next, added);
    const decision = planned(capability) ? { ...weighed, taken: true, planned: true } : weighed;
    decisions.push(decision);
    if (decision.taken) {
      plan = trial;
      current = next;
    }
  }
  return { plan, current, decisions };
}

/**
 * Moving the sidecars does not depend on the CNI, so it is decided once for every path: taken when it raises
 * the options' scores in sum (their own cost, risk and simplicity), so no path is credited with a saving another
 * could take just the same.
 */
function withSidecarMove(
  search: StackSearch,
  fitted: readonly FittedWithScore[],
  ownScore: (plan: Plan) => Scored,
): FittedStack[] {
  const { situation, needs, dataset } = search;
  const moved = fitted.map(({ plan, current }) => {
    const trial = buildPlan(plan.option.id, situation, needs, dataset, {
      ...plan.choice,
      movesSidecars: true,
    });
    return { trial, next: ownScore(trial), before: current };
  });
  const gain = moved.reduce((sum, m) => sum + m.next.score - m.before.score, 0);
  const taken = gain > 1e-9;
  return fitted.map(({ plan, decisions }, i) => {
    const m = moved[i] as (typeof moved)[number];
    const added = m.trial.addons.filter((a) => !plan.addons.includes(a));
    const decision = { ...weigh(null, null, plan, m.trial, m.before, m.next, added), taken };
    return { plan: taken ? m.trial : plan, decisions: [...decisions, decision] };
  });
}

/** Each group's situation and plan, or the client's own for an estate described as one. */
function groupsOf(plan: Plan, situation: Situation): (readonly [Situation, Plan])[] {
  return plan.groups?.map((g) => [g.slice.situation, g.plan] as const) ?? [[situation, plan]];
}

function weigh(
  capability: CapabilityId | null,
  importance: Importance | null,
  plan: Plan,
  trial: Plan,
  current: Scored,
  next: Scored,
  added: readonly { name: string }[],
): StackDecision {
  return {
    capability,
    importance,
    addons: added.map((a) => a.name),
    taken: next.score > current.score + 1e-9,
    tcoChange: next.total - current.total,
    fitChange: next.fit - current.fit,
    newComponents: trial.newComponents.length - plan.newComponents.length,
    scoreChange: next.score - current.score,
  };
}
