import { describe, expect, it } from 'vitest';
import { score } from '../../src/index.js';
import { MAX_ENTRIES, parseAnswersText } from '../../src/io/parse-answers-text.js';
import { formatProblem } from '../../src/io/problem.js';
import { makeAnswers } from '../helpers/make-answers.js';

const HEAD = 'version: 1\nengagement:\n  client: Acme\n';

function lines(text: string): string[] {
  const result = parseAnswersText(text, 'a.yaml');
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** Regressions for the bugs the fuzzing found, one test each, in the order they were found. */
describe('bugs found by fuzzing', () => {
  it('a key or tag holding a newline, a terminal escape or a direction override stays on one escaped line', () => {
    expect(lines(`${HEAD}"a\\nb": 1\n"\\e[2J": 2\n"\\u202Ex": 3\n`)).toEqual([
      expect.stringMatching(/^a\.yaml:4:1 {2}\["a\\nb"\]: unknown key \(/),
      expect.stringMatching(/^a\.yaml:5:1 {2}\["\\u001b\[2J"\]: unknown key \(/),
      expect.stringMatching(/^a\.yaml:6:1 {2}\["\\u202ex"\]: unknown key \(/),
    ]);
    const [tag] = lines(`${HEAD}cluster:\n  nodes: !!foo%1Bq 3\n`);
    expect(tag).toContain('unsupported tag tag:yaml.org,2002:foo\\u001bq');
  });

  it('a blank or empty key is shown quoted, not as nothing', () => {
    expect(lines(`${HEAD}" ": 1\n"": 2\n`)).toEqual([
      expect.stringMatching(/^a\.yaml:4:1 {2}\[" "\]: unknown key/),
      expect.stringMatching(/^a\.yaml:5:1 {2}\[""\]: unknown key/),
    ]);
  });

  it('an engineer-year of 0 hours is refused: it made every cost infinite and the result full of NaN', () => {
    expect(lines(`${HEAD}assumptions:\n  engineerHoursPerYear: 0\n`)).toEqual([
      'a.yaml:5:25  assumptions.engineerHoursPerYear: out of range (got 0; expected 1 to 8760)',
    ]);
  });

  it('a vanishing networking time share gives a null team utilisation, not Infinity', () => {
    const result = score(makeAnswers({ assumptions: { networkingTimeShare: 1e-310 } }), undefined, {
      draws: 50,
    });
    for (const o of result.options) expect(o.operations.teamUtilisation).toBeNull();
  });

  it.each([
    ['a terminal escape', '\u001b[31mAcme'],
    ['a newline', 'Acme\nEvil'],
    ['a direction override', '\u202Eemca'],
    ['only zero-width characters', '\u200B\u200D'],
    ['a lone surrogate', 'Acme\uD800'],
  ])('a client or preparer name with %s is refused', (_, name) => {
    const text = `version: 1\nengagement:\n  client: ${JSON.stringify(name)}\n  preparedBy: ${JSON.stringify(name)}\n`;
    expect(lines(text)).toEqual([
      expect.stringMatching(
        /^a\.yaml:3:11 {2}engagement\.client: invalid value \(got ".+"; expected one line of visible text/,
      ),
      expect.stringMatching(/^a\.yaml:4:15 {2}engagement\.preparedBy: invalid value/),
    ]);
  });

  it('names in right-to-left scripts, with emoji or combining marks are still accepted', () => {
    for (const name of ['שלום', 'مرحبا', 'Zoë 👩‍👩‍👧', 'e\u0301cole', '<script>alert(1)</script>']) {
      expect(
        parseAnswersText(`version: 1\nengagement:\n  client: ${JSON.stringify(name)}\n`, 'a.yaml').ok,
      ).toBe(true);
    }
  });

  it('classic Mac line ends (a lone CR) are line breaks, as YAML 1.2 says, with problems on the right line', () => {
    expect(lines('version: 1\rengagement:\r  client: Acme\rcluster:\r  nodes: x\r')).toEqual([
      'a.yaml:5:10  cluster.nodes: must be a number (got "x"; expected an integer from 1 to 1000000)',
    ]);
  });

  it('a file with thousands of keys is refused before yaml compares every key with every other', () => {
    const text = HEAD + Array.from({ length: 50_000 }, () => 'a: 1\n').join('');
    // Before the limit: 16,000 duplicate keys took 7 s and 50,000 about a minute (now a bench figure).
    expect(lines(text)).toEqual([
      `a.yaml:1:1  more than ${MAX_ENTRIES} keys and list entries (expected an answers file of about a hundred)`,
    ]);
  });

  it('a file just under the entry limit still gets every problem located', () => {
    const text = HEAD + Array.from({ length: 500 }, (_, i) => `k${i}: 1\n`).join('');
    const found = lines(text);
    expect(found).toHaveLength(500);
    expect(found[499]).toMatch(/^a\.yaml:503:1 {2}k499: unknown key/);
  });
});
