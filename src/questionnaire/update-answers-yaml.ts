import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, type Node, type Pair, parseDocument, stringify, type YAMLMap } from 'yaml';
import type { Dataset } from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import { type AnswerKey, answerKeys, keyNode } from './answer-keys.js';
import type { AnswersDraft } from './answers-draft.js';
import { draftValue } from './draft-value.js';
import { questionApplies } from './question-applies.js';

/** One answer to write into a file: a section's key, or a top-level key (stakeholders); undefined removes it. */
export interface AnswerEdit {
  readonly path: readonly [string] | readonly [string, string];
  readonly value: unknown;
}

/**
 * What turns the answers a file holds (`before`) into the answers given (`after`): every answer that differs,
 * set or removed. An answer `after` lacks is removed only where its question was asked (the person cleared it)
 * or stopped applying (a mesh answered away takes its sidecar keys with it); a key whose question applies
 * neither before nor after was never on the table, and stays as the file has it. A default accepted for a key
 * the file leaves out is not written: the file means that default already.
 */
export function answerEdits(
  before: AnswersDraft,
  after: AnswersDraft,
  applies: { readonly before: (at: AnswerKey) => boolean; readonly after: (at: AnswerKey) => boolean },
  held: (at: AnswerKey) => boolean = (at) => draftValue(before, at) !== undefined,
): AnswerEdit[] {
  const edits: AnswerEdit[] = [];
  for (const at of answerKeys()) {
    const from = draftValue(before, at);
    const to = draftValue(after, at);
    // A value the file holds that is not valid (so not in `before`) goes, answered or not.
    const invalid = from === undefined && held(at);
    if (invalid) {
      edits.push({ path: [at.section, at.key], value: to });
      continue;
    }
    if (isDeepStrictEqual(from, to)) continue;
    // Enter on a default the file leaves out changes nothing the file says.
    if (from === undefined && isDeepStrictEqual(to, keyNode(at).default)) continue;
    if (to === undefined && !applies.after(at) && !applies.before(at)) continue;
    edits.push({ path: [at.section, at.key], value: to });
  }
  // The estate's groups are written in the file, not asked one by one; the workshop's cards edit them whole.
  if (!isDeepStrictEqual(before.cluster?.groups, after.cluster?.groups)) {
    edits.push({ path: ['cluster', 'groups'], value: after.cluster?.groups });
  }
  if (!isDeepStrictEqual(before.stakeholders, after.stakeholders)) {
    edits.push({ path: ['stakeholders'], value: after.stakeholders });
  }
  return edits;
}

/**
 * The answers file `text` with `edits` made and nothing else touched: every other key, comment, blank line
 * and quoting stays byte for byte. The Document API finds each key; the edit is spliced into the text at the
 * range it gives, because printing the whole document again (Document#toString) re-indents comments that
 * follow a section and re-pads flow collections. A key the file shows commented out (`# nodes:`, as `init`
 * writes it) is filled in where it stands; a removed key is left commented out in the same way.
 */
export function updateAnswersYaml(text: string, edits: readonly AnswerEdit[]): string {
  let current = text;
  for (const edit of edits) current = applyEdit(current, edit);
  return current;
}

function applyEdit(text: string, { path, value }: AnswerEdit): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (!isMap(doc.contents)) throw new InternalError('an answers file to update must be a YAML mapping');
  const root = doc.contents;
  const [top, key] = path;
  const topPair = pairOf(root, top);
  if (key === undefined) return editPair(text, root, topPair, top, value, '', 0);

  if (topPair === undefined || !isMap(topPair.value)) {
    if (value === undefined) return text;
    if (topPair !== undefined) {
      // `needs:` with nothing under it (null): the section's entries start on the next line.
      const at = end(topPair.key);
      return splice(text, at, valueEnd(text, topPair) ?? at, `:\n  ${key}: ${inline(value)}`);
    }
    const placeholder = commentedKey(text, 0, text.length, top, '');
    if (placeholder !== undefined) {
      const opened = splice(text, placeholder.start, placeholder.end, `${top}:`);
      const region = sectionRegion(opened, placeholder.start);
      const child = commentedKey(opened, region.start, region.end, key, '  ');
      if (child !== undefined) return splice(opened, child.start, child.end, `  ${key}: ${inline(value)}`);
      return insertLine(opened, region.start + `${top}:`.length, `  ${key}: ${inline(value)}`);
    }
    return `${withFinalNewline(text)}${top}:\n  ${key}: ${inline(value)}\n`;
  }

  const section = topPair.value;
  if (section.flow === true) {
    // `engagement: {client: Acme, currency: EUR}`: the mapping is written again on its line.
    const data = { ...(section.toJSON() as Record<string, unknown>) };
    if (value === undefined) delete data[key];
    else data[key] = value;
    const [from, to] = section.range ?? [0, 0];
    return splice(text, from, to, inline(data));
  }
  const first = start(section.items[0]?.key as Node | undefined);
  const indent = ' '.repeat(first === undefined ? 2 : column(text, first));
  const header = start(topPair.key as Node) ?? 0;
  const updated = editPair(text, section, pairOf(section, key), key, value, indent, header);
  if (value !== undefined) return updated;
  // A section left with no key would read as null: comment its header out too.
  const again = parseDocument(updated);
  const left = isMap(again.contents) ? pairOf(again.contents, top) : undefined;
  const empty =
    left !== undefined &&
    (isMap(left.value)
      ? left.value.items.length === 0
      : left.value == null || (isScalar(left.value) && left.value.value === null));
  if (left === undefined || !empty) return updated;
  return splice(updated, start(left.key as Node) ?? 0, end(left.key), `# ${top}`);
}

/** Sets, adds or comments out one key of `map` (the document's root or a section). */
function editPair(
  text: string,
  map: YAMLMap,
  pair: Pair | undefined,
  key: string,
  value: unknown,
  indent: string,
  header = 0,
): string {
  if (pair !== undefined) {
    const keyStart = start(pair.key as Node) ?? 0;
    if (value === undefined)
      return splice(text, keyStart, valueEnd(text, pair) ?? end(pair.key), `# ${key}:`);
    if (isScalar(pair.value) && !Array.isArray(value) && typeof value !== 'object') {
      const [from, to] = pair.value.range ?? [0, 0];
      return splice(text, from, to, inline(value));
    }
    return splice(
      text,
      end(pair.key),
      valueEnd(text, pair) ?? end(pair.key),
      `:${yamlValueAfterKey(value, indent)}`,
    );
  }
  if (value === undefined) return text;
  const region = map.range ?? [0, text.length];
  const placeholder = commentedKey(text, header, regionEnd(text, map), key, indent);
  if (placeholder !== undefined) {
    return splice(
      text,
      placeholder.start,
      placeholder.end,
      `${indent}${key}:${yamlValueAfterKey(value, indent)}`,
    );
  }
  const last = map.items.at(-1);
  const after = last === undefined ? region[0] : (valueEnd(text, last) ?? end(last.key));
  return insertLine(text, after, `${indent}${key}:${yamlValueAfterKey(value, indent)}`);
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair | undefined;
}

const start = (node: Node | undefined | null): number | undefined => node?.range?.[0];
const end = (node: unknown): number => (node as Node | null)?.range?.[1] ?? 0;

/** Where a pair's value ends (before any comment after it, and before the line break a block collection takes). */
function valueEnd(text: string, pair: Pair): number | undefined {
  const to = (pair.value as Node | null)?.range?.[1];
  if (to === undefined) return undefined;
  let at = to;
  while (at > 0 && /\s/.test(text.charAt(at - 1))) at--;
  return at;
}

/** The end of a block map's last line of content: a section's keys may be followed by comments of the next. */
function regionEnd(text: string, map: YAMLMap): number {
  const last = map.items.at(-1);
  const at = last === undefined ? (map.range?.[1] ?? text.length) : (valueEnd(text, last) ?? end(last.key));
  // Comments under the last key up to the next top-level line still belong to the section.
  const next = text.slice(at).search(/\n(?=[^\s#])/);
  return next === -1 ? text.length : at + next;
}

/** A top-level section's lines: from its header to the next top-level key. */
function sectionRegion(text: string, headerStart: number): { start: number; end: number } {
  const next = text.slice(headerStart + 1).search(/\n(?=[^\s#])/);
  return { start: headerStart, end: next === -1 ? text.length : headerStart + 1 + next };
}

/** The `# key:` line (with nothing after the colon) between two offsets, at the given indentation. */
function commentedKey(
  text: string,
  from: number,
  to: number,
  key: string,
  indent: string,
): { start: number; end: number } | undefined {
  const pattern = new RegExp(`^${indent}# ${key}:[ \\t]*$`, 'm');
  const found = pattern.exec(text.slice(from, to));
  if (found === null) return undefined;
  return { start: from + found.index, end: from + found.index + found[0].length };
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Inserts a line after the line holding `offset`. */
function insertLine(text: string, offset: number, line: string): string {
  const eol = text.indexOf('\n', offset);
  if (eol === -1) return `${text}\n${line}\n`;
  return `${text.slice(0, eol + 1)}${line}\n${text.slice(eol + 1)}`;
}

function splice(text: string, from: number, to: number, insert: string): string {
  return `${text.slice(0, from)}${insert}${text.slice(to)}`;
}

function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** A scalar or a list of scalars on one line, as `init` writes them: `[aws, gcp]`. */
function inline(value: unknown): string {
  const plain = stringify(value, {
    lineWidth: 0,
    flowCollectionPadding: false,
    collectionStyle: 'flow',
  }).trimEnd();
  // A string the library writes as a block scalar (`|-` then the text on the next line: one that starts
  // `---` or `...`, or holds a line break) does not fit the one-line `key: value` slot; JSON's quoting is
  // valid YAML there (security review L6).
  return plain.includes('\n') ? JSON.stringify(value) : plain;
}

/** What follows `key:`: ` value` on the same line, or a list of mappings as indented block lines. */
export function yamlValueAfterKey(value: unknown, indent: string): string {
  const isListOfMaps = Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null);
  if (!isListOfMaps) return ` ${inline(value)}`;
  const lines = (value as unknown[]).map((item) => {
    const entries = Object.entries(item as Record<string, unknown>).map(([k, v], i) => {
      const lead = i === 0 ? `${indent}  - ` : `${indent}    `;
      return `${lead}${k}: ${inline(v)}`;
    });
    return entries.join('\n');
  });
  return `\n${lines.join('\n')}`;
}

/**
 * An answers file revised to hold `after` instead of the answers it holds (`before`, read from it): the
 * workshop's Save and `interview --from` into an existing file. Only what changed is edited.
 */
export function reviseAnswersYaml(
  text: string,
  before: AnswersDraft,
  after: AnswersDraft,
  dataset: Dataset,
): string {
  const applies = { before: questionApplies(before, dataset), after: questionApplies(after, dataset) };
  const data = parseDocument(text).toJS() as Record<string, unknown> | null;
  const held = ({ section, key }: AnswerKey) => {
    const values = data?.[section];
    return (
      typeof values === 'object' && values !== null && (values as Record<string, unknown>)[key] !== undefined
    );
  };
  return updateAnswersYaml(text, answerEdits(before, after, applies, held));
}
