import type { Dataset, OptionId } from '../schema/dataset.js';
import { GB_PER_MIB, HOURS_PER_YEAR } from '../shared/units.js';
import type { Plan } from './build-plan.js';
import { sidecarCostPerYear } from './compute-tco.js';
import type { Situation } from './derive-situation.js';
import type { ParameterValues } from './resolve-parameters.js';

/** What today's sidecar proxies cost, and what moving them to a sidecar-free mesh would save and cost, on any path. */
export interface SidecarTax {
  readonly sidecars: number;
  /** Sidecars still needed after the move (workloads relying on features the sidecar-free mode lacks). */
  readonly keptAfterMove: number;
  /** Whether this client's mesh has a sidecar-free mode to move to. */
  readonly canMove: boolean;
  readonly perSidecarYear: number;
  /** Year by year: what today's sidecars cost as the estate grows, what the kept ones cost, and what the per-node
   *  sidecar-free data plane (ztunnel and its CNI agent) costs instead. */
  readonly years: readonly {
    readonly year: number;
    readonly all: number;
    readonly kept: number;
    readonly perNode: number;
  }[];
  /** One-off engineer-hours to move, whole estate, after the team-maturity factor. */
  readonly moveHours: number;
  readonly movedBy: readonly OptionId[];
}

/** The sidecar tax worked out once, for the report, the charts and the result. Null when no sidecars run. */
export function sidecarTax(
  situation: Situation,
  dataset: Dataset,
  values: ParameterValues,
  plans: readonly Plan[],
): SidecarTax | null {
  const { sidecars } = situation.mesh;
  if (situation.mesh.current === 'none' || sidecars === 0) return null;
  const canMove = situation.canMoveSidecars;
  const kept = canMove ? sidecars * (1 - values.sidecarsRemovedWithCiliumPercent / 100) : sidecars;
  const perSidecarYear = sidecarCostPerYear(values);
  const addon = dataset.addons.find((a) => a.id === dataset.sidecarFreeMove.addon);
  const node = addon?.perNode ?? { cpuMillicores: 0, memoryMiB: 0 };
  const perNodeYear =
    ((node.cpuMillicores / 1000) * values.vcpuHourPrice +
      node.memoryMiB * GB_PER_MIB * values.memoryGbHourPrice) *
    HOURS_PER_YEAR;
  const growth = situation.cluster.growth;
  const maturity = dataset.model.maturityOpsFactor[situation.team.maturity] ?? 1;
  const setup = addon?.setupHoursPerCluster.likely ?? 0;
  return {
    sidecars,
    keptAfterMove: kept,
    canMove,
    perSidecarYear,
    years: Array.from({ length: situation.engagement.horizonYears }, (_, y) => ({
      year: y + 1,
      all: sidecars * growth ** y * perSidecarYear,
      kept: kept * growth ** y * perSidecarYear,
      perNode: canMove ? situation.cluster.nodes * growth ** y * perNodeYear : 0,
    })),
    moveHours: canMove
      ? (values.meshMigrationHoursPerCluster + setup) * situation.cluster.clusters * maturity
      : 0,
    movedBy: plans.filter((p) => p.choice.movesSidecars).map((p) => p.option.id),
  };
}
