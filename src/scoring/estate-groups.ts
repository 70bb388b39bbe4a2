import type { CostKey } from '../schema/assumption-keys.js';
import type { Plan } from './build-plan.js';
import type { Scenario } from './compute-tco.js';
import type { Cni, EstateGroup, Situation } from './derive-situation.js';
import type { ParameterValues } from './resolve-parameters.js';

/** One group of the estate as the engine sees it: its own situation, and its share of the estate's totals. */
export interface EstateSlice {
  readonly group: EstateGroup;
  /** The client's situation with this group's platform, clouds, clusters, nodes and CNI (the estate's other answers). */
  readonly situation: Situation;
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

/** The figures of one evaluation (likely, a draw or a probe) as they fall on one group. */
export function sliceScenario(s: Scenario, slice: EstateSlice): Scenario {
  return {
    ...s,
    nodes: s.nodes * slice.nodeShare,
    sidecars: s.sidecars * slice.sidecarShare,
    values: scaledValues(s.values, slice.valueScale),
  };
}

/**
 * The estate's figures with a group's factors applied: the factored figures are the object's own, every other
 * figure is read through to the estate's (its prototype). The plausible worlds slice every figure of every path
 * for every group in every world, and a copy of all of them each time was most of an estate's cost to score.
 */
function scaledValues(values: ParameterValues, scale: EstateSlice['valueScale']): ParameterValues {
  let scaled: ParameterValues | undefined;
  for (const key in scale) {
    scaled ??= Object.create(values) as ParameterValues;
    scaled[key as CostKey] = values[key as CostKey] * (scale[key as CostKey] ?? 1);
  }
  return scaled ?? values;
}

/** What a path moves off which CNI: the whole estate, or each group it moves. */
export function migrationMoves(
  plan: Plan,
  situation: Situation,
): { nodes: number; group: string | null; from: Cni; fromName: string }[] {
  const moved = (plan.groups ?? []).filter((g) => g.plan.migratesCni);
  if (moved.length === 0) {
    return [
      {
        nodes: situation.cluster.nodes,
        group: null,
        from: situation.cluster.currentCni,
        fromName: plan.currentName,
      },
    ];
  }
  return moved.map((g) => ({
    nodes: g.slice.group.nodes,
    group: g.slice.group.name,
    from: g.slice.group.currentCni,
    fromName: g.plan.currentName,
  }));
}
