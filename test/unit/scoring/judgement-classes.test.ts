import { describe, expect, it } from 'vitest';
import { score } from '../../../src/index.js';
import { defaultDataset as dataset } from '../../../src/io/load-dataset.js';
import { makeAnswers } from '../../helpers/make-answers.js';

/**
 * One situation of our own for each class of judgement an experienced consultant gets right and a rule of thumb
 * gets wrong, with the outcome we argue for (the methodology chapter gives the reasoning).
 */
const runAt = (draws: number, input: Parameters<typeof makeAnswers>[0]) =>
  score(makeAnswers(input), undefined, { draws });
const run = (input: Parameters<typeof makeAnswers>[0]) => runAt(400, input);
const option = (result: ReturnType<typeof run>, id: string) => {
  const found = result.options.find((o) => o.id === id);
  if (found === undefined) throw new Error(`no option ${id}`);
  return found;
};

describe('1. the status quo is a real path', () => {
  const onCilium = {
    cluster: { clusters: 2, nodes: 40, services: 200, currentCni: 'cilium', kubeProxyMode: 'none' },
    team: { maturity: 'intermediate', platformEngineers: 1, ebpfExperience: 'some' },
    needs: { networkPolicy: 'must' },
    priorities: { cost: 4, capability: 3, risk: 3, simplicity: 3 },
  } as const;

  it('keeps a one-person team on the Cilium it runs, at no migration cost', () => {
    const result = run(onCilium);
    expect(result.recommendation.option).toBe('cilium-oss');
    expect(result.recommendation.change.incumbent).toBe('cilium-oss');
    const stay = option(result, 'cilium-oss');
    expect(stay.tco.byCategory.migration).toBe(0);
    expect(stay.tco.byCategory.training).toBe(0);
  });

  it('computes whether today meets the needs instead of asserting it does not', () => {
    const result = run(onCilium);
    expect(result.baseline.meetsAllMusts).toBe(true);
    expect(result.baseline.description).toContain('meets every must');
    expect(result.baseline.description).not.toContain('does not meet');
    expect(result.baseline.tco.total).toBe(option(result, 'cilium-oss').tco.total);
  });
});

describe('2. change is weighed against the horizon and the team', () => {
  it('leaves a 1,600-node estate with basic needs and two engineers on Flannel', () => {
    const result = run({
      cluster: { clusters: 8, nodes: 1600, services: 2400, currentCni: 'flannel' },
      team: { maturity: 'intermediate', platformEngineers: 2, ebpfExperience: 'none' },
      needs: { networkPolicy: 'should', observability: 'nice' },
      priorities: { cost: 3, capability: 3, risk: 3, simplicity: 3 },
    });
    expect(result.recommendation.option).toBe('flannel');
    const migration = option(result, 'cilium-oss').risks.find((r) => r.id === 'cni-migration');
    expect(migration?.text).toMatch(/months of the time the team can give/);
  });

  it('does not call a migration of a platform retiring in a year clear, though Cilium wins it clearly over five', () => {
    const base = {
      cluster: { clusters: 2, nodes: 120, services: 800, currentCni: 'flannel' },
      team: { maturity: 'advanced', platformEngineers: 4, ebpfExperience: 'some' },
      needs: { networkPolicy: 'must', observability: 'must', l7Policy: 'should' },
      priorities: { cost: 4, capability: 4, risk: 3, simplicity: 2 },
    } as const;
    const five = run({ ...base, engagement: { client: 'X', date: '2026-11-24', horizonYears: 5 } });
    expect(five.recommendation.option).toBe('cilium-oss');
    expect(five.recommendation.closeCall).toBe(false);
    // Over one year the migration's cost and its share of the horizon are weighed once, in cost and risk: the lead
    // shrinks to where staying is the pick in a material share of the plausible worlds.
    const one = run({ ...base, engagement: { client: 'X', date: '2026-11-24', horizonYears: 1 } });
    expect(one.recommendation.closeCall).toBe(true);
    expect(one.recommendation.worlds.rival).toBe('flannel');
    expect(one.recommendation.worlds.rivalShare).toBeGreaterThanOrEqual(0.2);
    expect(one.recommendation.change.lead ?? 0).toBeLessThan(five.recommendation.change.lead ?? 0);
  });
});

describe('3. plans are fitted to the client', () => {
  it('keeps a client on the AWS VPC CNI on it on its own path, named for it, with no migration', () => {
    const result = run({
      cluster: { clusters: 1, nodes: 30, services: 100, currentCni: 'aws-vpc-cni', platforms: ['eks'] },
      needs: { networkPolicy: 'must' },
    });
    const minimal = option(result, 'keep-current');
    expect(minimal.name).toBe('Stay on AWS VPC CNI');
    expect(option(result, 'flannel').keepsCurrentCni).toBe(false);
    expect(minimal.cni).toBe('aws-vpc-cni');
    expect(minimal.keepsCurrentCni).toBe(true);
    expect(minimal.migration.cniHours).toBe(0);
  });

  it('leaves out an add-on for a nice need that does not earn its cost, and says why', () => {
    const result = run({
      cluster: { clusters: 3, nodes: 60, services: 300 },
      needs: { networkPolicy: 'must', multiCluster: 'nice' },
      priorities: { cost: 5, capability: 1, risk: 2, simplicity: 3 },
    });
    const flannel = option(result, 'flannel');
    const decision = flannel.stack.decisions.find((d) => d.capability === 'multiCluster');
    expect(decision?.taken).toBe(false);
    expect(decision?.reason).toMatch(/left out/);
    expect(flannel.stack.addons.map((a) => a.id)).not.toContain('submariner');
  });
});

describe('4. a must met only in part is closed and costed, or rules the option out', () => {
  it('costs the flow store Cilium OSS needs for historical flow retention', () => {
    const result = run({
      cluster: { clusters: 2, nodes: 80 },
      compliance: { flowLogRetentionDays: 365 },
      team: { platformEngineers: 3 },
    });
    const cilium = option(result, 'cilium-oss');
    const retention = cilium.capabilities.find((c) => c.id === 'flowRetention');
    expect(retention?.level).toBe('add-on');
    expect(cilium.stack.addons.map((a) => a.id)).toContain('flow-store');
    expect(cilium.migration.addonHours).toBeGreaterThan(0);
    expect(cilium.unmetMusts).not.toContain('flowRetention');
  });
});

describe('5. the sidecar saving is open to every path', () => {
  it('moves sidecars on every path or on none, and every path keeps the same number', () => {
    const result = run({
      cluster: { clusters: 2, nodes: 150, services: 900 },
      mesh: { current: 'istio', sidecars: 3000, latencySensitive: true },
      needs: { serviceMesh: 'must' },
    });
    const moves = new Set(result.options.map((o) => o.stack.movesSidecars));
    const kept = new Set(result.options.map((o) => o.operations.sidecarsKept));
    expect(moves.size).toBe(1);
    expect(kept.size).toBe(1);
    expect(result.sidecarTax?.canMove).toBe(true);
  });

  it('keeps a Linkerd mesh’s sidecars on every path: it has no sidecar-free mode', () => {
    const result = run({ mesh: { current: 'linkerd', sidecars: 400 }, cluster: { nodes: 40 } });
    expect(result.options.every((o) => o.operations.sidecarsKept === 400)).toBe(true);
  });
});

describe('6. vendor support is not Isovalent or nothing', () => {
  it('counts Microsoft’s support of Cilium on AKS', () => {
    const result = run({
      cluster: { clusters: 2, nodes: 60, currentCni: 'azure-cni', platforms: ['aks'], clouds: ['azure'] },
      team: { vendorSupport: 'required' },
    });
    const cilium = option(result, 'cilium-oss');
    expect(cilium.capabilities.find((c) => c.id === 'vendorSupport')?.level).toBe('built-in');
    expect(cilium.disqualified).toBe(false);
  });

  it('rules Flannel out on GKE, where the data plane cannot be replaced', () => {
    const result = run({ cluster: { platforms: ['gke'], clouds: ['gcp'], currentCni: 'other' } });
    const flannel = option(result, 'flannel');
    expect(flannel.disqualified).toBe(true);
    expect(flannel.excludedBy[0]?.platform).toBe('Google Kubernetes Engine');
  });

  it('counts AWS’s Cilium support on EKS only in part (hybrid nodes), so it does not meet a must', () => {
    const result = run({ cluster: { platforms: ['eks'] }, team: { vendorSupport: 'required' } });
    expect(option(result, 'cilium-oss').unmetMusts).toContain('vendorSupport');
  });
});

describe('7. Services are counted per cluster', () => {
  it('does not derive kube-proxy replacement from Services spread thinly over many clusters', () => {
    const result = run({ cluster: { clusters: 6, nodes: 300, services: 4200 } });
    expect(result.needs.find((n) => n.capability === 'kubeProxyReplacement')?.importance).toBe('no');
  });
});

describe('8. confidence means something', () => {
  it('calls a narrow lead for a change a close call and says what it turns on, in the client’s words', () => {
    // At the report's own number of worlds: over 400, the drivers' order is within sampling noise of each other.
    const result = runAt(dataset().model.decision.monteCarloDraws, {
      cluster: { clusters: 4, nodes: 120, clouds: ['aws', 'gcp'] },
      team: { maturity: 'advanced', platformEngineers: 5, ebpfExperience: 'some' },
      needs: { multiCluster: 'must', observability: 'should' },
      priorities: { cost: 3, capability: 4, risk: 2, simplicity: 2 },
    });
    const rec = result.recommendation;
    expect(rec.option).toBe('cilium-oss');
    expect(rec.change.stayed).toBe(false);
    expect(rec.closeCall).toBe(true);
    expect(rec.confidence).toBeLessThan(0.8);
    expect(rec.worlds.rival).toBe('flannel');
    expect(rec.closeBecause.length).toBeGreaterThanOrEqual(2);
    expect(rec.closeBecause.length).toBeLessThanOrEqual(3);
    for (const r of rec.closeBecause) {
      expect(r.toward).toBe('flannel');
      expect(r.text).not.toMatch(/[A-Z][a-z]+[A-Z]|\.|_/); // no code names or keys
    }
    expect(rec.closeBecause.map((r) => r.key)).toContain('priority.cost');
  });

  it('reports where the headline TCO sits among the simulated totals', () => {
    const result = run({ mesh: { current: 'istio', sidecars: 800 }, cluster: { nodes: 60 } });
    for (const o of result.options) {
      expect(o.tco.likelyPercentile).toBeGreaterThanOrEqual(0);
      expect(o.tco.likelyPercentile).toBeLessThanOrEqual(1);
    }
  });
});

describe('9. capability-first clients with enterprise-grade musts', () => {
  it('lets the enterprise option win when building it on open source is real work', () => {
    const result = run({
      cluster: { clusters: 12, nodes: 600, services: 3000, clouds: ['aws', 'azure', 'on-prem'] },
      compliance: {
        frameworks: ['pci-dss', 'dora'],
        encryptionInTransit: 'required',
        flowLogRetentionDays: 400,
      },
      team: { maturity: 'intermediate', platformEngineers: 4, vendorSupport: 'preferred' },
      needs: { runtimeSecurity: 'must', multiCluster: 'must', flowRetention: 'must', observability: 'must' },
      priorities: { cost: 1, capability: 5, risk: 4, simplicity: 2 },
      assumptions: { isovalentPricePerNodeYear: 900 },
    });
    expect(result.recommendation.option).toBe('isovalent-enterprise');
  });
});
