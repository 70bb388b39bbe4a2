import type { EngineResult, SidecarTax } from '../../result/result-types.js';

export interface SidecarCosts {
  /** Sidecars running today. */
  readonly today: number;
  /** Sidecars still needed after moving the mesh to its sidecar-free mode. */
  readonly keptAfterMove: number;
  readonly cpuMillicores: number;
  readonly memoryMiB: number;
  /** Compute cost of one sidecar for one year, in the engagement currency. */
  readonly perSidecarYear: number;
  /** Year by year, as the engine works them out (SidecarTax). */
  readonly years: SidecarTax['years'];
}

/** The sidecar tax as the engine worked it out, or null when the client runs no sidecars or cannot move them. */
export function sidecarCosts(result: EngineResult): SidecarCosts | null {
  const tax = result.sidecarTax;
  if (tax === null || !tax.canMove) return null;
  const value = (key: string) => result.assumptions.find((p) => p.key === key)?.value ?? Number.NaN;
  return {
    today: tax.sidecars,
    keptAfterMove: tax.keptAfterMove,
    cpuMillicores: value('sidecarCpuMillicores'),
    memoryMiB: value('sidecarMemoryMiB'),
    perSidecarYear: tax.perSidecarYear,
    years: tax.years,
  };
}
