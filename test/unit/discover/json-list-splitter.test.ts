import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonListSplitter, JsonSyntaxError } from '../../../src/discover/json-list-splitter.js';
import type { JsonView } from '../../../src/discover/json-view.js';
import {
  ITEM_SEPARATOR,
  KubectlListSplitter,
  NotKubectlLayout,
} from '../../../src/discover/kubectl-list-splitter.js';

function split(text: string, cuts: number[]): { items: unknown[]; top: Record<string, string> } {
  const items: unknown[] = [];
  const splitter = new JsonListSplitter((json) => items.push(JSON.parse(json)));
  const bytes = Buffer.from(text);
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    splitter.push(bytes.subarray(from, cut));
    from = cut;
  }
  splitter.push(bytes.subarray(from));
  splitter.end();
  return { items, top: splitter.topLevel };
}

describe('JsonListSplitter', () => {
  it('hands over every item of the List whole, wherever the chunks are cut (fast-check)', () => {
    // Strings full of what a scanner trips on: quotes, backslashes, braces, brackets, non-ASCII.
    const tricky = fc.string({
      unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ':', ',', 'a', 'é', '😀', ' '),
    });
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        tricky,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        tie('object'),
        fc.array(tie('any'), { maxLength: 3 }),
      ),
      object: fc.dictionary(tricky, tie('any'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(
        fc.array(value.object, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.constantFrom(0, 2, 4),
        (items, cuts, indent) => {
          const text = JSON.stringify(
            { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items },
            null,
            indent,
          );
          const got = split(text, cuts);
          expect(got.items).toEqual(items);
          expect(got.top).toMatchObject({ apiVersion: 'v1', kind: 'List' });
        },
      ),
    );
  });

  it.each([
    ['{"kind":"List","items":[{"a":1}]', 'it stops before its end (a truncated file?)'],
    ['{"kind":"List"}', 'no "items" list at the top level'],
    ['{"kind":"List","items":[1]}', 'an item that is not an object'],
    ['{"kind":"List","items":[]}{}', 'more after the end of the JSON'],
  ])('%s: %s', (text, message) => {
    expect(() => split(text, [])).toThrow(JsonSyntaxError);
    expect(() => split(text, [])).toThrow(message);
  });
});

/** Reads every field of `value` through `view` and checks it reads the same; a key not there reads as absent. */
function expectReadsAs(view: JsonView | undefined, value: unknown): void {
  expect(view).toBeDefined();
  if (view === undefined) return;
  if (Array.isArray(value)) {
    const elements = view.elements();
    expect(elements).toHaveLength(value.length);
    for (const [i, v] of value.entries()) expectReadsAs(elements[i], v);
    expect(view.scalar()).toBeUndefined();
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) expectReadsAs(view.get(key), v);
    const absent = `${Object.keys(value).join('')}-absent`;
    expect(view.get(absent)).toBeUndefined();
    expect(view.elements()).toEqual([]);
  } else expect(view.scalar()).toEqual(value);
}

describe('KubectlListSplitter', () => {
  const chunked = (text: string, cuts: number[], read: (item: JsonView) => void = () => {}) => {
    let items = 0;
    const splitter = new KubectlListSplitter((item) => {
      items += 1;
      read(item);
    });
    const bytes = Buffer.from(text);
    let from = 0;
    for (const cut of cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b)) {
      splitter.push(bytes.subarray(from, cut));
      from = cut;
    }
    splitter.push(bytes.subarray(from));
    return { items, list: splitter.end() };
  };
  const tricky = fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '\n', ' ', ',', ':', 'a', 'é') });
  const key = fc.oneof(tricky, fc.constantFrom('name', 'spec', 'containers', 'image', 'a/b.c-d'));
  // Long strings push blocks past the size below which they are parsed whole, so both ways are read.
  const leaf = fc.oneof(
    tricky,
    fc.constantFrom('x'.repeat(1100), '}\n        },\n'),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array')),
    object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    array: fc.array(tie('value'), { maxLength: 3 }),
  }));

  it("reads every field of kubectl's layout as JSON.parse does, wherever the chunks are cut (fast-check)", () => {
    fc.assert(
      fc.property(
        // Objects with keys, as every Kubernetes object has (an empty one prints as {} on one line).
        fc.array(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (items, cuts) => {
          const text = `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;
          let index = 0;
          const read = chunked(text, cuts, (item) => {
            expectReadsAs(item, items[index]);
            index += 1;
          });
          expect(read).toEqual({ items: items.length, list: { kind: 'List', apiVersion: 'v1' } });
        },
      ),
    );
  });

  it('reads the same items when the List is cut into ranges at item ends and each range is read apart (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (items, picks, cuts) => {
          const bytes = Buffer.from(
            `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`,
          );
          const separators: number[] = [];
          for (let at = bytes.indexOf(ITEM_SEPARATOR); at >= 0; at = bytes.indexOf(ITEM_SEPARATOR, at + 1))
            separators.push(at + ITEM_SEPARATOR.length - 1);
          expect(separators).toHaveLength(items.length - 1);
          const chosen = [...new Set(picks.map((p) => separators[p % Math.max(1, separators.length)]))]
            .filter((cut): cut is number => cut !== undefined)
            .sort((a, b) => a - b);
          const starts = [0, ...chosen];
          const read: unknown[] = [];
          let list: unknown;
          starts.forEach((start, i) => {
            const next = chosen[i];
            const range = { first: i === 0, last: next === undefined };
            const splitter = new KubectlListSplitter((item) => {
              const index = read.length;
              expectReadsAs(item, items[index]);
              read.push(index);
            }, range);
            const part = bytes.subarray(start, next === undefined ? bytes.length : next + 1);
            let from = 0;
            for (const cut of cuts.map((c) => c % (part.length + 1)).sort((a, b) => a - b)) {
              splitter.push(part.subarray(from, cut));
              from = cut;
            }
            splitter.push(part.subarray(from));
            const end = splitter.end();
            if (range.last) list = end;
            else expect(end).toBeUndefined();
          });
          expect(read).toHaveLength(items.length);
          expect(list).toEqual({ kind: 'List', apiVersion: 'v1' });
        },
      ),
    );
  });

  it.each([
    ['compact JSON', JSON.stringify({ apiVersion: 'v1', items: [{ a: 1 }], kind: 'List' })],
    ['two-space indentation', JSON.stringify({ apiVersion: 'v1', items: [{ a: 1 }], kind: 'List' }, null, 2)],
    [
      'a truncated file',
      JSON.stringify({ apiVersion: 'v1', items: [{ a: 1 }, { b: 2 }], kind: 'List' }, null, 4).slice(0, 80),
    ],
    [
      'a file cut inside its last item',
      JSON.stringify(
        { apiVersion: 'v1', items: [{ a: 1 }, { b: 'x'.repeat(2000) }], kind: 'List' },
        null,
        4,
      ).slice(0, 1200),
    ],
  ])('%s is not its layout: the caller reads it the exact way', (_, text) => {
    expect(() => chunked(text, [])).toThrow(NotKubectlLayout);
  });
});
