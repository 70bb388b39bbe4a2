import type { AnswerKey } from './answer-keys.js';
import type { AnswersDraft } from './answers-draft.js';

type Sections = Record<string, Record<string, unknown> | undefined>;

/** The answer to one key in a draft, or undefined when it has none. */
export function draftValue(draft: AnswersDraft, { section, key }: AnswerKey): unknown {
  return (draft as Sections)[section]?.[key];
}

/**
 * Sets one answer in place; undefined removes it, and a section left empty goes too, so a draft only ever
 * holds answers that were given.
 */
export function setDraftValue(draft: AnswersDraft, { section, key }: AnswerKey, value: unknown): void {
  const sections = draft as Sections;
  const current = { ...sections[section] };
  if (value === undefined) delete current[key];
  else current[key] = value;
  if (Object.keys(current).length === 0) delete sections[section];
  else sections[section] = current;
}
