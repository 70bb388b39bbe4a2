import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonListSplitter, JsonSyntaxError } from '../../../src/discover/json-list-splitter.js';
import { KubectlListSplitter, NotKubectlLayout } from '../../../src/discover/kubectl-list-splitter.js';

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

describe('KubectlListSplitter', () => {
  const chunked = (text: string, cuts: number[]) => {
    const items: unknown[] = [];
    const splitter = new KubectlListSplitter((item) => items.push(item));
    const bytes = Buffer.from(text);
    let from = 0;
    for (const cut of cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b)) {
      splitter.push(bytes.subarray(from, cut));
      from = cut;
    }
    splitter.push(bytes.subarray(from));
    return { items, list: splitter.end() };
  };
  const tricky = fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '\n', ' ', ',', 'a', 'é') });

  it("reads kubectl's layout wherever the chunks are cut, strings with newlines and braces included (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(
          // Objects with keys, as every Kubernetes object has (an empty one prints as {} on one line: read the exact way).
          fc.dictionary(tricky, fc.oneof(tricky, fc.dictionary(tricky, tricky, { maxKeys: 3 })), {
            minKeys: 1,
            maxKeys: 4,
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.array(fc.nat(), { maxLength: 8 }),
        (items, cuts) => {
          const text = `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;
          expect(chunked(text, cuts)).toEqual({ items, list: { kind: 'List', apiVersion: 'v1' } });
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
  ])('%s is not its layout: the caller reads it the exact way', (_, text) => {
    expect(() => chunked(text, [])).toThrow(NotKubectlLayout);
  });
});
