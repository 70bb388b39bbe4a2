import type { Answers, NeedKey } from '../schema/answers.js';
import type { CostKey } from '../schema/assumption-keys.js';
import { formatSchemaValue } from '../schema/describe-expectation.js';
import { formatQuantity } from '../shared/format.js';
import { draftValue } from './draft-value.js';
import { type AskContext, QUESTIONNAIRE } from './questionnaire.js';

const WIDTH = 100;

/**
 * The answers as read back at the end of an interview: one block per section, `key value` pairs in the
 * file's own names so they can be found in it. Needs left to the rules show the level they get. A cost
 * override reads as the question asked it, with its unit: its key is a long name nobody said in the room.
 */
export function summariseAnswers(
  answers: Answers,
  derivedNeeds: AskContext['derivedNeeds'],
  costDefaults: AskContext['costDefaults'] = {},
): string[] {
  const titleWidth = Math.max(...QUESTIONNAIRE.map((s) => s.title.length)) + 2;
  return QUESTIONNAIRE.flatMap((section) => {
    const pairs = section.questions.flatMap((question) => {
      const value = draftValue(answers, question);
      if (value !== undefined && section.key === 'assumptions' && typeof value === 'number') {
        const label = (typeof question.message === 'string' ? question.message : question.key).replace(
          / \(.*\)$/,
          '',
        );
        const unit = costDefaults[question.key as CostKey]?.unit;
        const shown =
          unit === undefined
            ? { value: String(value), unit: '' }
            : formatQuantity(value, unit, answers.engagement.currency);
        return [`${label}: ${shown.value}${shown.unit === '' ? '' : ` ${shown.unit}`}`];
      }
      if (value !== undefined) return [`${question.key} ${formatSchemaValue(value)}`];
      const derived = section.key === 'needs' ? derivedNeeds[question.key as NeedKey] : undefined;
      return derived === undefined ? [] : [`${question.key} ${derived.importance} (derived)`];
    });
    const lines = wrap(pairs.length === 0 ? ['defaults'] : pairs, WIDTH - titleWidth);
    return lines.map((line, i) => `${(i === 0 ? section.title : '').padEnd(titleWidth)}${line}`);
  });
}

/** Pairs joined with commas, broken into lines of at most `width` characters. */
function wrap(pairs: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [i, pair] of pairs.entries()) {
    const item = i < pairs.length - 1 ? `${pair},` : pair;
    if (line !== '' && line.length + 1 + item.length > width) {
      lines.push(line);
      line = item;
    } else line = line === '' ? item : `${line} ${item}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
