import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type Answers, AnswersSchema } from '../../src/schema/answers.js';

/** Validated answers (zod checks the input at run time): the minimal file plus the given sections, merged one level deep. */
export function makeAnswers(input: Readonly<Record<string, unknown>> = {}): Answers {
  const base: Record<string, unknown> = {
    version: 1,
    engagement: { client: 'Test Client', date: '2026-11-24' },
  };
  for (const [k, v] of Object.entries(input)) {
    base[k] = typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...(base[k] as object), ...v } : v;
  }
  return AnswersSchema.parse(base);
}

export function exampleAnswers(name: string): Answers {
  const url = new URL(`../../examples/${name}.yaml`, import.meta.url);
  return AnswersSchema.parse(parse(readFileSync(url, 'utf8')));
}
