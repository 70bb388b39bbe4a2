import fc from 'fast-check';
import { stringify } from 'yaml';
import { type FuzzCase, fuzzCase } from './fuzz-case.js';

/** Pieces of YAML syntax, so random text reaches the parser's odd corners rather than one plain scalar. */
const YAML_TOKENS = [
  'version: 1\n',
  'engagement:\n  client: A\n',
  'cluster:\n',
  '  nodes: ',
  'mesh: {current: istio, sidecars: ',
  ': ',
  '\n',
  '  ',
  '- ',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '&a ',
  '*a',
  '<<: *a\n',
  '!!str ',
  '!!int ',
  '!!binary ',
  '!!set ',
  '!!omap ',
  '!custom ',
  '!<tag:x%1B> ',
  '%YAML 1.1\n',
  '%TAG ! tag:x,2000:\n',
  '---\n',
  '...\n',
  '|\n',
  '>-\n',
  '"',
  "'",
  '#',
  '\t',
  '~',
  '.nan',
  '-.inf',
  '0x1F',
  '0o17',
  '1e308',
  '12_000',
  'null',
  'yes',
  '2026-11-24',
  '__proto__',
  'constructor',
  '\uFEFF',
];

/** Random documents: arbitrary JSON values written as YAML, YAML-token soup, and arbitrary Unicode text. */
export function randomDocument(): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => fuzzCase(stringify(v), ['random-json'])),
    fc
      .array(fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 3 })), { maxLength: 60 })
      .map((parts) => fuzzCase(parts.join(''), ['yaml-soup'])),
    fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => fuzzCase(s, ['random-text'])),
  );
}
