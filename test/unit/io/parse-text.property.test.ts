import fc from 'fast-check';
import { describe, it } from 'vitest';
import { stringify } from 'yaml';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import { parseBrandText } from '../../../src/io/parse-brand-text.js';
import { expectLocatedProblems } from '../../helpers/expect-located-problems.js';

const SEED = 20261127;

describe.each([
  {
    name: 'parseAnswersText',
    parse: parseAnswersText,
    valid: 'version: 1\nengagement:\n  client: Acme\ncluster:\n  nodes: 40\n  clouds: [aws, gcp]\n',
  },
  {
    name: 'parseBrandText',
    parse: parseBrandText,
    valid: 'name: Example Consulting\nlogo: logo.png\nprimaryColor: "#AA3300"\nfooter: Confidential\n',
  },
])('$name (properties)', ({ parse, valid }) => {
  it('never throws on arbitrary text and locates every problem inside it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => expectLocatedProblems(parse, text)),
      { numRuns: 300, seed: SEED },
    );
  });

  it('never throws when a valid file is mangled by one edit, line breaks included', () => {
    const insert = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('\r', '\r\n', '\n', '\u2028'));
    fc.assert(
      fc.property(fc.nat(valid.length), fc.nat(8), insert, (at, cut, text) => {
        expectLocatedProblems(parse, valid.slice(0, at) + text + valid.slice(at + cut));
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('never throws on arbitrary JSON-like values written as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => expectLocatedProblems(parse, stringify(value))),
      { numRuns: 200, seed: SEED },
    );
  });
});
