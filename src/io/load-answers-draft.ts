import { isMap, Parser, parseDocument } from 'yaml';
import type { AnswersDraft } from '../questionnaire/answers-draft.js';
import { salvageDraft } from '../questionnaire/salvage-draft.js';
import { fileProblems } from '../shared/error-catalogue.js';
import { findDeepNesting } from './find-deep-nesting.js';
import { readAnswersText } from './load-answers.js';
import { MAX_ALIAS_COUNT, MAX_NESTING_DEPTH, parseAnswersText } from './parse-answers-text.js';
import { formatProblem } from './problem.js';

/**
 * Reads an answers file to resume an interview from: a draft may be incomplete or hold a wrong value, so
 * every valid answer is kept and `problems` says what will be asked again. Only a file that is not a YAML
 * mapping at all (or cannot be read) is refused, as `validate` would refuse it.
 */
export async function loadAnswersDraft(file: string): Promise<{ draft: AnswersDraft; problems: string[] }> {
  return answersDraftOfText(await readAnswersText(file), file);
}

/** `loadAnswersDraft` of a file's text already read. */
export function answersDraftOfText(text: string, file: string): { draft: AnswersDraft; problems: string[] } {
  const result = parseAnswersText(text, file);
  const problems = result.ok ? [] : result.problems;
  const data = mappingData(text);
  if (data === undefined) {
    throw fileProblems(file, problems.map(formatProblem));
  }
  return { draft: salvageDraft(data), problems: problems.map(formatProblem) };
}

/** The file's data when it is one YAML mapping, with the same limits `validate` applies; else undefined. */
function mappingData(text: string): unknown {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (findDeepNesting([...new Parser().parse(source)], MAX_NESTING_DEPTH) !== undefined) return undefined;
  const doc = parseDocument(source, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}
