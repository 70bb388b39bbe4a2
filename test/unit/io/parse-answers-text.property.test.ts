import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';

const VALID = 'version: 1\nengagement:\n  client: Acme\ncluster:\n  nodes: 40\n  clouds: [aws, gcp]\n';

/** Every problem points inside the text, so an editor can jump to it. */
function expectLocatedProblems(text: string): void {
  const result = parseAnswersText(text, 'f.yaml');
  if (result.ok) return;
  const lineCount = text.split(/\r\n|\r|\n/).length;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lineCount);
    expect(p.col).toBeGreaterThanOrEqual(1);
    expect(p.message).not.toContain('\n');
  }
}

describe('parseAnswersText (properties)', () => {
  it('never throws on arbitrary text and locates every problem inside it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => expectLocatedProblems(text)),
      { numRuns: 300 },
    );
  });

  it('never throws when a valid file is mangled by one edit', () => {
    fc.assert(
      fc.property(fc.nat(VALID.length), fc.nat(8), fc.string({ maxLength: 6 }), (at, cut, insert) => {
        expectLocatedProblems(VALID.slice(0, at) + insert + VALID.slice(at + cut));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON-like values written as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => expectLocatedProblems(stringify(value))),
      { numRuns: 200 },
    );
  });
});
