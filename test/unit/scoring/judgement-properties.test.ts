import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score } from '../../../src/index.js';
import { loadDataset } from '../../../src/io/load-dataset.js';
import type { Dataset } from '../../../src/schema/dataset.js';
import { makeAnswers } from '../../helpers/make-answers.js';
import { withWorldsScaled } from '../../helpers/scaled-worlds.js';

const PARAMS = { numRuns: 30, seed: 20261201 };
const MEETS_A_MUST = new Set(['add-on', 'built-in', 'enterprise']);

const situation = fc
  .record({
    clusters: fc.integer({ min: 1, max: 8 }),
    extraNodes: fc.integer({ min: 0, max: 1500 }),
    services: fc.integer({ min: 0, max: 9000 }),
    currentCni: fc.constantFrom('flannel', 'calico', 'cilium', 'aws-vpc-cni', 'azure-cni', 'weave'),
    kubeProxyMode: fc.constantFrom('iptables', 'ipvs', 'nftables'),
    mesh: fc.constantFrom('none', 'istio', 'linkerd'),
    sidecarShare: fc.double({ min: 0, max: 0.8, noNaN: true }),
    engineers: fc.integer({ min: 1, max: 8 }),
    ebpf: fc.constantFrom('none', 'some', 'deep'),
    vendor: fc.constantFrom('none', 'preferred', 'required'),
    retention: fc.constantFrom(0, 365),
    frameworks: fc.subarray(['pci-dss', 'soc2', 'fedramp'] as const),
    platform: fc.constantFrom('self-managed', 'eks', 'aks', 'rke2'),
    weights: fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 1, max: 5 }))),
  })
  .map((c) => {
    const nodes = c.clusters + c.extraNodes;
    return makeAnswers({
      cluster: {
        clusters: c.clusters,
        nodes,
        podsPerNode: 20,
        services: c.services,
        currentCni: c.currentCni,
        kubeProxyMode: c.currentCni === 'cilium' ? 'none' : c.kubeProxyMode,
        platforms: [c.platform],
      },
      mesh: { current: c.mesh, sidecars: c.mesh === 'none' ? 0 : Math.floor(c.sidecarShare * nodes * 20) },
      team: { platformEngineers: c.engineers, ebpfExperience: c.ebpf, vendorSupport: c.vendor },
      compliance: { frameworks: [...c.frameworks], flowLogRetentionDays: c.retention },
      priorities: {
        cost: c.weights[0],
        capability: c.weights[1],
        risk: c.weights[2],
        simplicity: c.weights[3],
      },
    });
  });

const run = (answers: ReturnType<typeof makeAnswers>, dataset?: Dataset) =>
  score(answers, dataset, { draws: 120 });

describe('judgement invariants', () => {
  it('staying on what the client runs costs no data-plane migration', () => {
    fc.assert(
      fc.property(situation, (answers) => {
        const result = run(answers);
        // Weave Net is abandoned: no path stays on it, so there is no incumbent to weigh.
        if (answers.cluster.currentCni === 'weave') {
          expect(result.recommendation.change.incumbent).toBeNull();
          return;
        }
        const stay = result.options.find((o) => o.id === result.recommendation.change.incumbent);
        expect(stay).toBeDefined();
        expect(stay?.keepsCurrentCni).toBe(true);
        expect(stay?.migration.cniHours).toBe(0);
        expect(stay?.risks.map((r) => r.id)).not.toContain('cni-migration');
      }),
      PARAMS,
    );
  });

  it('a must met only in part is never reported as met', () => {
    fc.assert(
      fc.property(situation, (answers) => {
        const result = run(answers);
        for (const o of result.options) {
          for (const c of o.capabilities.filter((x) => x.importance === 'must')) {
            expect(o.unmetMusts.includes(c.id), `${o.id} ${c.id} ${c.level}`).toBe(
              !MEETS_A_MUST.has(c.level),
            );
          }
          if (!o.disqualified) expect(o.unmetMusts).toEqual([]);
        }
        const winner = result.options.find((o) => o.id === result.recommendation.option);
        expect(result.recommendation.meetsAllMusts).toBe(winner?.unmetMusts.length === 0);
      }),
      PARAMS,
    );
  });

  it('the same Services split over more clusters never raise the per-node kube-proxy cost', () => {
    fc.assert(
      fc.property(situation, fc.integer({ min: 1, max: 6 }), (answers, more) => {
        const spread = makeAnswers({
          ...answers,
          cluster: {
            ...answers.cluster,
            clusters: answers.cluster.clusters + more,
            nodes: answers.cluster.nodes + more,
          },
        });
        const before = run(answers);
        const after = run(spread);
        for (const o of before.options) {
          const later = after.options.find((x) => x.id === o.id);
          if (o.stack.components.includes('kube-proxy') && later?.stack.components.includes('kube-proxy')) {
            expect(later.operations.perNodeVcpu).toBeLessThanOrEqual(o.operations.perNodeVcpu + 1e-9);
          }
        }
      }),
      PARAMS,
    );
  });

  it('without uncertainty the recommendation wins every draw; with it, confidence can only be lower', () => {
    const pinned = withWorldsScaled(loadDataset(), 0);
    fc.assert(
      fc.property(situation, (answers) => {
        const certain = run(answers, pinned);
        const uncertain = run(answers);
        expect(certain.recommendation.confidence).toBe(1);
        expect(uncertain.recommendation.confidence).toBeLessThanOrEqual(certain.recommendation.confidence);
      }),
      { ...PARAMS, numRuns: 15 },
    );
  });

  it('every option of a stack that was weighed says why it was taken in or left out', () => {
    fc.assert(
      fc.property(situation, (answers) => {
        for (const o of run(answers).options) {
          for (const d of o.stack.decisions)
            expect(d.reason).toMatch(d.taken ? /included|taken/ : /left out/);
        }
      }),
      PARAMS,
    );
  });
});
