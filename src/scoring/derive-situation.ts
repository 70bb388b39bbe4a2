import type { Answers, EstateGroup } from '../schema/answers.js';
import { COST_KEYS, type CostKey } from '../schema/assumption-keys.js';
import type { CapabilityId, Dataset, OptionData } from '../schema/dataset.js';
import { currentComponents, fipsLevel, offeredOptions } from './build-plan.js';
import { deriveNeeds, type Need } from './derive-needs.js';
import type { EstateSlice } from './estate-groups.js';
import type { Weights } from './evaluate-options.js';
import { type ExchangeRate, exchangeRate } from './exchange-rate.js';

/** A CNI the client may run today (or `none`). */
export type Cni = Answers['cluster']['currentCni'];
export type { EstateGroup };

/** The estate as a whole (for an estate of groups, its totals), with the figures derived from it. */
export type Estate = Omit<Answers['cluster'], 'groups'> & {
  /** A node's kube-proxy programs only its own cluster's Services: Service scale is per cluster. */
  readonly servicesPerCluster: number;
  /** The factor the nodes grow by each year. */
  readonly growth: number;
};

/**
 * The client's situation as the engine reads it, derived once from the validated answers at the engine's entry:
 * the estate and its groups, the mesh, the team, the compliance asked for, the engagement, the priorities, the
 * client's own cost figures, the needs, and what follows from them with the data (the exchange rate, how strongly
 * FIPS is asked for, the components run today, whether the sidecars can move, the paths the platforms offer).
 * No scoring file but this one and the needs rules read the answers.
 */
export interface Situation {
  readonly engagement: Answers['engagement'];
  readonly cluster: Estate;
  /** The estate's groups, each a situation of its own; empty for an estate described as one group. */
  readonly groups: readonly EstateSlice[];
  readonly mesh: Answers['mesh'];
  readonly team: Answers['team'];
  readonly compliance: Answers['compliance'];
  readonly priorities: Weights;
  /** The client's own cost figures (`assumptions` in the answers file). */
  readonly stated: Readonly<Partial<Record<CostKey, number>>>;
  readonly stakeholders: NonNullable<Answers['stakeholders']>;
  readonly needs: Record<CapabilityId, Need>;
  readonly fx: ExchangeRate;
  /** How strongly FIPS 140-validated cryptography is asked for. */
  readonly fips: 'must' | 'should' | null;
  /** Components the team runs today: its CNI's, kube-proxy unless already replaced, and its mesh. */
  readonly runsToday: ReadonlySet<string>;
  /** The mesh runs sidecars that could move to a sidecar-free mode on any CNI. */
  readonly canMoveSidecars: boolean;
  /** The options that are paths for this client (for an estate of groups, those some group takes). */
  readonly offered: readonly OptionData[];
}

/** The client's situation from validated answers and the data set. Pure. */
export function deriveSituation(answers: Answers, dataset: Dataset): Situation {
  const needs = deriveNeeds(answers, dataset.rules);
  const estate = situationOf(answers, dataset, needs, []);
  const groups = groupSlices(answers, dataset, needs);
  return groups.length === 0 ? estate : withOffer({ ...estate, groups }, dataset);
}

/** A situation without groups, or before they are added; its offer is that of its own CNI and platforms. */
function situationOf(
  answers: Answers,
  dataset: Dataset,
  needs: Record<CapabilityId, Need>,
  groups: readonly EstateSlice[],
): Situation {
  const { groups: _, ...cluster } = answers.cluster;
  const base = {
    engagement: answers.engagement,
    cluster: {
      ...cluster,
      servicesPerCluster: cluster.services / cluster.clusters,
      growth: 1 + cluster.growthPercentPerYear / 100,
    },
    groups,
    mesh: answers.mesh,
    team: answers.team,
    compliance: answers.compliance,
    priorities: { ...answers.priorities },
    stated: answers.assumptions as Partial<Record<CostKey, number>>,
    stakeholders: answers.stakeholders ?? [],
    needs,
    fx: exchangeRate(dataset, answers.engagement),
    fips: fipsLevel(answers.compliance, dataset),
    canMoveSidecars:
      answers.mesh.sidecars > 0 && dataset.sidecarFreeMove.meshes.includes(answers.mesh.current),
    offered: [],
  };
  return withOffer({ ...base, runsToday: currentComponents(base, dataset) }, dataset);
}

function withOffer(situation: Situation, dataset: Dataset): Situation {
  return { ...situation, offered: offeredOptions(dataset, situation) };
}

/**
 * The estate's groups, each with a situation of its own (its platform, clouds, clusters, nodes, CNI and its share
 * of the sidecars; the estate's other answers); empty when the answers describe one group (format v1 without
 * `cluster.groups`, or a single group), which the engine scores as it always has.
 */
function groupSlices(answers: Answers, dataset: Dataset, needs: Record<CapabilityId, Need>): EstateSlice[] {
  const groups = answers.cluster.groups ?? [];
  if (groups.length < 2) return [];
  const { cluster, mesh } = answers;
  const pods = (g: EstateGroup) => g.nodes * (g.podsPerNode ?? cluster.podsPerNode);
  const allPods = groups.reduce((s, g) => s + pods(g), 0);
  const everyGroupCounts = groups.every((g) => g.services !== undefined);
  return groups.map((group) => {
    const nodeShare = group.nodes / cluster.nodes;
    const sidecarShare = allPods === 0 ? 0 : pods(group) / allPods;
    const services = everyGroupCounts ? (group.services ?? 0) : Math.round(cluster.services * nodeShare);
    const groupAnswers: Answers = {
      ...answers,
      cluster: {
        ...cluster,
        clusters: group.clusters,
        nodes: group.nodes,
        podsPerNode: group.podsPerNode ?? cluster.podsPerNode,
        services,
        clouds: [...group.clouds],
        currentCni: group.currentCni,
        platforms: [group.platform],
        kubeProxyMode: group.kubeProxyMode ?? cluster.kubeProxyMode,
        groups: undefined,
      },
      mesh: { ...mesh, sidecars: Math.round(mesh.sidecars * sidecarShare) },
    };
    return {
      group,
      situation: situationOf(groupAnswers, dataset, needs, []),
      nodeShare,
      sidecarShare,
      valueScale: cniScale(answers, group, dataset),
    };
  });
}

/**
 * Factors on the estate's figures where a default depends on the CNI run today: the group's own default over the
 * estate's. A figure the client states is theirs for every group.
 */
function cniScale(answers: Answers, group: EstateGroup, dataset: Dataset): Partial<Record<CostKey, number>> {
  const stated = answers.assumptions as Partial<Record<CostKey, number>>;
  const scale: Partial<Record<CostKey, number>> = {};
  for (const key of COST_KEYS) {
    const d = dataset.costs[key];
    if (d.byCni === undefined || stated[key] !== undefined) continue;
    if (d.byCurrency?.[answers.engagement.currency] !== undefined) continue;
    if (d.byMesh?.[answers.mesh.current] !== undefined) continue;
    const estate = (d.byCni[answers.cluster.currentCni] ?? d).likely;
    const own = (d.byCni[group.currentCni] ?? d).likely;
    if (estate > 0 && own !== estate) scale[key] = own / estate;
  }
  return scale;
}
