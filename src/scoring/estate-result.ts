import type { Model, OptionId } from '../schema/dataset.js';
import { groupStayText } from '../words/group-stay-text.js';
import type { Plan } from './build-plan.js';
import { type ByCategory, pathTco, type Scenario, TCO_CATEGORIES } from './compute-tco.js';
import { sliceScenario } from './estate-groups.js';

/** One group's part of a path, as the result shows it: what it runs there and what that costs. */
export interface GroupPathResult {
  readonly name: string;
  readonly platform: string;
  readonly clouds: readonly string[];
  readonly clusters: number;
  readonly nodes: number;
  readonly currentCni: string;
  /** The option this group runs on the path: the path's own, or the one that keeps the group's CNI. */
  readonly option: OptionId;
  readonly pathName: string;
  readonly cni: string;
  readonly keepsCurrentCni: boolean;
  readonly staysBecause: string | null;
  /** This group's cost at likely values, rounded: the path's total is the sum of the groups' exact figures. */
  readonly tco: { readonly total: number; readonly byCategory: ByCategory };
  readonly migration: {
    readonly cniHours: number;
    readonly kubeProxyHours: number;
    readonly addonHours: number;
    readonly meshHours: number;
    readonly kubeProxyModeHours: number;
  };
}

/** The groups of an estate's path with their own figures; nothing for an estate of one group. */
export function groupPathResults(
  plan: Plan,
  scenario: Scenario,
  model: Model,
): { groups?: GroupPathResult[] } {
  if (plan.groups === undefined) return {};
  return {
    groups: plan.groups.map((g) => {
      const tco = pathTco(g.plan, g.slice.situation, sliceScenario(scenario, g.slice), model);
      const byCategory = Object.fromEntries(
        TCO_CATEGORIES.map((c) => [c, Math.round(tco.years.reduce((s, y) => s + y[c], 0))]),
      ) as ByCategory;
      return {
        name: g.slice.group.name,
        platform: g.slice.group.platform,
        clouds: [...g.slice.group.clouds],
        clusters: g.slice.group.clusters,
        nodes: g.slice.group.nodes,
        currentCni: g.slice.group.currentCni,
        option: g.plan.option.id,
        pathName: g.plan.option.name,
        cni: g.plan.cni,
        keepsCurrentCni: g.plan.keepsCurrentCni,
        staysBecause: g.stays === null ? null : groupStayText(g.stays),
        tco: { total: Math.round(tco.total), byCategory },
        migration: {
          cniHours: Math.round(tco.migrationHours.cni),
          kubeProxyHours: Math.round(tco.migrationHours.kubeProxy),
          addonHours: Math.round(tco.migrationHours.addons),
          meshHours: Math.round(tco.migrationHours.mesh),
          kubeProxyModeHours: Math.round(tco.migrationHours.kubeProxyMode),
        },
      };
    }),
  };
}
