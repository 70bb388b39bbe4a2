import { CAPABILITY_IDS, type CapabilityId, type Model, type SupportLevel } from '../schema/dataset.js';
import type { CapabilityFit } from './build-plan.js';
import type { Need } from './derive-needs.js';

/** Levels that meet a must. `partial` does not: a gap left open is a gap, however small. */
const MEETS_A_MUST: ReadonlySet<SupportLevel> = new Set(['add-on', 'built-in', 'enterprise']);

export function meetsAMust(level: SupportLevel): boolean {
  return MEETS_A_MUST.has(level);
}

/** Importance-weighted share of the client's needs an option meets, 0 to 1; 1 when nothing is needed. */
export function capabilityFit(
  fits: Record<CapabilityId, CapabilityFit>,
  needs: Record<CapabilityId, Need>,
  model: Model,
) {
  let weighted = 0;
  let weights = 0;
  for (const id of CAPABILITY_IDS) {
    const w = model.importanceWeights[needs[id].importance] ?? 0;
    weighted += w * (model.levelValues[fits[id].level] ?? 0);
    weights += w;
  }
  return weights === 0 ? 1 : weighted / weights;
}

/** The musts an option does not meet in full, even with the add-ons that could close them: each rules it out. */
export function unmetMusts(
  fits: Record<CapabilityId, CapabilityFit>,
  needs: Record<CapabilityId, Need>,
): CapabilityId[] {
  return CAPABILITY_IDS.filter((id) => needs[id].importance === 'must' && !meetsAMust(fits[id].level));
}
