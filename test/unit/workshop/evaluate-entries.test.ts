import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { checkAnswer } from '../../../src/questionnaire/check-answer.js';
import { salvageDraft } from '../../../src/questionnaire/salvage-draft.js';
import { AnswersSchema } from '../../../src/schema/answers.js';
import { entriesOf, evaluateEntries } from '../../../src/workshop/evaluate-entries.js';

const dataset = defaultDataset();
const example = (name: string) =>
  salvageDraft(parse(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8')));

describe('evaluateEntries', () => {
  it.each([
    'design-sample',
    'eks-plus-onprem',
    'regulated-bank',
    'scaleup-after-audit',
    'scaleup-sidecar-cost',
    'small-team-basic',
  ])('reads %s back from the inputs that show it, to the same answers', (name) => {
    const draft = example(name);
    const evaluated = evaluateEntries(entriesOf(draft), dataset);
    expect(Object.values(evaluated.fields).filter((f) => f.error !== undefined)).toEqual([]);
    expect(evaluated.answers).toEqual(AnswersSchema.parse({ version: 1, ...draft }));
  });

  it('skips the questions that do not apply and leaves their typed text out of the answers', () => {
    const evaluated = evaluateEntries(
      { 'engagement.client': 'Acme', 'mesh.current': 'none', 'mesh.sidecars': '40' },
      dataset,
    );
    expect(evaluated.fields['mesh.sidecars']?.visible).toBe(false);
    expect(evaluated.draft.mesh).toEqual({ current: 'none' });
    expect(evaluated.answers?.mesh.sidecars).toBe(0);
  });

  it('refuses a wrong answer with the message validate and the interview give, and gives no answers', () => {
    const evaluated = evaluateEntries({ 'engagement.client': 'Acme', 'cluster.nodes': '12 nodes' }, dataset);
    expect(evaluated.fields['cluster.nodes']?.error).toBe(
      checkAnswer({ section: 'cluster', key: 'nodes' }, '12 nodes', {}),
    );
    expect(evaluated.answers).toBeNull();
  });

  it('checks an answer against the earlier ones, as the interview does: sidecars against pods', () => {
    const evaluated = evaluateEntries(
      {
        'engagement.client': 'Acme',
        'cluster.nodes': '2',
        'mesh.current': 'istio',
        'mesh.sidecars': '1,000',
      },
      dataset,
    );
    expect(evaluated.fields['mesh.sidecars']?.error).toMatch(/^more sidecars than pods/);
  });

  it('does not hold a later answer against the default of a wrong one: 24x0 nodes flags nodes alone', () => {
    const evaluated = evaluateEntries(
      {
        'engagement.client': 'Acme',
        'cluster.nodes': '24x0',
        'mesh.current': 'istio',
        'mesh.sidecars': '5200',
      },
      dataset,
    );
    expect(evaluated.fields['cluster.nodes']?.error).toBeDefined();
    expect(evaluated.fields['mesh.sidecars']?.error).toBeUndefined();
    expect(evaluated.answers).toBeNull();
  });

  it('reads the stakeholders from their table, and says which one is wrong', () => {
    const board = [{ name: 'CFO', priorities: { cost: 5, capability: 2, risk: 3, simplicity: 3 } }];
    const good = evaluateEntries(
      { 'engagement.client': 'Acme', stakeholders: JSON.stringify(board) },
      dataset,
    );
    expect(good.answers?.stakeholders).toEqual(board);
    expect(entriesOf(good.draft).stakeholders).toBe(JSON.stringify(board));
    const none = evaluateEntries({ 'engagement.client': 'Acme', stakeholders: '[]' }, dataset);
    expect(none.answers?.stakeholders).toBeUndefined();
    const wrong = evaluateEntries(
      {
        'engagement.client': 'Acme',
        stakeholders: JSON.stringify([...board, { name: 'CISO', priorities: { risk: 9 } }]),
      },
      dataset,
    );
    expect(wrong.fields.stakeholders?.error).toMatch(/^stakeholder 2 \(priorities\.risk\): /);
    expect(wrong.answers).toBeNull();
  });

  it('reads an estate of groups from its cards: the totals follow from them and are not asked', () => {
    const groups = [
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
    const evaluated = evaluateEntries(
      { 'engagement.client': 'Acme', 'cluster.groups': JSON.stringify(groups), 'cluster.nodes': '5' },
      dataset,
    );
    expect(evaluated.fields['cluster.groups']?.error).toBeUndefined();
    for (const key of ['clusters', 'nodes', 'clouds', 'currentCni', 'platforms']) {
      expect(evaluated.fields[`cluster.${key}`]?.visible, key).toBe(false);
    }
    expect(evaluated.fields['cluster.growthPercentPerYear']?.visible).toBe(true);
    expect(evaluated.answers?.cluster).toMatchObject({
      clusters: 3,
      nodes: 100,
      platforms: ['eks', 'rke2'],
      clouds: ['aws', 'on-prem'],
      currentCni: 'aws-vpc-cni',
    });
    expect(JSON.parse(String(entriesOf(evaluated.draft)['cluster.groups']))).toEqual(groups);
    const none = evaluateEntries({ 'engagement.client': 'Acme', 'cluster.groups': '[]' }, dataset);
    expect(none.fields['cluster.nodes']?.visible).toBe(true);
    expect(none.answers?.cluster.groups).toBeUndefined();
  });

  it('says which group is wrong, in the words validate uses, and gives no answers', () => {
    const group = {
      name: 'EKS',
      platform: 'eks',
      clouds: ['aws'],
      clusters: 2,
      nodes: 60,
      currentCni: 'aws-vpc-cni',
    };
    const few = evaluateEntries(
      {
        'engagement.client': 'Acme',
        'cluster.groups': JSON.stringify([group, { ...group, name: 'EKS two', nodes: 1 }]),
      },
      dataset,
    );
    expect(few.fields['cluster.groups']?.error).toMatch(
      /^group 2 \(nodes\): fewer worker nodes than clusters/,
    );
    expect(few.answers).toBeNull();
    const typed = evaluateEntries(
      { 'engagement.client': 'Acme', 'cluster.groups': JSON.stringify([{ ...group, clusters: 'two' }]) },
      dataset,
    );
    expect(typed.fields['cluster.groups']?.error).toMatch(/^group 1 \(clusters\): /);
  });

  it('words each question for the answers before it: the needs they imply, FedRAMP’s FIPS', () => {
    const plain = evaluateEntries({ 'engagement.client': 'Acme' }, dataset);
    const fedramp = evaluateEntries(
      { 'engagement.client': 'Acme', 'compliance.frameworks': ['fedramp', 'pci-dss'] },
      dataset,
    );
    expect(plain.fields['compliance.fips']?.label).toBe('Is FIPS 140 validated cryptography required?');
    expect(fedramp.fields['compliance.fips']?.label).toMatch(/^FedRAMP High requires FIPS 140/);
    expect(fedramp.fields['compliance.fips']?.offered).toBe(true);
    expect(fedramp.fields['needs.networkPolicy']?.derived?.importance).toBe('must');
    expect(fedramp.fields['needs.networkPolicy']?.derived?.reasons.join(' ')).toMatch(/PCI/);
  });

  it('reads numbers with thousands separators, and a need left open as derived', () => {
    const evaluated = evaluateEntries(
      { 'engagement.client': 'Acme', 'cluster.nodes': '1,200', 'needs.encryption': '' },
      dataset,
    );
    expect(evaluated.answers?.cluster.nodes).toBe(1200);
    expect(evaluated.draft.needs).toBeUndefined();
  });
});
