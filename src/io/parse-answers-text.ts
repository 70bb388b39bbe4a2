import { type Answers, AnswersSchema } from '../schema/answers.js';
import { answersJsonSchema } from '../schema/answers-json-schema.js';
import { NO_CUSTOM_MESSAGE, zodIssueMessages } from '../schema/zod-issue-messages.js';
import { answersWarnings } from './answers-warnings.js';
import { estateTotalConflicts } from './estate-total-conflicts.js';
import { locateInDocument } from './locate-in-document.js';
import { meaningfulIssues } from './meaningful-issues.js';
import { parseYamlDocument, type YamlFileRules } from './parse-yaml-document.js';
import { compareProblems, formatPath, type Problem } from './problem.js';

export type ParseAnswersResult =
  | { ok: true; answers: Answers; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/** An answers file nests three levels; anything near this is hostile or a mistake. */
export const MAX_NESTING_DEPTH = 64;
/** Aliases have no honest use in an answers file; a low cap refuses "billion laughs" documents quickly. */
export const MAX_ALIAS_COUNT = 50;
/** An answers file has about a hundred keys and list entries; ten times that is not an answers file. */
export const MAX_ENTRIES = 1_000;

const ANSWERS_RULES: YamlFileRules = {
  kind: 'answers',
  maxDepth: MAX_NESTING_DEPTH,
  maxEntries: MAX_ENTRIES,
  maxAliasCount: MAX_ALIAS_COUNT,
  messages: {
    nesting: `nested more than ${MAX_NESTING_DEPTH} levels deep (expected sections of plain keys and values)`,
    entries: `more than ${MAX_ENTRIES} keys and list entries (expected an answers file of about a hundred)`,
    empty: 'empty answers file (expected a mapping with at least version: 1 and engagement.client)',
    notMapping: (got) =>
      `the answers file must be a mapping (got ${got}; expected keys such as version and engagement)`,
  },
};

/**
 * Parses and validates the text of an answers file (YAML, or JSON, which YAML 1.2 reads too). Pure: every
 * problem comes back with its line and column, none is thrown; so do the warnings about valid answers that
 * look implausible together (`answersWarnings`).
 */
export function parseAnswersText(text: string, file: string): ParseAnswersResult {
  const yaml = parseYamlDocument(text, file, ANSWERS_RULES);
  if (!yaml.ok) return yaml;
  const { data, doc, at } = yaml;

  const parsed = AnswersSchema.safeParse(data, { reportInput: true, error: () => NO_CUSTOM_MESSAGE });
  const conflicts = parsed.success ? estateTotalConflicts(data, parsed.data) : [];
  if (conflicts.length > 0) {
    const problems = conflicts.map((c) =>
      at(locateInDocument(doc, c.path, 'value'), formatPath(c.path), c.message),
    );
    return { ok: false, problems: problems.sort(compareProblems) };
  }
  if (parsed.success) {
    const warnings = answersWarnings(parsed.data).map((w) =>
      at(locateInDocument(doc, w.path, 'value'), formatPath(w.path), w.message),
    );
    return { ok: true, answers: parsed.data, warnings: warnings.sort(compareProblems) };
  }

  const schema = answersJsonSchema();
  const problems: Problem[] = [];
  for (const issue of meaningfulIssues(parsed.error.issues)) {
    for (const m of zodIssueMessages(issue, schema)) {
      problems.push(at(locateInDocument(doc, m.path, m.anchor), formatPath(m.path), m.message));
    }
  }
  return { ok: false, problems: problems.sort(compareProblems) };
}
