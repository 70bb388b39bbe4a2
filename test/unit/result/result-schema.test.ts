import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../../src/io/load-answers.js';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { buildResult } from '../../../src/result/build-result.js';
import { resultJson } from '../../../src/result/result-json.js';
import { resultJsonSchemaText } from '../../../src/result/result-json-schema.js';
import { BuiltResultSchema, ResultSchema } from '../../../src/result/result-schema.js';

const root = new URL('../../../', import.meta.url);
const GOLDEN = ['small-team-basic', 'scaleup-sidecar-cost', 'regulated-bank', 'design-sample'];
const EXAMPLES = [...GOLDEN, 'scaleup-after-audit'];
const golden = (name: string) =>
  readFileSync(new URL(`test/golden/reports/${name}/result.json`, root), 'utf8').replace(
    '"toolVersion": "<version>"',
    '"toolVersion": "0.0.0"',
  );
const STAMP = {
  tool: 'cnireport',
  toolVersion: '0.0.0',
  dataVersion: 'x',
  dataVerifiedOn: '2026-12-01',
  inputSha256: '0'.repeat(64),
  seed: 1,
  draws: 200,
  date: '2026-11-24',
} as const;

describe('ResultSchema', () => {
  it('is committed up to date in schema/result.schema.json (run `npm run schema` to refresh it)', () => {
    const committed = readFileSync(new URL('schema/result.schema.json', root), 'utf8');
    expect(committed, 'schema/result.schema.json is out of date: run `npm run schema`').toBe(
      resultJsonSchemaText(),
    );
  });

  it.each(GOLDEN)('describes the golden result.json of %s exactly: its JSON Schema accepts it', (name) => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(
      JSON.parse(resultJsonSchemaText()),
    );
    const valid = validate(JSON.parse(golden(name)));
    expect(validate.errors ?? [], 'errors').toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(GOLDEN)('parses the golden result.json of %s back to the same bytes', (name) => {
    const text = golden(name);
    expect(`${JSON.stringify(ResultSchema.parse(JSON.parse(text)), null, 2)}\n`).toBe(text);
  });

  it.each(EXAMPLES)(
    'is exactly what buildResult returns for %s: no field the schema leaves out',
    async (name) => {
      const { answers } = await loadAnswers(`examples/${name}.yaml`);
      const built = buildResult(answers, defaultDataset(), { draws: 200 });
      expect(JSON.stringify(BuiltResultSchema.parse(built))).toBe(JSON.stringify(built));
    },
  );

  it('refuses a field it does not describe, rather than writing it to result.json', async () => {
    const { answers } = await loadAnswers('examples/small-team-basic.yaml');
    const built = buildResult(answers, defaultDataset(), { draws: 200 });
    expect(() => resultJson({ ...built, extra: 1 } as typeof built, STAMP)).toThrow(/extra/);
    expect(() =>
      ResultSchema.parse({ ...JSON.parse(golden('small-team-basic')), options: [{ id: 'flannel', x: 1 }] }),
    ).toThrow();
  });
});
