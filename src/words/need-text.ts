import type { Importance } from '../schema/answers.js';

/** Why a need has the importance the client gave it in the workshop. */
export function statedNeedText(importance: Importance): string {
  return `Stated in the workshop as ${importance}.`;
}

/** Why a need nobody asked for, and no rule sets, is not needed. */
export const UNASKED_NEED_TEXT = 'Nothing in the answers calls for it.';
