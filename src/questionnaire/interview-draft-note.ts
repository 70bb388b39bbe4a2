import type { SectionKey } from './answer-keys.js';
import { QUESTIONNAIRE } from './questionnaire.js';

const DRAFT = 'Draft of a cnireport interview';
const STOPPED_IN = `${DRAFT} stopped in `;

/** The first comment of an interview's draft: where it stopped, and how to pick up. */
export function interviewDraftNote(stoppedIn: string | undefined, pickUp: string): string {
  return `${stoppedIn === undefined ? DRAFT : `${STOPPED_IN}${stoppedIn}`}. Pick up with: ${pickUp}`;
}

/** Whether a file is an interview's draft (its note says so), not an answers file of the consultant's. */
export function isInterviewDraft(text: string): boolean {
  return text.split('\n', 8).some((l) => l.startsWith(`# ${DRAFT}`));
}

/**
 * The section an interview's draft stopped in, read back from its note, so that picking up starts there
 * instead of at section 1; undefined for any other file.
 */
export function stoppedSection(text: string): SectionKey | undefined {
  const line = text.split('\n', 8).find((l) => l.startsWith(`# ${STOPPED_IN}`));
  if (line === undefined) return undefined;
  const rest = line.slice(2 + STOPPED_IN.length);
  return QUESTIONNAIRE.find((s) => rest.startsWith(`${s.title}.`))?.key;
}
