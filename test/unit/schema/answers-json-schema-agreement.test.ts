import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import { EngagementSchema } from '../../../src/schema/answers.js';
import { answersJsonSchema } from '../../../src/schema/answers-json-schema.js';

/** The shipped schema as an editor or a CI job would run it: every keyword, unknown ones (patternErrorMessage) ignored. */
const schemaAccepts = new Ajv({ allErrors: true, strict: false }).compile(answersJsonSchema());
/** `cnireport validate` on the same document, written as JSON (which YAML reads too). */
const validateAccepts = (doc: unknown) => parseAnswersText(JSON.stringify(doc), 'doc.json').ok;

type Doc = Record<string, unknown>;
const doc = (sections: Doc): Doc => ({ version: 1, engagement: { client: 'Acme' }, ...sections });
const engagement = (fields: Doc): Doc => doc({ engagement: { client: 'Acme', ...fields } });

/** Documents both must judge alike: valid ones near each rule's edge, and the mistakes the schema can express. */
const AGREE: [string, Doc][] = [
  ['a minimal file', doc({})],
  ['each cloud once', doc({ cluster: { clouds: ['aws', 'azure'] } })],
  ['a cloud listed twice', doc({ cluster: { clouds: ['aws', 'azure', 'aws'] } })],
  ['a framework listed twice', doc({ compliance: { frameworks: ['soc2', 'soc2'] } })],
  ['a client of spaces only', engagement({ client: '   ' })],
  ['a client with line breaks around it (trimmed)', engagement({ client: '\nAcme Bank\n' })],
  ['a client with a control character', engagement({ client: 'Acme\u0007Bank' })],
  ['a client with a direction override', engagement({ client: '\u202eknaB emcA' })],
  ['a client with accents and an emoji', engagement({ client: "Zoë's Café 🚀" })],
  ['a client ending in a right-to-left mark', engagement({ client: 'Acme\u200f' })],
  ['a client with an Arabic letter mark', engagement({ client: 'Acme\u061cBank' })],
  ['a client ending in a zero-width space', engagement({ client: 'Acme\u200b' })],
  ['a client of a zero-width space only', engagement({ client: '\u200b' })],
  ['a client with a word joiner', engagement({ client: 'Ac\u2060me' })],
  ['a client with a soft hyphen', engagement({ client: 'Ac\u00adme' })],
  ['a client starting with a byte order mark (trimmed)', engagement({ client: '\ufeffAcme' })],
  ['a Persian client written with a zero-width non-joiner', engagement({ client: 'می\u200cخواهم' })],
  ['a family emoji (zero-width joiners)', engagement({ client: 'Acme 👨\u200d👩\u200d👧' })],
  ['preparedBy with a left-to-right mark', engagement({ preparedBy: 'Jane\u200e' })],
  ['a stakeholder named with a zero-width space', doc({ stakeholders: [{ name: 'CFO\u200b' }] })],
  ['a stakeholder named with a direction override', doc({ stakeholders: [{ name: '\u202eOFC' }] })],
  ['a stakeholder named plainly', doc({ stakeholders: [{ name: 'CFO' }] })],
  ['120 emoji (both count code points, not UTF-16 units)', engagement({ client: '🚀'.repeat(120) })],
  ['121 emoji', engagement({ client: '🚀'.repeat(121) })],
  ['preparedBy of spaces only (shown as nothing)', engagement({ preparedBy: '  ' })],
  ['preparedBy with an escape character', engagement({ preparedBy: 'Jane\u001b[31m' })],
  ['a date that exists', engagement({ date: '2026-12-31' })],
  ['30 February', engagement({ date: '2026-02-30' })],
  ['9999-99-99', engagement({ date: '9999-99-99' })],
  ['31 April', engagement({ date: '2026-04-31' })],
  ['29 February in a leap year', engagement({ date: '2024-02-29' })],
  ['29 February 2000 (divisible by 400)', engagement({ date: '2000-02-29' })],
  ['29 February 2100 (divisible by 100)', engagement({ date: '2100-02-29' })],
  ['29 February 2026', engagement({ date: '2026-02-29' })],
  ['a date written DD/MM/YYYY', engagement({ date: '01/12/2026' })],
  ['sidecars with mesh.current none', doc({ mesh: { current: 'none', sidecars: 5 } })],
  ['sidecars with mesh.current omitted (none)', doc({ mesh: { sidecars: 5 } })],
  ['no sidecars and no mesh', doc({ mesh: { current: 'none', sidecars: 0 } })],
  ['sidecars with a mesh', doc({ mesh: { current: 'istio', sidecars: 5 } })],
  ['all priorities 0', doc({ priorities: { cost: 0, capability: 0, risk: 0, simplicity: 0 } })],
  ['three priorities 0, one omitted (3)', doc({ priorities: { cost: 0, capability: 0, risk: 0 } })],
  ['three priorities 0, one 0.5', doc({ priorities: { cost: 0, capability: 0, risk: 0, simplicity: 0.5 } })],
  ['as many clusters as nodes', doc({ cluster: { clusters: 3, nodes: 3 } })],
  ['an unknown key', doc({ cluster: { nodse: 3 } })],
  ['a string where a list belongs', doc({ cluster: { clouds: 'aws, azure' } })],
];

/**
 * What `validate` refuses and draft-07 cannot say (answers-json-schema.ts explains each): the schema accepts
 * them. When one becomes expressible, this test fails and the case moves to AGREE.
 */
const SCHEMA_CANNOT_SAY: [string, Doc][] = [
  [
    'more sidecars than nodes × podsPerNode (compares values)',
    doc({ cluster: { nodes: 1, podsPerNode: 30 }, mesh: { current: 'istio', sidecars: 31 } }),
  ],
  ['more clusters than nodes (compares values)', doc({ cluster: { clusters: 50, nodes: 3 } })],
  ['a byte order mark inside a client name', engagement({ client: 'Ac\ufeffme' })],
  [
    'a tag character in a client name (U+E0041: beyond the Basic Multilingual Plane)',
    engagement({ client: 'Acme\u{E0041}' }),
  ],
  ['a client of a combining mark only (needs Unicode classes)', engagement({ client: '\u0301' })],
  ['a tab inside a client name', engagement({ client: 'Acme\tBank' })],
  ['an unpaired surrogate in a client name', engagement({ client: 'Acme \ud800' })],
];

/** What the schema refuses and `validate` accepts: lengths count the spaces zod trims first. */
const SCHEMA_STRICTER: [string, Doc][] = [
  ['120 characters inside spaces (zod trims, then counts)', engagement({ client: `  ${'A'.repeat(120)}  ` })],
];

describe('the shipped JSON Schema and `cnireport validate`', () => {
  it.each(AGREE)('agree on %s', (_, d) => {
    expect(schemaAccepts(d), JSON.stringify(schemaAccepts.errors)).toBe(validateAccepts(d));
  });

  it('agree that the mistakes of the new-user findings are mistakes', () => {
    const refused = AGREE.filter(([, d]) => !validateAccepts(d)).map(([name]) => name);
    expect(refused).toEqual([
      'a cloud listed twice',
      'a framework listed twice',
      'a client of spaces only',
      'a client with a control character',
      'a client with a direction override',
      'a client ending in a right-to-left mark',
      'a client with an Arabic letter mark',
      'a client ending in a zero-width space',
      'a client of a zero-width space only',
      'a client with a word joiner',
      'a client with a soft hyphen',
      'preparedBy with a left-to-right mark',
      'a stakeholder named with a zero-width space',
      'a stakeholder named with a direction override',
      '121 emoji',
      'preparedBy with an escape character',
      '30 February',
      '9999-99-99',
      '31 April',
      '29 February 2100 (divisible by 100)',
      '29 February 2026',
      'a date written DD/MM/YYYY',
      'sidecars with mesh.current none',
      'sidecars with mesh.current omitted (none)',
      'all priorities 0',
      'an unknown key',
      'a string where a list belongs',
    ]);
  });

  it.each(SCHEMA_CANNOT_SAY)('differ, as documented, on %s: validate alone refuses it', (_, d) => {
    expect(validateAccepts(d)).toBe(false);
    expect(schemaAccepts(d), JSON.stringify(schemaAccepts.errors)).toBe(true);
  });

  it.each(SCHEMA_STRICTER)('differ, as documented, on %s: the schema alone refuses it', (_, d) => {
    expect(validateAccepts(d)).toBe(true);
    expect(schemaAccepts(d)).toBe(false);
  });

  it('agree on every YYYY-MM-DD string: the date pattern knows month lengths and leap years', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const zodAccepts = (date: string) => EngagementSchema.safeParse({ client: 'A', date }).success;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(schemaAccepts(engagement({ date })), date).toBe(zodAccepts(date));
        },
      ),
      { numRuns: 3000 },
    );
    // Every leap day of a century's turns, where the rule has its exceptions.
    for (const year of [1600, 1700, 1800, 1900, 2000, 2100, 2400]) {
      const date = `${year}-02-29`;
      expect(schemaAccepts(engagement({ date })), date).toBe(zodAccepts(date));
    }
  });
});
