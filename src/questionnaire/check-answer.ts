import type { z } from 'zod';
import { AnswersSchema } from '../schema/answers.js';
import { NO_CUSTOM_MESSAGE, zodIssueMessages } from '../schema/zod-issue-messages.js';
import { type AnswerKey, answersSchemaNode, keySchema } from './answer-keys.js';
import type { AnswersDraft } from './answers-draft.js';
import { setDraftValue } from './draft-value.js';

const PARSE = { reportInput: true, error: () => NO_CUSTOM_MESSAGE } as const;

/**
 * Why an answer cannot stand, in the words `cnireport validate` would use, or undefined when it can. The
 * key's own schema first; then the whole schema over the answers settled so far, for the rules that
 * relate keys (no more sidecars than pods, at least one priority above 0), unless `acrossKeys` is false: an
 * answer before this one is wrong, and the rule would hold this one against that answer's default.
 */
export function checkAnswer(
  at: AnswerKey,
  value: unknown,
  settled: AnswersDraft,
  { acrossKeys = true }: { readonly acrossKeys?: boolean } = {},
): string | undefined {
  const path = [at.section, at.key];
  const own = keySchema(at).safeParse(value, PARSE);
  if (!own.success) return firstMessage(own.error.issues.map((i) => ({ ...i, path: [...path, ...i.path] })));
  // Behind a wrong earlier answer, a rule across keys would judge this one against a default.
  if (!acrossKeys) return undefined;

  const answers = structuredClone(settled);
  setDraftValue(answers, at, value);
  // The client's name is asked first; until it is given, a stand-in keeps the rest checkable.
  answers.engagement = { client: 'client', ...answers.engagement };
  const whole = AnswersSchema.safeParse({ ...answers, version: 1 }, PARSE);
  if (whole.success) return undefined;
  const mine = whole.error.issues.filter(
    (issue) =>
      (issue.path.length === 1 && issue.path[0] === at.section) ||
      (issue.path[0] === at.section && issue.path[1] === at.key),
  );
  return mine.length === 0 ? undefined : firstMessage(mine);
}

function firstMessage(issues: readonly z.core.$ZodIssue[]): string | undefined {
  const [issue] = issues;
  if (issue === undefined) return undefined;
  return zodIssueMessages(issue, answersSchemaNode())[0]?.message;
}
