import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import type { AnswersDraft } from '../../../src/questionnaire/answers-draft.js';
import { InterviewInterrupted } from '../../../src/questionnaire/interview-interrupted.js';
import type { ConfirmRequest, SelectRequest, TextRequest } from '../../../src/questionnaire/prompter.js';
import { renderAnswersYaml } from '../../../src/questionnaire/render-answers-yaml.js';
import { runInterview } from '../../../src/questionnaire/run-interview.js';
import { salvageDraft } from '../../../src/questionnaire/salvage-draft.js';
import { CTRL_C, Replies, type Reply, scriptedPrompter } from '../../helpers/scripted-prompter.js';

const dataset = defaultDataset();
const SIDECAR_QUESTIONS = ['mesh.sidecars', 'mesh.sidecarCpuMillicores', 'mesh.sidecarMemoryMiB'];

async function interview(script: Record<string, Reply | Replies>, prefill?: AnswersDraft) {
  const prompter = scriptedPrompter(script);
  const answers = await runInterview({ prompter, dataset, ...(prefill === undefined ? {} : { prefill }) });
  const parsed = parseAnswersText(renderAnswersYaml({ schemaRef: 'schema.json', values: answers }), 'x.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { prompter, answers, parsed: parsed.answers };
}

const text = (r: unknown) => r as TextRequest;
const select = (r: unknown) => r as SelectRequest;
const confirm = (r: unknown) => r as ConfirmRequest;

describe('runInterview', () => {
  it('with only the client named, every other answer is its default and the file validates', async () => {
    const { prompter, answers, parsed } = await interview({ 'engagement.client': 'Acme' });
    expect(parsed.engagement.client).toBe('Acme');
    expect(parsed.cluster.nodes).toBe(10);
    expect(answers.needs).toBeUndefined();
    expect(answers.assumptions).toBeUndefined();
    expect(answers.engagement?.preparedBy).toBeUndefined();
    expect(prompter.asked).toContain('assumptions');
    expect(prompter.asked).not.toContain('assumptions.engineerCostPerYear');
  });

  it('shows section progress, eight sections in the order of the file', async () => {
    const { prompter } = await interview({ 'engagement.client': 'Acme' });
    expect(prompter.headings.map((h) => `Section ${h.number} of ${h.of}: ${h.title}`)).toEqual([
      'Section 1 of 8: Engagement',
      'Section 2 of 8: Cluster',
      'Section 3 of 8: Compliance',
      'Section 4 of 8: Team',
      'Section 5 of 8: Service mesh',
      'Section 6 of 8: Needs',
      'Section 7 of 8: Priorities',
      'Section 8 of 8: Cost assumptions',
    ]);
    expect(prompter.headings[1]?.description).toBe('Size and shape of the estate.');
  });

  it('numbers show their range and unit, and the schema default', async () => {
    const { prompter } = await interview({ 'engagement.client': 'Acme' });
    const nodes = text(prompter.requests.get('cluster.nodes'));
    expect(nodes.message).toBe('Worker nodes today, across all clusters (1 to 1,000,000 nodes)');
    expect(nodes.default).toBe('10');
    expect(text(prompter.requests.get('cluster.growthPercentPerYear')).message).toMatch(
      /\(-50 to 300 % a year\)$/,
    );
    expect(select(prompter.requests.get('engagement.currency')).choices.map((c) => c.value)).toEqual([
      'USD',
      'EUR',
      'GBP',
      'CHF',
      'SEK',
      'NOK',
      'DKK',
      'PLN',
    ]);
  });

  describe('sidecar questions', () => {
    it('are skipped without a mesh', async () => {
      const { prompter } = await interview({ 'engagement.client': 'Acme' });
      for (const id of SIDECAR_QUESTIONS) expect(prompter.asked).not.toContain(id);
      expect(prompter.asked).toContain('mesh.latencySensitive');
    });

    it('are asked when a mesh is in use, with the data default for this mesh', async () => {
      const { prompter, parsed } = await interview({
        'engagement.client': 'Acme',
        'cluster.nodes': '100',
        'mesh.current': 'istio',
        'mesh.sidecars': '1500',
        'mesh.sidecarCpuMillicores': '',
        'mesh.sidecarMemoryMiB': '80',
      });
      for (const id of SIDECAR_QUESTIONS) expect(prompter.asked).toContain(id);
      expect(parsed.mesh).toMatchObject({ current: 'istio', sidecars: 1500, sidecarMemoryMiB: 80 });
      expect(parsed.mesh.sidecarCpuMillicores).toBeUndefined();
      expect(text(prompter.requests.get('mesh.sidecarCpuMillicores')).help).toMatch(
        /^The CPU request of each sidecar proxy\. Empty keeps the default: [\d,.]+ millicores per sidecar \(.+\)\.$/,
      );
    });

    it('drop a resumed sidecar count when the mesh is gone', async () => {
      const prefill = { engagement: { client: 'Acme' }, mesh: { current: 'istio' as const, sidecars: 40 } };
      const { parsed } = await interview({ 'mesh.current': 'none' }, prefill);
      expect(parsed.mesh).toMatchObject({ current: 'none', sidecars: 0 });
    });
  });

  describe('FIPS and air-gap questions are worded for the frameworks chosen', () => {
    it('FedRAMP: FIPS is required by the framework and offered as yes', async () => {
      const { prompter, parsed } = await interview({
        'engagement.client': 'Acme',
        'compliance.frameworks': ['fedramp'],
      });
      const fips = confirm(prompter.requests.get('compliance.fips'));
      expect(fips.message).toMatch(/^FedRAMP High requires FIPS 140/);
      expect(fips.default).toBe(true);
      expect(parsed.compliance.fips).toBe(true);
      expect(confirm(prompter.requests.get('compliance.airGapped')).message).toContain(
        'in scope for FedRAMP',
      );
    });

    it('PCI-DSS and SOC 2: named in the air-gap question; FIPS is up to contracts', async () => {
      const { prompter } = await interview({
        'engagement.client': 'Acme',
        'compliance.frameworks': ['pci-dss', 'soc2'],
      });
      expect(confirm(prompter.requests.get('compliance.airGapped')).message).toBe(
        'Are the clusters in scope for PCI DSS and SOC 2 air-gapped (no internet access)?',
      );
      const fips = confirm(prompter.requests.get('compliance.fips'));
      expect(fips.default).toBe(false);
      expect(fips.help).toContain('PCI DSS and SOC 2 do not require FIPS 140 by themselves');
      expect(text(prompter.requests.get('compliance.flowLogRetentionDays')).help).toContain('10.5.1');
    });

    it('no framework: the plain questions', async () => {
      const { prompter } = await interview({ 'engagement.client': 'Acme' });
      expect(confirm(prompter.requests.get('compliance.airGapped')).message).toBe(
        'Are the clusters air-gapped (no internet access)?',
      );
      expect(confirm(prompter.requests.get('compliance.fips')).message).toBe(
        'Is FIPS 140 validated cryptography required?',
      );
    });
  });

  describe('needs', () => {
    it('offer the level the rules derive, with the reasons; Enter leaves the need to the rules', async () => {
      const { prompter, answers, parsed } = await interview({
        'engagement.client': 'Acme',
        'compliance.frameworks': ['pci-dss'],
      });
      const encryption = select(prompter.requests.get('needs.encryption'));
      expect(encryption.default).toBe('derived');
      expect(encryption.choices[0]).toEqual({
        value: 'derived',
        name: 'should (as the answers imply)',
        description: expect.stringContaining('PCI DSS v4.0.1 Requirement 4.2.1'),
      });
      expect(answers.needs).toBeUndefined();
      expect(parsed.needs).toEqual({});
    });

    it('follow the answers given in this interview', async () => {
      const { prompter } = await interview({ 'engagement.client': 'Acme', 'cluster.clusters': '3' });
      expect(select(prompter.requests.get('needs.multiCluster')).choices[0]?.name).toBe(
        'should (as the answers imply)',
      );
      expect(select(prompter.requests.get('needs.encryption')).choices[0]?.name).toBe(
        'no (as the answers imply)',
      );
    });

    it('a level picked is stated in the file, and a stated level is offered when resuming', async () => {
      const { parsed } = await interview({ 'engagement.client': 'Acme', 'needs.encryption': 'nice' });
      expect(parsed.needs).toEqual({ encryption: 'nice' });
      const resumed = await interview({}, { engagement: { client: 'Acme' }, needs: { encryption: 'nice' } });
      expect(select(resumed.prompter.requests.get('needs.encryption')).default).toBe('nice');
      expect(resumed.parsed.needs).toEqual({ encryption: 'nice' });
    });
  });

  describe('validation', () => {
    it('rejects text where a number goes, and out-of-range numbers, with the validate wording', async () => {
      const { prompter, parsed } = await interview({
        'engagement.client': 'Acme',
        'cluster.nodes': new Replies('many', '0', '2,0000', '2,000'),
      });
      expect(prompter.errors.get('cluster.nodes')).toEqual([
        'must be a number (got "many"; expected an integer from 1 to 1000000)',
        'out of range (got 0; expected 1 to 1000000)',
        'must be a number (got "2,0000"; expected an integer from 1 to 1000000)',
      ]);
      // Thousands separators as the prompt itself prints the range ("1 to 1,000,000").
      expect(parsed.cluster.nodes).toBe(2000);
    });

    it('requires the client and checks dates exist', async () => {
      const { prompter } = await interview({
        'engagement.client': new Replies('', 'Acme'),
        'engagement.date': new Replies('2026-02-30', '2026-02-28'),
      });
      expect(prompter.errors.get('engagement.client')?.[0]).toMatch(/^required/);
      expect(prompter.errors.get('engagement.date')).toEqual([
        'invalid value (got "2026-02-30"; expected a calendar date that exists)',
      ]);
    });

    it('checks an answer against the earlier ones: sidecars against pods, priorities together', async () => {
      const { prompter } = await interview({
        'engagement.client': 'Acme',
        'cluster.nodes': '2',
        'cluster.podsPerNode': '10',
        'mesh.current': 'linkerd',
        'mesh.sidecars': new Replies('21', '20'),
        'priorities.cost': '0',
        'priorities.capability': '0',
        'priorities.risk': '0',
        'priorities.simplicity': new Replies('0', '1'),
      });
      expect(prompter.errors.get('mesh.sidecars')?.[0]).toMatch(
        /^more sidecars than pods \(got 21; expected at most/,
      );
      expect(prompter.errors.get('priorities.simplicity')?.[0]).toContain('at least one priority above 0');
    });

    it('refuses fewer nodes than the clusters already given, at the nodes question', async () => {
      const { prompter, parsed } = await interview({
        'engagement.client': 'Acme',
        'cluster.clusters': '50',
        'cluster.nodes': new Replies('3', '50'),
      });
      expect(prompter.errors.get('cluster.nodes')).toEqual([
        'fewer worker nodes than clusters (got 3; expected at least cluster.clusters = 50: nodes is the total across all clusters, each with at least one worker node)',
      ]);
      expect(parsed.cluster.nodes).toBe(50);
    });

    it('rejects a cloud list left empty', async () => {
      const { prompter } = await interview({
        'engagement.client': 'Acme',
        'cluster.clouds': new Replies([], ['gcp', 'on-prem']),
      });
      expect(prompter.errors.get('cluster.clouds')?.[0]).toMatch(/^too few entries/);
    });
  });

  describe('cost assumptions', () => {
    it('are asked only after a yes, each with its unit and data default', async () => {
      const { prompter, parsed } = await interview({
        'engagement.client': 'Acme',
        'engagement.currency': 'EUR',
        assumptions: true,
        'assumptions.isovalentPricePerNodeYear': '1200',
      });
      expect(parsed.assumptions).toEqual({ isovalentPricePerNodeYear: 1200 });
      const price = text(prompter.requests.get('assumptions.isovalentPricePerNodeYear'));
      expect(price.message).toMatch(/\(0 or more EUR per node-year\)$/);
      expect(price.help).toMatch(
        /^Empty keeps the default: [\d,.]+ EUR per node-year \(a placeholder until there is a quote\)\.$/,
      );
      expect(confirm(prompter.requests.get('assumptions')).default).toBe(false);
    });

    it('when resumed, are offered again; no removes them', async () => {
      const prefill = { engagement: { client: 'Acme' }, assumptions: { engineerCostPerYear: 90000 } };
      const kept = await interview({}, prefill);
      expect(confirm(kept.prompter.requests.get('assumptions')).default).toBe(true);
      expect(kept.parsed.assumptions).toEqual({ engineerCostPerYear: 90000 });
      const dropped = await interview({ assumptions: false }, prefill);
      expect(dropped.parsed.assumptions).toEqual({});
    });
  });

  it('an optional answer left empty stays out of the file', async () => {
    const { answers } = await interview({ 'engagement.client': 'Acme', 'engagement.preparedBy': '  ' });
    expect(answers.engagement).toEqual({ client: 'Acme', currency: 'USD', horizonYears: 3 });
  });

  it('Ctrl+C stops with every answer known: given so far, and the rest of the file being resumed', async () => {
    const prompter = scriptedPrompter({
      'engagement.client': 'Acme Bank',
      'cluster.nodes': '240',
      'team.maturity': CTRL_C,
    });
    const prefill = { engagement: { client: 'Old name' }, priorities: { cost: 5 } };
    const stopped = await runInterview({ prompter, dataset, prefill }).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(InterviewInterrupted);
    const { draft, section, cause } = stopped as InterviewInterrupted;
    expect(section).toMatchObject({ number: 4, of: 8, title: 'Team' });
    expect((cause as Error).name).toBe('ExitPromptError');
    expect(draft.engagement?.client).toBe('Acme Bank');
    expect(draft.cluster?.nodes).toBe(240);
    expect(draft.priorities).toEqual({ cost: 5 });
    expect(draft.team).toBeUndefined();
  });

  it.each(['design-sample', 'regulated-bank', 'scaleup-sidecar-cost', 'small-team-basic'])(
    'resuming examples/%s.yaml and pressing Enter throughout gives the same answers',
    async (name) => {
      const source = readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8');
      const example = parseAnswersText(source, name);
      if (!example.ok) throw new Error('example does not validate');
      const { parsed } = await interview({}, salvageDraft(parse(source)));
      expect(parsed).toEqual(example.answers);
    },
  );
});
