import {
  Composer,
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  visit,
  type YAMLError,
} from 'yaml';
import { type Answers, AnswersSchema } from '../schema/answers.js';
import { answersJsonSchema } from '../schema/answers-json-schema.js';
import { eachPair } from './each-pair.js';
import { findDeepNesting } from './find-deep-nesting.js';
import { findExcessEntries } from './find-excess-entries.js';
import { formatGot } from './format-got.js';
import { locateInDocument } from './locate-in-document.js';
import { compareProblems, formatPath, type Problem } from './problem.js';
import { yamlErrorMessage } from './yaml-error-message.js';
import { NO_CUSTOM_MESSAGE, zodIssueMessages } from './zod-issue-messages.js';

export type ParseAnswersResult = { ok: true; answers: Answers } | { ok: false; problems: Problem[] };

/** An answers file nests three levels; anything near this is hostile or a mistake. */
export const MAX_NESTING_DEPTH = 64;
/** Aliases have no honest use in an answers file; a low cap refuses "billion laughs" documents quickly. */
export const MAX_ALIAS_COUNT = 50;
/** An answers file has about a hundred keys and list entries; ten times that is not an answers file. */
export const MAX_ENTRIES = 1_000;

/**
 * Parses and validates the text of an answers file (YAML, or JSON, which YAML 1.2 reads too). Pure: every
 * problem comes back with its line and column, none is thrown.
 */
export function parseAnswersText(text: string, file: string): ParseAnswersResult {
  const unmarked = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // YAML 1.2 reads a lone CR (classic Mac line ends) as a line break; yaml does not, and would see the whole
  // file as one line. One character for one keeps every offset, so lines and columns stay right.
  const source = unmarked.replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  const at = (offset: number, path: string, message: string): Problem => ({
    file,
    ...lineCounter.linePos(offset),
    path,
    message,
  });
  const fail = (problems: Problem[]): ParseAnswersResult => ({
    ok: false,
    problems: problems.sort(compareProblems),
  });

  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const deep = findDeepNesting(tokens, MAX_NESTING_DEPTH);
  if (deep !== undefined) {
    return fail([
      at(
        deep,
        '',
        `nested more than ${MAX_NESTING_DEPTH} levels deep (expected sections of plain keys and values)`,
      ),
    ]);
  }

  const crowded = findExcessEntries(tokens, MAX_ENTRIES);
  if (crowded !== undefined) {
    return fail([
      at(
        crowded,
        '',
        `more than ${MAX_ENTRIES} keys and list entries (expected an answers file of about a hundred)`,
      ),
    ]);
  }

  const docs = [...new Composer({ uniqueKeys: true, logLevel: 'error' }).compose(tokens)];
  const doc = docs[0];
  if (doc === undefined || doc.contents === null) {
    return fail([
      at(0, '', 'empty answers file (expected a mapping with at least version: 1 and engagement.client)'),
    ]);
  }
  const second = docs[1];
  if (second !== undefined) {
    return fail([
      at(second.range[0], '', 'more than one YAML document (expected one answers document per file)'),
    ]);
  }

  const syntax = new Map<string, Problem>();
  for (const error of [...doc.errors, ...doc.warnings]) {
    const problem =
      error.code === 'DUPLICATE_KEY'
        ? duplicateKeyProblem(doc, error.pos[0], at, lineCounter)
        : at(syntaxErrorOffset(doc, error), '', yamlErrorMessage(error));
    // One mistake often trips several yaml checks at the same spot; the first says it best.
    const spot = `${problem.line}:${problem.col}`;
    if (!syntax.has(spot)) syntax.set(spot, problem);
  }
  if (syntax.size > 0) return fail([...syntax.values()]);

  if (!isMap(doc.contents)) {
    const got = isSeq(doc.contents)
      ? 'a list'
      : isScalar(doc.contents)
        ? formatGot(doc.contents.value)
        : 'an alias';
    return fail([
      at(
        doc.contents.range?.[0] ?? 0,
        '',
        `the answers file must be a mapping (got ${got}; expected keys such as version and engagement)`,
      ),
    ]);
  }

  const complexKeys: Problem[] = [];
  eachPair(doc, ({ pair, path }) => {
    if (!isScalar(pair.key)) {
      complexKeys.push(
        at(
          pair.key?.range?.[0] ?? 0,
          formatPath(path.slice(0, -1)),
          'keys must be plain names (got a list or mapping)',
        ),
      );
    }
  });
  if (complexKeys.length > 0) return fail(complexKeys);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws (rather than reports) for aliases it cannot or will not expand.
    const message = error instanceof Error ? error.message : String(error);
    return fail([aliasProblem(doc, message, at)]);
  }

  const parsed = AnswersSchema.safeParse(data, { reportInput: true, error: () => NO_CUSTOM_MESSAGE });
  if (parsed.success) return { ok: true, answers: parsed.data };

  const schema = answersJsonSchema();
  const reported = new Map<string, string>();
  const problems: Problem[] = [];
  for (const issue of parsed.error.issues) {
    const key = formatPath(issue.path);
    // A refinement still runs on a value that already failed a basic check (a date that is not
    // YYYY-MM-DD is also "not a calendar date"); the second message adds nothing.
    if (issue.code === 'custom' && reported.has(key) && reported.get(key) !== 'custom') continue;
    if (!reported.has(key)) reported.set(key, issue.code);
    for (const m of zodIssueMessages(issue, schema)) {
      problems.push(at(locateInDocument(doc, m.path, m.anchor), formatPath(m.path), m.message));
    }
  }
  return fail(problems);
}

type At = (offset: number, path: string, message: string) => Problem;

/** yaml reports an unclosed quote where the file ends; the user needs to see where it opened. */
function syntaxErrorOffset(doc: Document, error: YAMLError): number {
  const offset = error.pos[0];
  if (error.code !== 'MISSING_CHAR') return offset;
  let opened: number | undefined;
  visit(doc, {
    Scalar(_, scalar) {
      const range = scalar.range;
      const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
      if (quoted && range && range[0] <= offset && offset <= range[2]) {
        opened = range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return opened ?? offset;
}

function duplicateKeyProblem(doc: Document, offset: number, at: At, lineCounter: LineCounter): Problem {
  let found: Problem | undefined;
  eachPair(doc, ({ pair, path, map }) => {
    if (found !== undefined || pair.key?.range?.[0] !== offset || !isScalar(pair.key)) return;
    const key = pair.key.value;
    const first = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    const firstLine = lineCounter.linePos(first?.key?.range?.[0] ?? offset).line;
    found = at(
      offset,
      formatPath(path),
      `duplicate key (already set on line ${firstLine}; expected each key once)`,
    );
  });
  return found ?? at(offset, '', 'invalid YAML: duplicate key (expected each key once)');
}

function aliasProblem(doc: Document, message: string, at: At): Problem {
  let first: number | undefined;
  let named: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      const offset = alias.range?.[0] ?? 0;
      first ??= offset;
      if (named === undefined && message.endsWith(`: ${alias.source}`)) named = offset;
    },
  });
  const offset = named ?? first ?? 0;
  if (message.includes('Excessive alias count')) {
    return at(offset, '', `invalid YAML: too many alias expansions (expected at most ${MAX_ALIAS_COUNT})`);
  }
  if (message.startsWith('Unresolved alias')) {
    return at(
      offset,
      '',
      'invalid YAML: alias to an unknown anchor (expected the &anchor before its *alias)',
    );
  }
  return at(offset, '', `invalid YAML: ${message}`);
}
