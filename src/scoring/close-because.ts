import type { OptionId } from '../schema/dataset.js';
import type { WorldDriver, WorldsVerdict } from './monte-carlo.js';

/** One input or judgement a close call turns on, toward the option that would be recommended instead. */
export interface CloseCallDriver extends WorldDriver {
  readonly toward: OptionId;
}

/** One driver of a close call with the "if …" clause that names it in the client's words (src/words). */
export interface CloseCallReason extends CloseCallDriver {
  readonly text: string;
}

/** What a close call turns on: the two or three draws that most separate the rival's worlds from the pick's. */
export function closeBecause(verdict: WorldsVerdict): CloseCallDriver[] {
  const rival = verdict.rival;
  if (rival === null) return [];
  return verdict.drivers.map((d) => ({ ...d, effect: Math.round(d.effect * 100) / 100, toward: rival }));
}
