import { roundTo } from '../shared/format.js';
import type { SidecarTax } from './sidecar-tax.js';

/** The sidecar tax as the result states it: counts, hours and money in whole units, the per-sidecar cost to cents. */
export function roundSidecarTax(t: SidecarTax | null): SidecarTax | null {
  if (t === null) return null;
  return {
    ...t,
    keptAfterMove: Math.round(t.keptAfterMove),
    perSidecarYear: roundTo(t.perSidecarYear, 2),
    years: t.years.map((y) => ({
      year: y.year,
      all: Math.round(y.all),
      kept: Math.round(y.kept),
      perNode: Math.round(y.perNode),
    })),
    moveHours: Math.round(t.moveHours),
  };
}
