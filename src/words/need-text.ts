import type { Importance } from '../schema/answers.js';

/** An importance as what the workshop stated a need to be: "a must", never the answers file's `nice` or `no`. */
const STATED_AS: Readonly<Record<Importance, string>> = {
  must: 'a must',
  should: 'a should-have',
  nice: 'nice to have',
  no: 'not needed',
};

/** Why a need has the importance the client gave it in the workshop. */
export function statedNeedText(importance: Importance): string {
  return `Stated in the workshop as ${STATED_AS[importance]}.`;
}

/** Why a need nobody asked for, and no rule sets, is not needed. */
export const UNASKED_NEED_TEXT = 'Nothing in the answers calls for it.';
