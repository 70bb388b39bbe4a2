import type { Answers, CNIS, EstateGroup } from '../schema/answers.js';
import { COST_KEYS, type CostKey } from '../schema/assumption-keys.js';
import type { Dataset } from '../schema/dataset.js';
import type { Plan } from './build-plan.js';
import type { Scenario } from './compute-tco.js';

/** One group of the estate as the engine sees it: its own answers, and its share of the estate's totals. */
export interface EstateSlice {
  readonly group: EstateGroup;
  /** The client's answers with this group's platform, clouds, clusters, nodes and CNI (the estate's other answers). */
  readonly answers: Answers;
  /** The group's share of today's nodes and of the sidecars (by its share of the pods), 0 to 1. */
  readonly nodeShare: number;
  readonly sidecarShare: number;
  /**
   * Factors on the estate's figures where a default depends on the CNI run today (keeping Calico takes other upkeep
   * than keeping the VPC CNI): the group's own default over the estate's. A figure the client states is theirs
   * for every group.
   */
  readonly valueScale: Partial<Record<CostKey, number>>;
}

/**
 * The estate's groups, each with answers of its own; empty when the answers describe one group (format v1 without
 * `cluster.groups`, or a single group), which the engine scores as it always has.
 */
export function estateSlices(answers: Answers, dataset: Dataset): EstateSlice[] {
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
      answers: groupAnswers,
      nodeShare,
      sidecarShare,
      valueScale: cniScale(answers, group, dataset),
    };
  });
}

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

/** The figures of one evaluation (likely, a draw or a probe) as they fall on one group. */
export function sliceScenario(s: Scenario, slice: EstateSlice): Scenario {
  const scaled = Object.entries(slice.valueScale);
  return {
    ...s,
    nodes: s.nodes * slice.nodeShare,
    sidecars: s.sidecars * slice.sidecarShare,
    values:
      scaled.length === 0
        ? s.values
        : {
            ...s.values,
            ...Object.fromEntries(scaled.map(([k, f]) => [k, s.values[k as CostKey] * (f ?? 1)])),
          },
  };
}

/** What a path moves off which CNI: the whole estate, or each group it moves. */
export function migrationMoves(
  plan: Plan,
  answers: Answers,
): { nodes: number; group: string | null; from: (typeof CNIS)[number] }[] {
  const moved = (plan.groups ?? []).filter((g) => g.plan.migratesCni);
  if (moved.length === 0) {
    return [{ nodes: answers.cluster.nodes, group: null, from: answers.cluster.currentCni }];
  }
  return moved.map((g) => ({
    nodes: g.slice.group.nodes,
    group: g.slice.group.name,
    from: g.slice.group.currentCni,
  }));
}
