import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderAnswersYaml } from '../../../src/questionnaire/render-answers-yaml.js';
import { STARTER_ANSWERS } from '../../../src/questionnaire/starter-answers.js';
import { answersJsonSchema, answersJsonSchemaText } from '../../../src/schema/answers-json-schema.js';

const root = new URL('../../../', import.meta.url);

describe('answersJsonSchema', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(answersJsonSchema());

  it('is committed up to date in schema/answers.schema.json (run `npm run schema` to refresh it)', () => {
    const committed = readFileSync(new URL('schema/answers.schema.json', root), 'utf8');
    expect(committed, 'schema/answers.schema.json is out of date: run `npm run schema`').toBe(
      answersJsonSchemaText(),
    );
  });

  it('is draft-07 with an id and a title', () => {
    const schema = answersJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe('urn:cnireport:answers:v1');
    expect(schema.title).toBe('cnireport answers file, format v1');
  });

  const examples = readdirSync(new URL('examples/', root)).filter((f) => f.endsWith('.yaml'));
  it.each(examples)('accepts examples/%s', (name) => {
    const data: unknown = parse(readFileSync(new URL(`examples/${name}`, root), 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the file init writes', () => {
    const data: unknown = parse(renderAnswersYaml({ schemaRef: 'x.json', values: STARTER_ANSWERS }));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['an unknown key', { version: 1, engagement: { client: 'A' }, cluster: { nodse: 3 } }],
    ['a missing client', { version: 1, engagement: {} }],
    ['an out-of-range number', { version: 1, engagement: { client: 'A', horizonYears: 12 } }],
    ['a fractional count', { version: 1, engagement: { client: 'A' }, cluster: { nodes: 12.5 } }],
    ['an unknown enum value', { version: 1, engagement: { client: 'A' }, team: { maturity: 'expart' } }],
    ['another version', { version: 2, engagement: { client: 'A' } }],
  ])('rejects %s', (_, data) => {
    expect(validate(data)).toBe(false);
  });
});
