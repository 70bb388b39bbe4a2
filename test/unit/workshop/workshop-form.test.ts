import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { keyPath } from '../../../src/questionnaire/answer-keys.js';
import { askContext } from '../../../src/questionnaire/ask-context.js';
import { QUESTIONNAIRE } from '../../../src/questionnaire/questionnaire.js';
import { EstateGroupSchema } from '../../../src/schema/answers.js';
import { workshopForm } from '../../../src/workshop/workshop-form.js';
import { GROUP_KEYS } from '../../../src/workshop/workshop-protocol.js';

describe('workshopForm', () => {
  const form = workshopForm(askContext({}, defaultDataset()));
  const fields = form.sections.flatMap((s) => s.fields);

  it('has one input per question of the shared questionnaire, named after its key, in its order, the estate’s groups first in its section, then the stakeholders', () => {
    expect(form.sections.map((s) => s.key)).toEqual([...QUESTIONNAIRE.map((s) => s.key), 'stakeholders']);
    expect(fields.map((f) => f.name)).toEqual([
      ...QUESTIONNAIRE.flatMap((s) => [
        ...(s.key === 'cluster' ? ['cluster.groups'] : []),
        ...s.questions.map(keyPath),
      ]),
      'stakeholders',
    ]);
    expect(fields.at(-1)).toMatchObject({ kind: 'stakeholders', min: 0, max: 5 });
  });

  it('offers each group the platforms, clouds and CNIs the estate-wide questions offer, with their names', () => {
    const groups = fields.find((f) => f.name === 'cluster.groups');
    expect(groups).toMatchObject({ kind: 'groups', max: 12 });
    const names = (key: string) => fields.find((f) => f.name === key)?.choices;
    expect(groups?.columns?.platform).toEqual(names('cluster.platforms'));
    expect(groups?.columns?.clouds).toEqual(names('cluster.clouds'));
    expect(groups?.columns?.currentCni).toEqual(names('cluster.currentCni'));
    expect(groups?.columns?.platform).toContainEqual({ value: 'rke2', label: 'SUSE RKE2' });
    expect(names('cluster.platforms')).toContainEqual({ value: 'gke-autopilot', label: 'GKE Autopilot' });
  });

  it('answers each key as its schema allows', () => {
    const kind = (name: string) => fields.find((f) => f.name === name)?.kind;
    expect(kind('engagement.client')).toBe('text');
    expect(kind('cluster.nodes')).toBe('number');
    expect(kind('cluster.clouds')).toBe('multi');
    expect(kind('cluster.currentCni')).toBe('select');
    expect(kind('compliance.airGapped')).toBe('boolean');
    expect(kind('needs.flowRetention')).toBe('need');
    expect(kind('priorities.cost')).toBe('scale');
    expect(fields.find((f) => f.name === 'cluster.nodes')).toMatchObject({
      min: 1,
      max: 1_000_000,
      integer: true,
    });
    expect(fields.find((f) => f.name === 'cluster.clouds')?.choices).toContainEqual({
      value: 'on-prem',
      label: 'on-premises data centre',
    });
    expect(fields.find((f) => f.name === 'engagement.client')?.required).toBe(true);
  });

  it('folds the sections the interview opens with a question', () => {
    expect(form.sections.find((s) => s.key === 'assumptions')?.gate?.message).toMatch(/^Override/);
  });
});

describe('fieldKind', () => {
  it('edits as YAML any key the page has no input for (a list of records, say)', async () => {
    const { fieldKind } = await import('../../../src/workshop/workshop-form.js');
    const question = { section: 'cluster', key: 'nodes', message: 'x' } as const;
    expect(fieldKind(question, { type: 'array', items: { type: 'object' } })).toBe('structured');
    expect(fieldKind(question, { type: 'object' })).toBe('structured');
    expect(fieldKind(question, { type: 'array', items: { enum: ['a'] } })).toBe('multi');
  });
});

describe('the groups the page edits', () => {
  it('has an input for every key of a group, in the schema’s order, so saving loses none', () => {
    expect([...GROUP_KEYS].sort()).toEqual(Object.keys(EstateGroupSchema.shape).sort());
  });
});
