import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerKeys, keyNode } from '../../../src/questionnaire/answer-keys.js';
import { renderAnswersYaml } from '../../../src/questionnaire/render-answers-yaml.js';
import { type AnswerEdit, updateAnswersYaml } from '../../../src/questionnaire/update-answers-yaml.js';

const examples = new URL('../../../examples/', import.meta.url);
const files: [string, string][] = [
  ...readdirSync(examples)
    .filter((f) => f.endsWith('.yaml'))
    .map((f): [string, string] => [f, readFileSync(new URL(f, examples), 'utf8')]),
  ['init', renderAnswersYaml({ schemaRef: 'answers.schema.json', values: { engagement: { client: 'X' } } })],
  [
    'hand-written',
    [
      '# Rheinland Versicherung AG, after the first workshop',
      'version: 1',
      'engagement: {client: "Rheinland Versicherung AG", currency: EUR}',
      'cluster:',
      '  nodes: 240',
      '  currentCni: aws-vpc-cni   # EKS; the 3 on-prem RKE2 clusters run Canal',
      '  clouds:',
      '    - aws',
      '    - on-prem',
      'compliance:',
      '  frameworks: [dora, gdpr]',
      '',
      '# Their own words, from the kick-off',
      'stakeholders:',
      '  - name: CFO',
      '    priorities: { cost: 5, capability: 2, risk: 3, simplicity: 3 }',
      '  - name: CISO  # joined late',
      '    priorities: {cost: 2, capability: 4, risk: 5, simplicity: 2}',
      '',
    ].join('\n'),
  ],
];

/** A value of the key's type that no example holds. */
function sample(section: string, key: string): unknown {
  const node = keyNode({ section: section as never, key });
  if (node.enum !== undefined) return node.enum.at(-1);
  if (node.type === 'array') return node.items?.enum?.slice(-2) ?? [];
  if (node.type === 'boolean') return true;
  if (node.type === 'integer' || node.type === 'number') return 7;
  return 'Zürcher Lebens- & Sachversicherung';
}

/** Every comment of a file (a whole line, or what follows a value), but the `# key:` lines an edit fills in. */
const comments = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.includes('#') && !/^\s*# \w+:\s*$/.test(line))
    .map((line) => line.slice(line.indexOf('#')));

function expected(text: string, edits: readonly AnswerEdit[]): Record<string, unknown> {
  const data = parse(text) as Record<string, Record<string, unknown>>;
  for (const { path, value } of edits) {
    const [top, key] = path;
    if (key === undefined) {
      if (value === undefined) delete data[top];
      else (data as Record<string, unknown>)[top] = value;
      continue;
    }
    const section = { ...(data[top] ?? {}) };
    if (value === undefined) delete section[key];
    else section[key] = value;
    if (Object.keys(section).length === 0) delete data[top];
    else data[top] = section;
  }
  return data;
}

describe('updateAnswersYaml', () => {
  it('changes one value and nothing else, the comment after it included', () => {
    const text = 'version: 1\ncluster:\n  nodes: 240   # counted in May\n  clouds: [aws, gcp]\n';
    expect(updateAnswersYaml(text, [{ path: ['cluster', 'nodes'], value: 260 }])).toBe(
      'version: 1\ncluster:\n  nodes: 260   # counted in May\n  clouds: [aws, gcp]\n',
    );
  });

  it.each(['--- Acme', '... Acme', '---', '|-', '> folded', '- item', '? key', 'two\nlines'])(
    'writes a client named %j on its one line as valid YAML that reads back the same (security review L6)',
    (client) => {
      const text = 'version: 1\nengagement:\n  client: Acme   # the legal name\n  date: 2026-11-24\n';
      const updated = updateAnswersYaml(text, [{ path: ['engagement', 'client'], value: client }]);
      expect(parse(updated).engagement).toEqual({ client, date: '2026-11-24' });
      expect(updated.split('\n')).toHaveLength(text.split('\n').length);
      expect(updated).toContain('   # the legal name\n  date: 2026-11-24\n');
    },
  );

  it('fills in a key init wrote commented out where it stands, and comments a removed key out', () => {
    const text =
      'version: 1\nteam:\n  # Engineers who run the clusters.\n  # platformEngineers:\n  maturity: advanced\n';
    const set = updateAnswersYaml(text, [{ path: ['team', 'platformEngineers'], value: 6 }]);
    expect(set).toBe(
      'version: 1\nteam:\n  # Engineers who run the clusters.\n  platformEngineers: 6\n  maturity: advanced\n',
    );
    expect(updateAnswersYaml(set, [{ path: ['team', 'platformEngineers'], value: undefined }])).toBe(text);
  });

  for (const [name, text] of files) {
    it(`${name}: without edits, the file byte for byte`, () => {
      expect(updateAnswersYaml(text, [])).toBe(text);
    });

    it(`${name}: setting or removing any one key keeps every other key and every comment`, () => {
      for (const { section, key } of answerKeys()) {
        for (const value of [sample(section, key), undefined]) {
          const edits: AnswerEdit[] = [{ path: [section, key], value }];
          const updated = updateAnswersYaml(text, edits);
          expect(parse(updated), `${section}.${key} → ${String(value)}`).toEqual(expected(text, edits));
          for (const line of comments(text)) expect(updated, `${section}.${key}`).toContain(line);
        }
      }
    });

    it(`${name}: the estate's groups set, changed and removed; the rest kept`, () => {
      const estate = [
        { name: 'EKS', platform: 'eks', clouds: ['aws'], clusters: 2, nodes: 60, currentCni: 'aws-vpc-cni' },
        {
          name: 'On premises',
          platform: 'rke2',
          clouds: ['on-prem'],
          clusters: 1,
          nodes: 40,
          currentCni: 'canal',
        },
      ];
      for (const value of [estate, estate.slice(1), undefined]) {
        const edits: AnswerEdit[] = [{ path: ['cluster', 'groups'], value }];
        const updated = updateAnswersYaml(text, edits);
        expect(parse(updated)).toEqual(expected(text, edits));
        for (const line of comments(text)) expect(updated).toContain(line);
      }
    });

    it(`${name}: stakeholders set, changed and removed; the rest kept`, () => {
      const board = [
        { name: 'CFO', priorities: { cost: 5, capability: 1, risk: 3, simplicity: 3 } },
        { name: 'Head of Platform', priorities: { cost: 2, capability: 5, risk: 3, simplicity: 4 } },
      ];
      for (const value of [board, board.slice(1), undefined]) {
        const edits: AnswerEdit[] = [
          { path: ['stakeholders'], value },
          { path: ['cluster', 'nodes'], value: 260 },
        ];
        const updated = updateAnswersYaml(text, edits);
        expect(parse(updated)).toEqual(expected(text, edits));
        // A comment inside the list of stakeholders goes with the list it annotates when the list changes.
        for (const line of comments(text).filter((c) => c !== '# joined late')) {
          expect(updated).toContain(line);
        }
      }
    });
  }
});
