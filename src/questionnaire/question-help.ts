import type { Importance } from '../schema/answers.js';
import type { JsonSchemaNode } from '../schema/json-schema-node.js';
import { answersSchemaNode, keyNode } from './answer-keys.js';
import type { AskContext, Question } from './questionnaire.js';

/** A question's text, unit or help: fixed, or worked out from the answers before it. */
export const resolveText = <T>(value: T | ((ctx: AskContext) => T), ctx: AskContext): T =>
  typeof value === 'function' ? (value as (ctx: AskContext) => T)(ctx) : value;

/**
 * What is shown with a question beyond its wording: the question's own help, or else the schema's description
 * of the key where it says more than the question; then the note on what the earlier answers imply.
 */
export function questionHelp(question: Question, ctx: AskContext): string {
  const message = resolveText(question.message, ctx);
  const description = keyNode(question).description;
  const own =
    question.help !== undefined
      ? resolveText(question.help, ctx)
      : saysMore(description, message)
        ? description
        : undefined;
  return [own, question.note?.(ctx)].filter(Boolean).join(' ');
}

/** Whether the schema's description adds to the question, or only repeats it with a full stop. */
function saysMore(description: string | undefined, message: string): description is string {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return description !== undefined && plain(description) !== plain(message);
}

/** Whether the answers file must have this key (the client's name). */
export function isRequired({ section, key }: Question): boolean {
  return answersSchemaNode().properties?.[section]?.required?.includes(key) ?? false;
}

/** `1 to 1,000,000 nodes`; an open-ended range says `0 or more`. */
export function rangeText(node: JsonSchemaNode, unit: string | undefined): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const { minimum: min, maximum: max } = node;
  const range =
    min !== undefined && max !== undefined && max < 1e12
      ? `${n(min)} to ${n(max)}`
      : min !== undefined
        ? `${n(min)} or more`
        : max !== undefined
          ? `at most ${n(max)}`
          : 'a number';
  return unit === undefined || unit === '' ? range : `${range} ${unit}`;
}

/** Whether the key holds a number, so typed text is read as one. */
export function isNumeric(node: JsonSchemaNode): boolean {
  return node.type === 'number' || node.type === 'integer';
}

/** What each level of a need does to the decision, shown with the choice. */
export const IMPORTANCE_MEANING: Record<Importance, string> = {
  must: 'an option that cannot provide it is ruled out',
  should: 'each option adds what it takes to provide it',
  nice: 'counts a little; nothing is added for it',
  no: 'does not count',
};
