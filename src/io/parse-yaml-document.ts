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
import { formatGot } from '../shared/format-got.js';
import { eachPair } from './each-pair.js';
import { findDeepNesting } from './find-deep-nesting.js';
import { findExcessEntries } from './find-excess-entries.js';
import { compareProblems, formatPath, type Problem } from './problem.js';
import { scanYamlLimits } from './scan-yaml-limits.js';
import { yamlErrorMessage } from './yaml-error-message.js';

/** A problem at an offset of the text, located by line and column. */
export type At = (offset: number, path: string, message: string) => Problem;

/** The limits and wording of one kind of input file (answers, brand). */
export interface YamlFileRules {
  /** What the file is, as messages name it: `answers`, `brand`. */
  kind: string;
  /** Refused before yaml's composer and toJS, which recurse once per level. */
  maxDepth: number;
  /** Refused before yaml's duplicate-key check, which grows with the square of the entries. */
  maxEntries: number;
  /** Alias expansions allowed; 0 refuses every alias. */
  maxAliasCount: number;
  /** Each a complete message, with what was expected. */
  messages: {
    nesting: string;
    entries: string;
    empty: string;
    /** `got` is what the document is instead: `a list`, a quoted scalar, `an alias`. */
    notMapping: (got: string) => string;
  };
}

export type ParseYamlResult =
  | {
      ok: true;
      /** The mapping as plain data, aliases expanded. */
      data: unknown;
      doc: Document;
      at: At;
      lineCounter: LineCounter;
    }
  | { ok: false; problems: Problem[] };

/**
 * Parses the text of an input file (YAML, or JSON, which YAML 1.2 reads too) into one mapping of plain keys,
 * refusing, each with its line and column: deep nesting and too many entries before yaml's recursive or
 * quadratic passes run, an empty file, several documents, syntax errors and duplicate keys, a document that
 * is not a mapping, keys that are not plain, and aliases beyond the limit. Pure: nothing is thrown.
 */
export function parseYamlDocument(text: string, file: string, rules: YamlFileRules): ParseYamlResult {
  const unmarked = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // YAML 1.2 reads a lone CR (classic Mac line ends) as a line break; yaml does not, and would see the whole
  // file as one line. One character for one keeps every offset, so lines and columns stay right.
  const source = unmarked.replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  const at: At = (offset, path, message) => ({ file, ...lineCounter.linePos(offset), path, message });
  const fail = (problems: Problem[]): ParseYamlResult => ({
    ok: false,
    problems: problems.sort(compareProblems),
  });

  const early = scanYamlLimits(source, rules.maxDepth, rules.maxEntries);
  if (early !== undefined) {
    // Refused before the parser, which counts the lines: count them here.
    lineCounter.addNewLine(0);
    for (let nl = source.indexOf('\n'); nl !== -1; nl = source.indexOf('\n', nl + 1))
      lineCounter.addNewLine(nl + 1);
    return fail([at(early.offset, '', rules.messages[early.limit])]);
  }
  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const deep = findDeepNesting(tokens, rules.maxDepth);
  if (deep !== undefined) return fail([at(deep, '', rules.messages.nesting)]);
  const crowded = findExcessEntries(tokens, rules.maxEntries);
  if (crowded !== undefined) return fail([at(crowded, '', rules.messages.entries)]);

  const docs = [...new Composer({ uniqueKeys: true, logLevel: 'error' }).compose(tokens)];
  const doc = docs[0];
  if (doc === undefined || doc.contents === null) return fail([at(0, '', rules.messages.empty)]);
  const second = docs[1];
  if (second !== undefined) {
    return fail([
      at(second.range[0], '', `more than one YAML document (expected one ${rules.kind} document per file)`),
    ]);
  }

  const syntax = new Map<string, Problem>();
  for (const error of [...doc.errors, ...doc.warnings]) {
    const problem =
      error.code === 'DUPLICATE_KEY'
        ? duplicateKeyProblem(doc, error.pos[0], at, lineCounter)
        : at(syntaxErrorOffset(doc, error), '', yamlErrorMessage(error, rules.kind));
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
    return fail([at(doc.contents.range?.[0] ?? 0, '', rules.messages.notMapping(got))]);
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

  try {
    const data: unknown = doc.toJS({ maxAliasCount: rules.maxAliasCount });
    return { ok: true, data, doc, at, lineCounter };
  } catch (error) {
    // yaml throws (rather than reports) for aliases it cannot or will not expand.
    const message = error instanceof Error ? error.message : String(error);
    return fail([aliasProblem(doc, message, at, rules)]);
  }
}

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

function aliasProblem(doc: Document, message: string, at: At, rules: YamlFileRules): Problem {
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
  if (rules.maxAliasCount === 0) {
    // yaml refuses the first alias ("Alias resolution is disabled"), whether or not its anchor exists.
    return at(
      first ?? 0,
      '',
      `invalid YAML: aliases are not allowed in a ${rules.kind} file (expected plain values)`,
    );
  }
  if (message.includes('Excessive alias count')) {
    return at(
      offset,
      '',
      `invalid YAML: too many alias expansions (expected at most ${rules.maxAliasCount})`,
    );
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
