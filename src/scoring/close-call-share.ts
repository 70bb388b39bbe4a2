import type { Dataset } from '../schema/dataset.js';

type DecisionModel = Pick<Dataset['model']['decision'], 'closeCallShare' | 'closeCallZ'>;

/**
 * The rival's share of `worlds` drawn worlds from which a close call is flagged: the rule's share less its sampling
 * error at that many worlds (`z` standard errors of a share equal to the rule's). A rival at or above it could win
 * the rule's share of all plausible worlds as far as the worlds drawn can tell (the rule's share lies inside the
 * Wilson interval of the rival's share), so whether the call is close depends on the model, not on the seed.
 */
export function closeCallShareAt(decision: DecisionModel, worlds: number): number {
  const p = decision.closeCallShare;
  return Math.max(0, p - decision.closeCallZ.z * Math.sqrt((p * (1 - p)) / worlds));
}
