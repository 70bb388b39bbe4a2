import type { Dataset } from '../schema/dataset.js';
import { type AnswerKey, keyPath } from './answer-keys.js';
import type { AnswersDraft } from './answers-draft.js';
import { askContext } from './ask-context.js';
import { draftValue, setDraftValue } from './draft-value.js';
import { QUESTIONNAIRE } from './questionnaire.js';

/**
 * Whether each question applies to a set of answers: the interview asks it and the workshop page shows it.
 * Each question is judged by the answers before it, in the questionnaire's order, as both of them judge it.
 */
export function questionApplies(draft: AnswersDraft, dataset: Dataset): (at: AnswerKey) => boolean {
  const applies = new Set<string>();
  const settled: AnswersDraft = {};
  let ctx = askContext(settled, dataset);
  for (const question of QUESTIONNAIRE.flatMap((section) => section.questions)) {
    if (!(question.when?.(ctx) ?? true)) continue;
    applies.add(keyPath(question));
    const value = draftValue(draft, question);
    if (value === undefined) continue;
    setDraftValue(settled, question, value);
    if (question.section !== 'needs' && question.section !== 'assumptions')
      ctx = askContext(settled, dataset);
  }
  return (at) => applies.has(keyPath(at));
}
