import type { AnswersInput } from '../schema/answers.js';

/**
 * Answers as far as they are known: any key of any section may be missing. What `init` starts from and
 * what an interview has collected so far.
 */
export type AnswersDraft = {
  [K in keyof AnswersInput]?: NonNullable<AnswersInput[K]> extends readonly unknown[]
    ? AnswersInput[K]
    : NonNullable<AnswersInput[K]> extends object
      ? Partial<NonNullable<AnswersInput[K]>>
      : AnswersInput[K];
};
