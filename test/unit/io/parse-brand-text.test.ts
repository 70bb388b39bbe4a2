import { describe, expect, it } from 'vitest';
import {
  MAX_BRAND_ENTRIES,
  MAX_BRAND_NESTING_DEPTH,
  parseBrandText,
} from '../../../src/io/parse-brand-text.js';
import { formatProblem } from '../../../src/io/problem.js';

function lines(text: string): string[] {
  const result = parseBrandText(text, 'b.yaml');
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('parseBrandText', () => {
  it('reads a brand and where its logo is', () => {
    const result = parseBrandText('\uFEFFname: X\r\nlogo: a.png\r\n', 'b.yaml');
    expect(result).toEqual({
      ok: true,
      brand: { name: 'X', logo: 'a.png', primaryColor: '#1f3a5f' },
      logoAt: { line: 2, col: 7 },
    });
  });

  it('reads a lone CR as a line break, with problems on the right line', () => {
    expect(lines('name: X\rfooter: 3\rprimaryColor: navy\r')).toEqual([
      'b.yaml:2:9  footer: must be text (got 3; expected text of 1 to 200 characters)',
      'b.yaml:3:15  primaryColor: invalid format (got "navy"; expected a colour written #rrggbb)',
    ]);
    const result = parseBrandText('name: X\rlogo: a.png\r', 'b.yaml');
    expect(result.ok && result.logoAt).toEqual({ line: 2, col: 7 });
  });

  it(`refuses more than ${MAX_BRAND_ENTRIES} entries in one line, before the duplicate-key check`, () => {
    // 64 KiB of one duplicated key: yaml's check would report (and locate) each of 13,000 duplicates.
    const text = 'name: X\n'.repeat(8 * 1024);
    expect(lines(text)).toEqual([
      `b.yaml:1:1  more than ${MAX_BRAND_ENTRIES} keys and list entries (expected a brand file of at most four keys)`,
    ]);
    expect(lines(`name: X\nfooter: [${'a, '.repeat(MAX_BRAND_ENTRIES)}a]\n`)).toEqual([
      `b.yaml:2:9  more than ${MAX_BRAND_ENTRIES} keys and list entries (expected a brand file of at most four keys)`,
    ]);
  });

  it(`refuses nesting deeper than ${MAX_BRAND_NESTING_DEPTH} levels, at the level that goes too deep`, () => {
    const nested = (depth: number) => `name: X\nfooter: ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}\n`;
    expect(lines(nested(MAX_BRAND_NESTING_DEPTH))[0]).toMatch(/footer: must be text/);
    expect(lines(nested(MAX_BRAND_NESTING_DEPTH + 1))).toEqual([
      `b.yaml:2:${8 + MAX_BRAND_NESTING_DEPTH}  nested more than ${MAX_BRAND_NESTING_DEPTH} levels deep (expected plain keys and values)`,
    ]);
    expect(lines(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toEqual([
      `b.yaml:1:${MAX_BRAND_NESTING_DEPTH + 1}  nested more than ${MAX_BRAND_NESTING_DEPTH} levels deep (expected plain keys and values)`,
    ]);
  });

  it('locates duplicate keys, aliases and unclosed quotes where they are', () => {
    expect(lines('name: X\nfooter: Y\nname: Z\n')).toEqual([
      'b.yaml:3:1  name: duplicate key (already set on line 1; expected each key once)',
    ]);
    expect(lines('name: &n X\nfooter: *n\n')).toEqual([
      'b.yaml:2:9  invalid YAML: aliases are not allowed in a brand file (expected plain values)',
    ]);
    expect(lines('name: X\nfooter: "Confidential\n')).toEqual([
      'b.yaml:2:9  invalid YAML: quoted text never closed (expected a closing ")',
    ]);
    expect(lines(`${'k'.repeat(1100)}: 1\n`)[0]).toContain('(expected a key of the brand file)');
  });

  it('refuses a document that is no mapping, saying what it is, and keys that are not plain names', () => {
    expect(lines('- a\n')).toEqual([
      'b.yaml:1:1  the brand file must be a mapping (got a list; expected keys such as name)',
    ]);
    expect(lines('[a]: 1\n')).toEqual(['b.yaml:1:1  keys must be plain names (got a list or mapping)']);
    expect(lines('name: X\n---\nname: Y\n')).toEqual([
      'b.yaml:2:1  more than one YAML document (expected one brand document per file)',
    ]);
  });

  it('refuses a name or footer that is not one line of visible text, as the client name is', () => {
    for (const text of ['"Acme\\u202Egnitlusnoc"', '"Acme\\nConsulting"', '"\\u200B"']) {
      const problems = lines(`name: ${text}\nfooter: ${text}\n`);
      expect(problems, text).toHaveLength(2);
      for (const problem of problems) expect(problem).toContain('one line of visible text');
    }
    expect(lines('name: Ünïcode Consulting — Zürich\nfooter: Vertraulich · nur für den Kunden\n')).toEqual(
      [],
    );
  });

  it('says a name of the wrong type is the wrong type, not also too short', () => {
    expect(lines('name: []\n')).toEqual([
      'b.yaml:1:1  name: must be text (got []; expected text of 1 to 120 characters)',
    ]);
  });

  it('escapes control and direction characters quoted from the file, keeping one line', () => {
    expect(lines('"\\e[2J": 1\n"a\\nb": 2\nprimaryColor: "\\u202E#000000"\n')).toEqual([
      expect.stringMatching(/^b\.yaml:1:1 {2}\["\\u001b\[2J"\]: unknown key/),
      expect.stringMatching(/^b\.yaml:2:1 {2}\["a\\nb"\]: unknown key/),
      'b.yaml:3:15  primaryColor: invalid format (got "\\u202e#000000"; expected a colour written #rrggbb)',
    ]);
  });
});
