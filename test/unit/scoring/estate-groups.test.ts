import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score } from '../../../src/index.js';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import type { Answers } from '../../../src/schema/answers.js';
import type { OptionResult, ScoreResult } from '../../../src/scoring/score-result.js';
import { exampleAnswers, makeAnswers } from '../../helpers/make-answers.js';

const option = (r: ScoreResult, id: string) => r.options.find((o) => o.id === id) as OptionResult;
const cap = (o: OptionResult, id: string) => o.capabilities.find((c) => c.id === id);
const group = (o: OptionResult, name: string) => o.groups?.find((g) => g.name === name);

describe('an estate described as groups (issue 18, class 6)', () => {
  const r = score(exampleAnswers('eks-plus-onprem'), undefined, { draws: 300 });

  it('keeps the VPC CNI on EKS and Canal on premises, each under its platform vendor’s support', () => {
    expect(r.recommendation.option).toBe('keep-current');
    const stay = option(r, 'keep-current');
    expect(stay.name).toBe('AWS VPC CNI + Canal');
    expect(group(stay, 'EKS in eu-central-1')).toMatchObject({ option: 'keep-current', cni: 'aws-vpc-cni' });
    expect(group(stay, 'RKE2 on premises')).toMatchObject({
      option: 'flannel',
      cni: 'canal',
      keepsCurrentCni: true,
    });
    expect(stay.migration.cniHours).toBe(0);
    expect(cap(stay, 'vendorSupport')).toMatchObject({ importance: 'must', level: 'built-in' });
    expect(cap(stay, 'vendorSupport')?.note).toContain('AWS');
    expect(cap(stay, 'vendorSupport')?.note).toContain('SUSE');
    expect(r.baseline.description).toContain(
      'AWS VPC CNI on EKS in eu-central-1 and Canal on RKE2 on premises',
    );
  });

  it('costs each group on its own figures and sums them, with a new ICT provider contracted once for the estate', () => {
    const value = (key: string) => r.assumptions.find((a) => a.key === key)?.value ?? Number.NaN;
    const hourly = value('engineerCostPerYear') / value('engineerHoursPerYear');
    for (const o of r.options) {
      const groups = o.groups ?? [];
      expect(groups.map((g) => g.nodes)).toEqual([180, 120]);
      const sum = groups.reduce((s, g) => s + g.tco.total, 0);
      // The client is under DORA: a path's new vendor is contracted and kept once, not once per group.
      const { contractHours, upkeepHoursPerYear } = o.newIctProviders;
      const estateWide = (contractHours + upkeepHoursPerYear * r.engagement.horizonYears) * hourly;
      // Each figure is rounded to the unit per category and year: a few units either way.
      expect(Math.abs(sum + estateWide - o.tco.likely), o.id).toBeLessThanOrEqual(6);
      const hours = groups.reduce((s, g) => s + g.migration.cniHours, 0);
      expect(Math.abs(hours - o.migration.cniHours), o.id).toBeLessThanOrEqual(groups.length);
    }
  });

  it('moves only the groups a path changes: Flannel replaces the VPC CNI on EKS and keeps Canal on RKE2', () => {
    const flannel = option(r, 'flannel');
    expect(group(flannel, 'EKS in eu-central-1')).toMatchObject({ cni: 'flannel', keepsCurrentCni: false });
    expect(group(flannel, 'RKE2 on premises')?.migration.cniHours).toBe(0);
    expect(group(flannel, 'EKS in eu-central-1')?.migration.cniHours).toBeGreaterThan(0);
    const migration = flannel.risks.find((x) => x.id === 'cni-migration');
    expect(migration?.text).toMatch(
      /^Moving 180 nodes of EKS in eu-central-1 off AWS VPC CNI is a data-plane migration/,
    );
  });

  it('gives self-managed Cilium on EKS’s own nodes no AWS support (AWS supports it on Hybrid Nodes only)', () => {
    const cilium = option(r, 'cilium-oss');
    expect(cap(cilium, 'vendorSupport')?.level).toBe('none');
    expect(cilium.unmetMusts).toContain('vendorSupport');
  });

  it('runs EKS Hybrid Nodes on Cilium beside the VPC CNI on EKS’s cloud nodes as one stay path', () => {
    const hybrid = score(
      makeAnswers({
        cluster: {
          groups: [
            {
              name: 'cloud nodes',
              platform: 'eks',
              clouds: ['aws'],
              clusters: 2,
              nodes: 80,
              currentCni: 'aws-vpc-cni',
            },
            {
              name: 'hybrid nodes',
              platform: 'eks',
              clouds: ['on-prem'],
              clusters: 2,
              nodes: 40,
              currentCni: 'cilium',
            },
          ],
        },
        team: { vendorSupport: 'preferred' },
      }),
      undefined,
      { draws: 100 },
    );
    const stay = option(hybrid, 'keep-current');
    expect(stay.groups?.map((g) => [g.option, g.cni])).toEqual([
      ['keep-current', 'aws-vpc-cni'],
      ['cilium-oss', 'cilium'],
    ]);
    expect(stay.keepsCurrentCni).toBe(true);
    expect(stay.migration.cniHours).toBe(0);
    expect(cap(option(hybrid, 'cilium-oss'), 'vendorSupport')?.note).toContain('Hybrid Nodes');
  });
});

describe('estate groups in the answers file', () => {
  const file = (cluster: string) =>
    parseAnswersText(`version: 1\nengagement: { client: Test }\ncluster:\n${cluster}`, 'estate.yaml');

  it('derives the estate’s totals from its groups', () => {
    const parsed = file(
      '  groups:\n' +
        '    - { name: EKS, platform: eks, clouds: [aws], clusters: 3, nodes: 180, currentCni: aws-vpc-cni }\n' +
        '    - { name: DC, platform: rke2, clouds: [on-prem], clusters: 2, nodes: 200, currentCni: canal }\n',
    );
    expect(parsed.ok && parsed.answers.cluster).toMatchObject({
      clusters: 5,
      nodes: 380,
      clouds: ['aws', 'on-prem'],
      platforms: ['eks', 'rke2'],
      currentCni: 'canal',
    });
  });

  it('refuses an impossible pair where it is written', () => {
    const parsed = file(
      '  groups:\n' +
        '    - { name: EKS, platform: eks, clouds: [aws], clusters: 3, nodes: 180, currentCni: aws-vpc-cni }\n' +
        '    - { name: DC, platform: rke2, clouds: [on-prem], clusters: 2, nodes: 60, currentCni: aws-vpc-cni }\n',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line: 6, path: 'cluster.groups[1].currentCni' });
    expect(parsed.problems[0]?.message).toMatch(/^aws-vpc-cni cannot run on on-prem/);
  });

  it('refuses the VPC CNI on an estate of one group written as on premises, and keeps v1 files without clouds valid', () => {
    const onPrem = file('  clouds: [on-prem]\n  platforms: [rke2]\n  currentCni: aws-vpc-cni\n');
    expect(onPrem.ok).toBe(false);
    if (!onPrem.ok) expect(onPrem.problems[0]).toMatchObject({ line: 6, path: 'cluster.currentCni' });
    expect(file('  currentCni: azure-cni\n').ok).toBe(true);
    expect(file('  clouds: [aws, on-prem]\n  currentCni: aws-vpc-cni\n').ok).toBe(true);
  });

  it('refuses a CNI of the team’s own on GKE Autopilot, in a group or in an estate run alike', () => {
    const grouped = file(
      '  groups:\n' +
        '    - { name: AP, platform: gke-autopilot, clouds: [gcp], clusters: 2, nodes: 60, currentCni: calico }\n' +
        '    - { name: STD, platform: gke, clouds: [gcp], clusters: 2, nodes: 80, currentCni: calico }\n',
    );
    expect(!grouped.ok && grouped.problems.map((p) => [p.path, p.message])).toEqual([
      ['cluster.groups[0].currentCni', 'gke-autopilot runs only cilium or none (got calico)'],
    ]);
    const alike = file('  clouds: [gcp]\n  platforms: [gke-autopilot]\n  currentCni: flannel\n');
    expect(!alike.ok && alike.problems.map((p) => [p.line, p.path])).toEqual([[6, 'cluster.currentCni']]);
    expect(file('  clouds: [gcp]\n  platforms: [gke-autopilot]\n  currentCni: cilium\n').ok).toBe(true);
    // Autopilot has no nodes on premises.
    const onPrem = file(
      '  groups:\n' +
        '    - { name: AP, platform: gke-autopilot, clouds: [on-prem], clusters: 2, nodes: 60, currentCni: cilium }\n' +
        '    - { name: STD, platform: gke, clouds: [gcp], clusters: 2, nodes: 80, currentCni: cilium }\n',
    );
    expect(!onPrem.ok && onPrem.problems.map((p) => p.path)).toEqual(['cluster.groups[0].clouds']);
  });

  it('refuses a total written beside the groups that does not match them', () => {
    const parsed = file(
      '  nodes: 200\n  groups:\n' +
        '    - { name: EKS, platform: eks, clouds: [aws], clusters: 3, nodes: 180, currentCni: aws-vpc-cni }\n' +
        '    - { name: DC, platform: rke2, clouds: [on-prem], clusters: 2, nodes: 60, currentCni: canal }\n',
    );
    expect(!parsed.ok && parsed.problems.map((p) => [p.line, p.path])).toEqual([[4, 'cluster.nodes']]);
  });
});

describe('estate groups, for any split (fast-check)', () => {
  const PAIRS = [
    { platform: 'eks', clouds: ['aws'], currentCni: 'aws-vpc-cni' },
    { platform: 'eks', clouds: ['on-prem'], currentCni: 'cilium' },
    { platform: 'rke2', clouds: ['on-prem'], currentCni: 'canal' },
    { platform: 'aks', clouds: ['azure'], currentCni: 'azure-cni' },
    { platform: 'openshift', clouds: ['on-prem'], currentCni: 'ovn-kubernetes' },
    { platform: 'gke', clouds: ['gcp'], currentCni: 'cilium' },
    { platform: 'gke-autopilot', clouds: ['gcp'], currentCni: 'cilium' },
    { platform: 'self-managed', clouds: ['on-prem'], currentCni: 'weave' },
    { platform: 'self-managed', clouds: ['on-prem'], currentCni: 'calico' },
  ] as const;
  const part = fc.record({
    kind: fc.constantFrom(...PAIRS),
    clusters: fc.integer({ min: 1, max: 4 }),
    extra: fc.integer({ min: 0, max: 300 }),
  });

  it('sums the groups’ costs, never migrates a group its path keeps, and never recommends an excluded path', () => {
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 2, maxLength: 3 }),
        fc.constantFrom('none', 'required'),
        (parts, vendor) => {
          const answers: Answers = makeAnswers({
            cluster: {
              groups: parts.map((p, i) => ({
                name: `group ${i + 1}`,
                ...p.kind,
                clouds: [...p.kind.clouds],
                clusters: p.clusters,
                nodes: p.clusters + p.extra,
              })),
            },
            team: { vendorSupport: vendor },
          });
          const r = score(answers, undefined, { draws: 1 });
          for (const o of r.options) {
            const groups = o.groups ?? [];
            expect(groups).toHaveLength(parts.length);
            const sum = groups.reduce((s, g) => s + g.tco.total, 0);
            // The path's likely total adds its rounded year-by-category cells (6 categories a year); each group's
            // total is rounded once: the two differ by at most half a unit per rounding.
            const roundings = 6 * answers.engagement.horizonYears + groups.length;
            expect(Math.abs(sum - o.tco.likely)).toBeLessThanOrEqual(roundings / 2);
            for (const g of groups) if (g.keepsCurrentCni) expect(g.migration.cniHours).toBe(0);
            if (o.excludedBy.length > 0) expect(r.recommendation.option).not.toBe(o.id);
          }
        },
      ),
      { numRuns: 25, seed: 20261207 },
    );
  });

  it('scores one group exactly as the same estate written in format v1', () => {
    const v1 = makeAnswers({
      cluster: {
        clusters: 3,
        nodes: 90,
        services: 300,
        clouds: ['aws'],
        currentCni: 'aws-vpc-cni',
        platforms: ['eks'],
      },
    });
    const one = makeAnswers({
      cluster: {
        services: 300,
        groups: [
          {
            name: 'all',
            platform: 'eks',
            clouds: ['aws'],
            clusters: 3,
            nodes: 90,
            currentCni: 'aws-vpc-cni',
          },
        ],
      },
    });
    const a = score(v1, undefined, { draws: 50 });
    const b = score(one, undefined, { draws: 50 });
    expect(b.options.map((o) => [o.id, o.tco.likely, o.score])).toEqual(
      a.options.map((o) => [o.id, o.tco.likely, o.score]),
    );
    expect(b.options.every((o) => o.groups === undefined)).toBe(true);
  });
});
