import type { AnswersDraft } from './answers-draft.js';
import type { SectionHeading } from './prompter.js';

/**
 * The interview stopped before its end (Ctrl+C, a closed terminal, or a failing prompt, which is `cause`).
 * `draft` holds every answer known so far, given now or carried over from the file being resumed.
 */
export class InterviewInterrupted extends Error {
  readonly draft: AnswersDraft;
  readonly section: SectionHeading;
  constructor(draft: AnswersDraft, section: SectionHeading, cause: unknown) {
    super(`interview stopped in section ${section.number} of ${section.of} (${section.title})`, { cause });
    this.name = 'InterviewInterrupted';
    this.draft = draft;
    this.section = section;
  }
}
