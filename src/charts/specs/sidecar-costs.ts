import type { CostKey } from '../../schema/assumption-keys.js';
import type { ScoreResult } from '../../scoring/score-result.js';

export interface SidecarCosts {
  /** Sidecars running today (Flannel keeps every one of them). */
  readonly today: number;
  /** Sidecars still needed with Cilium's sidecar-free mesh. */
  readonly keptWithCilium: number;
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  /** Compute cost of one sidecar for one year, in the engagement currency. */
  readonly perSidecarYear: number;
  /** Year by year: what all of today's sidecars cost as the estate grows, and the part Cilium keeps. */
  readonly years: readonly { readonly year: number; readonly all: number; readonly kept: number }[];
}

const HOURS_PER_YEAR = 8760;
/** Sidecar memory is given in MiB and priced per (decimal) GB-hour. */
const GB_PER_MIB = 2 ** 20 / 1e9;

/**
 * The sidecar tax, derived from the result alone, or null when the client runs no sidecars.
 *
 * The result carries no growth rate or per-year sidecar count, so each year's scale is read from Cilium
 * OSS's compute cost: with kube-proxy replaced, all of it (per-node agents and kept sidecars) grows with
 * the node count, so year n's compute over year 1's is exactly the growth the engine applied.
 */
export function sidecarCosts(result: ScoreResult): SidecarCosts | null {
  const flannel = result.options.find((o) => o.id === 'flannel');
  const cilium = result.options.find((o) => o.id === 'cilium-oss');
  if (flannel === undefined || cilium === undefined) return null;
  const today = flannel.operations.sidecarsKept;
  if (!(today > 0)) return null;
  const value = (key: CostKey) => result.assumptions.find((p) => p.key === key)?.value ?? Number.NaN;
  const cpuMillicores = value('sidecarCpuMillicores');
  const memoryMiB = value('sidecarMemoryMiB');
  const perSidecarYear =
    ((cpuMillicores / 1000) * value('vcpuHourPrice') + memoryMiB * GB_PER_MIB * value('memoryGbHourPrice')) *
    HOURS_PER_YEAR;
  if (!Number.isFinite(perSidecarYear)) return null;
  const firstCompute = cilium.tco.byYear[0]?.compute ?? 0;
  const years = cilium.tco.byYear.map((y, i) => {
    const scale = firstCompute > 0 ? y.compute / firstCompute : 1;
    return {
      year: i + 1,
      all: today * scale * perSidecarYear,
      kept: cilium.operations.sidecarsKept * scale * perSidecarYear,
    };
  });
  return {
    today,
    keptWithCilium: cilium.operations.sidecarsKept,
    cpuMillicores,
    memoryMiB,
    perSidecarYear,
    years,
  };
}
