import { CAPABILITY_IDS, type CapabilityId, type Dataset, type OptionId } from '../schema/dataset.js';
import { CNI_NAMES } from '../schema/display-names.js';
import { InternalError } from '../shared/errors.js';
import { buildPlan, MUSTS_ONLY, type Plan, providerOffer } from './build-plan.js';
import type { Need } from './derive-needs.js';
import type { Cni, Situation } from './derive-situation.js';
import { composeEstatePlan } from './estate-plan.js';

const NO_NEEDS = Object.fromEntries(
  CAPABILITY_IDS.map((id) => [
    id,
    { capability: id, importance: 'no', origin: 'default', reasons: [], basis: [] },
  ]),
) as unknown as Record<CapabilityId, Need>;

/**
 * The option that keeps the data plane the client runs today, with no subscription to buy: staying costs no
 * migration and no change risk. None when the clusters have no CNI yet or one the data does not describe.
 */
export function incumbentOf(plans: readonly Plan[]): Plan | undefined {
  return plans.find((p) => p.keepsCurrentCni && p.option.vendor === null);
}

/** The status quo: today's CNI, kube-proxy and mesh kept as they are, nothing added; for an estate, in each group. */
export function baselinePlan(situation: Situation, dataset: Dataset, plans: readonly Plan[]): Plan {
  const incumbent = incumbentOf(plans);
  const id = incumbent?.option.id ?? (dataset.options[0]?.id as OptionId);
  const plan = buildPlan(id, situation, NO_NEEDS, dataset, MUSTS_ONLY);
  if (plan.groups === undefined) return asToday(plan, situation, incumbent !== undefined);
  const parts = plan.groups.map((g) => ({
    ...g,
    plan: asToday(g.plan, g.slice.situation, g.plan.keepsCurrentCni),
  }));
  const today = dataset.options.find((o) => o.id === id);
  if (today === undefined) throw new InternalError(`option ${id} missing from data`);
  return composeEstatePlan(today, parts, dataset);
}

function asToday(plan: Plan, situation: Situation, kept: boolean): Plan {
  const today = situation.runsToday;
  const keepsKubeProxy = situation.cluster.kubeProxyMode !== 'none' || !kept;
  return {
    ...plan,
    option: { ...plan.option, replacesKubeProxy: !keepsKubeProxy },
    addons: plan.addons.filter((a) => a.id === 'existing-mesh'),
    newAddons: [],
    extras: [],
    components: kept ? [...today] : plan.components,
    newComponents: [],
    migratesCni: false,
    replacesKubeProxy: !keepsKubeProxy,
    removesKubeProxy: false,
    learnsEbpf: false,
  };
}

/** What runs today, where, and by which name: the provider's offer where the platform runs the CNI as its own. */
export interface RunsToday {
  readonly group: string | null;
  readonly cni: Cni;
  readonly name: string;
}

/** What staying keeps: the estate's CNI, or each group's, named as the client's provider names it. */
export function runsToday(situation: Situation, dataset: Dataset): RunsToday[] {
  const named = (s: Situation, group: string | null): RunsToday => {
    const cni = s.cluster.currentCni;
    return { group, cni, name: providerOffer(dataset, s, cni)?.name ?? CNI_NAMES[cni] };
  };
  return situation.groups.length === 0
    ? [named(situation, null)]
    : situation.groups.map((g) => named(g.situation, g.group.name));
}
