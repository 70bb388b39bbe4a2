import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import type { AnswersDraft } from '../../../src/questionnaire/answers-draft.js';
import { renderAnswersYaml } from '../../../src/questionnaire/render-answers-yaml.js';
import { STARTER_ANSWERS } from '../../../src/questionnaire/starter-answers.js';
import { answersJsonSchema } from '../../../src/schema/answers-json-schema.js';
import type { JsonSchemaNode } from '../../../src/schema/json-schema-node.js';

/** Every key of the schema with the indentation it must appear at. */
function schemaKeys(node: JsonSchemaNode, indent = ''): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => [
    `${indent}${key}`,
    ...(child.type === 'object' ? schemaKeys(child, `${indent}  `) : []),
  ]);
}

describe('renderAnswersYaml', () => {
  const text = renderAnswersYaml({ schemaRef: '../schema/answers.schema.json', values: STARTER_ANSWERS });

  it('starts with the yaml-language-server modeline', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/answers.schema.json');
  });

  it('validates as written', () => {
    const result = parseAnswersText(text, 'answers.yaml');
    expect(result.ok).toBe(true);
    expect(result.ok && result.answers.engagement.client).toBe('Client name');
  });

  it('writes every key of the schema, set or commented out', () => {
    const lines = text.split('\n');
    for (const key of schemaKeys(answersJsonSchema())) {
      const indent = key.length - key.trimStart().length;
      const name = key.trimStart();
      const pattern = new RegExp(`^${' '.repeat(indent)}(# )?${name}:`);
      expect(
        lines.some((line) => pattern.test(line)),
        `${name} missing`,
      ).toBe(true);
    }
  });

  it('comments each key with its meaning, what it accepts and its default', () => {
    expect(text).toContain(
      [
        '  # Years the total cost of ownership covers.',
        '  # An integer from 1 to 10. Default: 3.',
        '  horizonYears: 3',
      ].join('\n'),
    );
    expect(text).toContain(
      [
        '  # CPU reserved per sidecar, in millicores. Default: from data/ (sidecarCpuMillicores).',
        '  # A number from 0 to 64000. Optional.',
        '  # sidecarCpuMillicores:',
      ].join('\n'),
    );
  });

  it('comments out a section whose keys all are, since an empty section is null', () => {
    expect(text).toMatch(/^# needs:$/m);
    expect(text).toMatch(/^# assumptions:$/m);
    expect(text).toMatch(/^cluster:$/m);
  });

  it('keeps lines short enough to read in a terminal', () => {
    const longest = Math.max(...text.split('\n').map((line) => line.length));
    expect(longest).toBeLessThanOrEqual(104);
  });

  it('renders given values instead of defaults, and round-trips every example', () => {
    for (const name of ['design-sample', 'regulated-bank', 'scaleup-sidecar-cost', 'small-team-basic']) {
      const source = readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8');
      const values = parse(source) as AnswersDraft;
      const rendered = renderAnswersYaml({ schemaRef: 'x.json', values });
      const again = parseAnswersText(rendered, `${name}.yaml`);
      const original = parseAnswersText(source, `${name}.yaml`);
      expect(again.ok, name).toBe(true);
      expect(again.ok && again.answers).toEqual(original.ok && original.answers);
    }
  });

  it.each(['--- Acme', '... Acme', '---', '|-', '> folded', '- item', '? key'])(
    'writes a client named %j as valid YAML that reads back the same (security review L6)',
    (client) => {
      const values = parse(
        readFileSync(new URL('../../../examples/small-team-basic.yaml', import.meta.url), 'utf8'),
      );
      values.engagement.client = client;
      const parsed = parseAnswersText(renderAnswersYaml({ schemaRef: 'x.json', values }), 'a.yaml');
      expect(parsed.ok && parsed.answers.engagement.client).toBe(client);
    },
  );

  it('uncomments a section once one of its keys has a value', () => {
    const rendered = renderAnswersYaml({
      schemaRef: 'x.json',
      values: { ...STARTER_ANSWERS, needs: { l7Policy: 'must' } },
    });
    expect(rendered).toMatch(/^needs:\n/m);
    expect(rendered).toMatch(/^ {2}l7Policy: must$/m);
    expect(rendered).toMatch(/^ {2}# encryption:$/m);
  });

  it('quotes text that YAML would otherwise read as something else', () => {
    const rendered = renderAnswersYaml({
      schemaRef: 'x.json',
      values: { engagement: { client: 'yes: no #1', preparedBy: '123' } },
    });
    const result = parseAnswersText(rendered, 'x.yaml');
    expect(result.ok && result.answers.engagement).toMatchObject({ client: 'yes: no #1', preparedBy: '123' });
  });
});
