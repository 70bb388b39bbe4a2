import { CAPABILITY_IDS, type CapabilityId, type Model } from '../schema/dataset.js';
import type { CapabilityFit } from './build-plan.js';
import type { Need } from './derive-needs.js';

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

/** The musts an option cannot meet at all: each one rules the option out. */
export function unmetMusts(
  fits: Record<CapabilityId, CapabilityFit>,
  needs: Record<CapabilityId, Need>,
): CapabilityId[] {
  return CAPABILITY_IDS.filter((id) => needs[id].importance === 'must' && fits[id].level === 'none');
}
