import type { Answers } from '../schema/answers.js';
import { CAPABILITY_IDS, type CapabilityId, type Dataset, type OptionId } from '../schema/dataset.js';
import { buildPlan, currentComponents, MUSTS_ONLY, type Plan } from './build-plan.js';
import type { Need } from './derive-needs.js';

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

/** The status quo: today's CNI, kube-proxy and mesh kept as they are, nothing added. */
export function baselinePlan(answers: Answers, dataset: Dataset, plans: readonly Plan[]): Plan {
  const incumbent = incumbentOf(plans);
  const id = incumbent?.option.id ?? (dataset.options[0]?.id as OptionId);
  const plan = buildPlan(id, answers, NO_NEEDS, dataset, MUSTS_ONLY);
  const today = currentComponents(answers, dataset);
  const keepsKubeProxy = answers.cluster.kubeProxyMode !== 'none' || incumbent === undefined;
  return {
    ...plan,
    option: { ...plan.option, replacesKubeProxy: !keepsKubeProxy },
    addons: plan.addons.filter((a) => a.id === 'existing-mesh'),
    newAddons: [],
    extras: [],
    components: incumbent === undefined ? plan.components : [...today],
    newComponents: [],
    migratesCni: false,
    replacesKubeProxy: !keepsKubeProxy,
    removesKubeProxy: false,
    learnsEbpf: false,
  };
}
