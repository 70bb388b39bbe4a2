import fc from 'fast-check';
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
} from 'yaml';
import { EXAMPLE_TEXTS } from './example-texts.js';
import { extremeNumber } from './extreme-number.js';
import { type FuzzCase, fuzzCase } from './fuzz-case.js';
import { hugeText, oddText } from './odd-text.js';
import { applyTextEdit, type TextEdit, textEdit } from './text-edit.js';

/** A change to the document tree; `at` picks the mapping entry (modulo the entries there are). */
export type TreeEdit =
  | { kind: 'delete-key'; at: number }
  | { kind: 'duplicate-key'; at: number }
  | { kind: 'retype'; at: number; value: unknown }
  | { kind: 'extreme-number'; at: number; value: number | bigint }
  | { kind: 'odd-unicode'; at: number; value: string; onKey: boolean }
  | { kind: 'huge-string'; at: number; value: string };

/** Values of every YAML type, for an entry retyped to something it should not be. */
function anyValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    extremeNumber(),
    oddText(),
    fc.constantFrom(null, true, false, [], {}, '', '1', 'yes', '~', '2026-02-30'),
  );
}

export function treeEdit(): fc.Arbitrary<TreeEdit> {
  const at = fc.nat();
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('delete-key' as const), at }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('duplicate-key' as const), at }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('retype' as const), at, value: anyValue() }), weight: 3 },
    {
      arbitrary: fc.record({ kind: fc.constant('extreme-number' as const), at, value: extremeNumber() }),
      weight: 6,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('odd-unicode' as const),
        at,
        value: oddText(),
        onKey: fc.boolean(),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('huge-string' as const), at, value: hugeText() }),
      weight: 1,
    },
  );
}

interface Entry {
  map: YAMLMap<Node, Node | null>;
  pair: Pair<Node, Node | null>;
}

function entries(doc: Document): Entry[] {
  const found: Entry[] = [];
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      const map = node as YAMLMap<Node, Node | null>;
      for (const pair of map.items) {
        found.push({ map, pair });
        walk(pair.value);
      }
    } else if (isSeq(node)) node.items.forEach(walk);
  };
  walk(doc.contents);
  return found;
}

/** Entries whose value passes `test`, or every entry when none does: an edit always has somewhere to land. */
function pick(doc: Document, at: number, test: (e: Entry) => boolean): Entry | undefined {
  const all = entries(doc);
  const preferred = all.filter(test);
  const pool = preferred.length > 0 ? preferred : all;
  return pool[at % Math.max(1, pool.length)];
}

const scalarOf = (e: Entry, type: string) => isScalar(e.pair.value) && typeof e.pair.value.value === type;

function applyTreeEdit(doc: Document, edit: TreeEdit): void {
  switch (edit.kind) {
    case 'delete-key': {
      const e = pick(doc, edit.at, () => true);
      if (e) e.map.items.splice(e.map.items.indexOf(e.pair), 1);
      return;
    }
    case 'duplicate-key': {
      const e = pick(doc, edit.at, () => true);
      if (e)
        e.map.items.splice(e.map.items.indexOf(e.pair) + 1, 0, e.pair.clone() as Pair<Node, Node | null>);
      return;
    }
    case 'retype': {
      const e = pick(doc, edit.at, () => true);
      if (e) e.pair.value = doc.createNode(edit.value);
      return;
    }
    case 'extreme-number': {
      const e = pick(doc, edit.at, (x) => scalarOf(x, 'number'));
      if (e) e.pair.value = doc.createNode(edit.value);
      return;
    }
    case 'odd-unicode': {
      const e = pick(doc, edit.at, (x) => scalarOf(x, 'string'));
      if (e === undefined) return;
      if (edit.onKey) e.pair.key = doc.createNode(edit.value);
      else e.pair.value = doc.createNode(edit.value);
      return;
    }
    case 'huge-string': {
      const e = pick(doc, edit.at, (x) => scalarOf(x, 'string'));
      if (e) e.pair.value = doc.createNode(edit.value);
      return;
    }
  }
}

/** The text of `base` after the tree edits (through yaml's document model) and then the text edits. */
export function mutateAnswersText(
  base: string,
  tree: readonly TreeEdit[],
  text: readonly TextEdit[],
): string {
  const doc = parseDocument(base);
  for (const edit of tree) applyTreeEdit(doc, edit);
  // lineWidth 0: folding a huge string over many lines would test yaml's folding, not our limits.
  const written = tree.length === 0 ? base : doc.toString({ lineWidth: 0 });
  return text.reduce(applyTextEdit, written);
}

/**
 * Mutations of the bundled examples (or of `bases`): deleted, duplicated and retyped keys, extreme numbers,
 * odd Unicode in values and keys, huge strings, then BOM, CRLF, tabs, splices and truncation. Feeds any
 * `(content) => outcome` target; the kinds name what was done, for the tally.
 */
export function answersMutation(
  bases: readonly string[] = [...EXAMPLE_TEXTS.values()],
): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      base: fc.constantFrom(...bases),
      tree: fc.array(treeEdit(), { maxLength: 4 }),
      text: fc.array(textEdit(), { maxLength: 2 }),
    })
    .map(({ base, tree, text }) => {
      const kinds = [...new Set([...tree, ...text].map((e) => e.kind))];
      return fuzzCase(mutateAnswersText(base, tree, text), kinds.length > 0 ? kinds : ['unchanged']);
    });
}
