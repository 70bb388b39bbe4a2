import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Parser, parseAllDocuments, stringify } from 'yaml';
import { findDeepNesting } from '../../../src/io/find-deep-nesting.js';
import { findExcessEntries } from '../../../src/io/find-excess-entries.js';
import { scanYamlLimits } from '../../../src/io/scan-yaml-limits.js';

const SEED = 20261207;

/**
 * Whether the reader refuses `text` anyway under the same limits: the syntax tree's checks, or yaml's own
 * errors (in a broken document the scan may count an entry that yaml reports as an error instead).
 */
function refusedAnyway(text: string, maxDepth: number, maxEntries: number): boolean {
  const tokens = [...new Parser().parse(text)];
  return (
    findDeepNesting(tokens, maxDepth) !== undefined ||
    findExcessEntries(tokens, maxEntries) !== undefined ||
    parseAllDocuments(text).some((doc) => doc.errors.length > 0)
  );
}

/** Pieces of YAML that move the lexer between its states: indicators, quotes, comments, block scalars. */
const piece = fc.constantFrom(
  'a',
  'key',
  ': ',
  ':',
  '- ',
  '-',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ', ',
  ',',
  '\n',
  '\r\n',
  '  ',
  ' ',
  '# a: [b, - c]',
  '"q: [x, - y"',
  "'s: {t}'",
  '"multi\n  line: [z"',
  '|\n  text: [one, - two]\n  ? three\n',
  '>-\n  folded: {x}\n',
  '&a ',
  '*a',
  '!!str ',
  '---\n',
  '...\n',
  'http://x:8080/[y]',
);

describe('scanYamlLimits', () => {
  it('refuses only what the reader refuses anyway under the same limits (any text of YAML pieces)', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 12 }),
        (text, maxDepth, maxEntries) => {
          if (scanYamlLimits(text, maxDepth, maxEntries) !== undefined) {
            expect(refusedAnyway(text, maxDepth, maxEntries)).toBe(true);
          }
        },
      ),
      { numRuns: 3000, seed: SEED },
    );
  });

  it('refuses only what the reader refuses anyway (values written as YAML, block and flow)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 5 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 30 }),
        (value, flow, maxDepth, maxEntries) => {
          const text = stringify({ top: value }, { collectionStyle: flow ? 'flow' : 'block' });
          if (scanYamlLimits(text, maxDepth, maxEntries) !== undefined) {
            expect(refusedAnyway(text, maxDepth, maxEntries)).toBe(true);
          }
        },
      ),
      { numRuns: 1000, seed: SEED },
    );
  });

  it('counts every entry of the examples and templates, so a limit one below their count is passed', () => {
    const folder = join(import.meta.dirname, '..', '..', '..', 'examples');
    const files = readdirSync(folder).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(join(folder, file), 'utf8');
      expect(scanYamlLimits(text, 64, 1000), file).toBeUndefined();
      const tokens = [...new Parser().parse(text)];
      // the largest limit the tree refuses the example under is the scan's too
      let most = 0;
      while (findExcessEntries(tokens, most) !== undefined) most++;
      expect(scanYamlLimits(text, 64, most - 1)?.limit, file).toBe('entries');
    }
  });

  it('stops at the first limit passed, located at its collection', () => {
    const head = 'version: 1\nengagement:\n  client: Acme\n';
    const repeat = (line: string, n: number) => head + line.repeat(n);
    const lineCol = (text: string, offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
    };
    const where = (text: string) => {
      const found = scanYamlLimits(text, 64, 1000);
      return found && `${found.limit} ${lineCol(text, found.offset)}`;
    };
    expect(where(repeat('a: 1\n', 200_000))).toBe('entries 1:1');
    expect(where(`${head}l:\n${'  - 1\n'.repeat(200_000)}`)).toBe('entries 5:3');
    expect(where(`${head}m: {${'k: 1, '.repeat(2000)}}\n`)).toBe('entries 4:4');
    // 60 entries a line after the head's 3: the 1,001st is line 20's 38th bracket, inside its 37th (column 40)
    expect(where(repeat(`n: ${'['.repeat(60)}${']'.repeat(60)}\n`, 8000))).toBe('entries 20:40');
    expect(where(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toBe('nesting 1:65');
    expect(where(`${'- '.repeat(5000)}x\n`)).toBe('nesting 1:129');
    // an explicit key and its value are one entry: 600 of them are under the limit
    expect(where(`${head}${'? k\n: v\n'.repeat(600)}`)).toBe(undefined);
    // what looks like entries inside comments, quotes and block scalars is text
    expect(where(`${head}notes: |\n${'  - a: [b]\n'.repeat(5000)}# ${'- [x], '.repeat(5000)}\n`)).toBe(
      undefined,
    );
  });
});
