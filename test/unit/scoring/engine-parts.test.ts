import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_IDS, type CapabilityId, type OptionId } from '../../../src/schema/dataset.js';
import type { CapabilityFit } from '../../../src/scoring/build-plan.js';
import { unmetMusts } from '../../../src/scoring/capability-fit.js';
import type { Need } from '../../../src/scoring/derive-needs.js';
import {
  type ChangeHurdle,
  type CRITERIA,
  type OptionEvaluation,
  pickWinner,
  type Weights,
  weightedScore,
} from '../../../src/scoring/evaluate-options.js';
import { weightSensitivity } from '../../../src/scoring/sensitivity.js';
import { vendorSupportOn } from '../../../src/scoring/vendor-support.js';
import { makeDataset } from '../../helpers/make-dataset.js';

/** The engine's parts on inputs made here, not through the shipped data. */
describe('pickWinner with the change rule', () => {
  const option = (id: OptionId, score: number, blockers = 0) => ({ id, score, blockers });

  it('keeps the incumbent unless a challenger leads it by more than its hurdle', () => {
    const hurdle: ChangeHurdle = { incumbent: 'flannel', hurdles: { 'cilium-oss': 0.05 } };
    const stay = option('flannel', 0.7);
    expect(pickWinner([stay, option('cilium-oss', 0.74)], hurdle).id).toBe('flannel');
    expect(pickWinner([stay, option('cilium-oss', 0.76)], hurdle).id).toBe('cilium-oss');
  });

  it('ignores the hurdle when the incumbent misses more musts than the best option', () => {
    const hurdle: ChangeHurdle = { incumbent: 'flannel', hurdles: { 'cilium-oss': 0.5 } };
    expect(pickWinner([option('flannel', 0.9, 1), option('cilium-oss', 0.6)], hurdle).id).toBe('cilium-oss');
  });
});

describe('unmetMusts', () => {
  const fitAt = (level: CapabilityFit['level']) =>
    ({ level, possibleLevel: level, addons: [], note: '', source: '' }) as unknown as CapabilityFit;
  const need = (importance: Need['importance']) => ({ importance }) as Need;

  it('counts a must met only in part, or not at all, as unmet; add-on and better as met', () => {
    const ids = CAPABILITY_IDS;
    const levels = ['none', 'partial', 'add-on', 'built-in', 'enterprise'] as const;
    for (const level of levels) {
      const fits = Object.fromEntries(ids.map((id) => [id, fitAt(level)])) as Record<
        CapabilityId,
        CapabilityFit
      >;
      const needs = Object.fromEntries(ids.map((id) => [id, need('must')])) as Record<CapabilityId, Need>;
      expect(unmetMusts(fits, needs).length, level).toBe(
        level === 'none' || level === 'partial' ? ids.length : 0,
      );
    }
  });
});

describe('vendorSupportOn', () => {
  const source = 'https://example.com/support';
  const dataset = makeDataset({
    platforms: {
      eks: {
        name: 'EKS',
        supports: [
          { cni: 'cilium', vendor: 'AWS', level: 'partial', clouds: ['on-prem'], note: 'n', source },
        ],
      },
      aks: { name: 'AKS', supports: [{ cni: 'cilium', vendor: 'MS', level: 'built-in', note: 'n', source }] },
      'self-managed': { supports: [] },
    },
  });

  it('is built in only when every platform supports the CNI in full; partial when some do; null when none', () => {
    expect(vendorSupportOn(dataset, ['aks'], 'cilium', ['azure'])?.level).toBe('built-in');
    expect(vendorSupportOn(dataset, ['aks', 'eks'], 'cilium', ['azure', 'aws', 'on-prem'])?.level).toBe(
      'partial',
    );
    expect(vendorSupportOn(dataset, ['aks', 'self-managed'], 'cilium', ['azure'])?.level).toBe('partial');
    expect(vendorSupportOn(dataset, ['self-managed'], 'cilium', ['on-prem'])).toBeNull();
    expect(vendorSupportOn(dataset, ['aks'], 'flannel', ['azure'])).toBeNull();
    // Support scoped to some clouds (AWS's Cilium: EKS Hybrid Nodes, on premises) holds only there, not in AWS.
    expect(vendorSupportOn(dataset, ['eks'], 'cilium', ['aws'])).toBeNull();
    expect(vendorSupportOn(dataset, ['eks'], 'cilium', ['aws', 'on-prem'])?.level).toBe('partial');
  });
});

describe('weightSensitivity with the change rule', () => {
  const criteria = fc.record({
    cost: fc.double({ min: 0, max: 1, noNaN: true }),
    capability: fc.double({ min: 0, max: 1, noNaN: true }),
    risk: fc.double({ min: 0, max: 1, noNaN: true }),
    simplicity: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const weight = fc.double({ min: 0.5, max: 5, noNaN: true });

  it('puts each boundary where pickWinner, under the same hurdle, changes its answer', () => {
    fc.assert(
      fc.property(
        criteria,
        criteria,
        fc.record({ cost: weight, capability: weight, risk: weight, simplicity: weight }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (a, b, weights: Weights, h) => {
          const hurdle: ChangeHurdle = { incumbent: 'flannel', hurdles: { 'cilium-oss': h } };
          const evaluate = (w: Weights) =>
            [
              {
                id: 'flannel' as const,
                criteria: a,
                score: weightedScore(a, w),
                blockers: 0,
                unmetMusts: [],
              },
              {
                id: 'cilium-oss' as const,
                criteria: b,
                score: weightedScore(b, w),
                blockers: 0,
                unmetMusts: [],
              },
            ] as unknown as OptionEvaluation[];
          const winner = pickWinner(evaluate(weights), hurdle).id;
          for (const f of weightSensitivity(evaluate(weights), weights, winner, hurdle)) {
            const c = f.key as (typeof CRITERIA)[number];
            for (const x of [f.keepsFrom + 1e-6, f.keepsTo - 1e-6]) {
              if (x < 0 || x > 5 || f.keepsTo - f.keepsFrom < 1e-5) continue;
              expect(pickWinner(evaluate({ ...weights, [c]: x }), hurdle).id).toBe(winner);
            }
            if (f.flipsAt !== null && f.newWinner !== null) {
              const beyond = f.flipsAt < f.current ? f.flipsAt - 1e-6 : f.flipsAt + 1e-6;
              if (beyond >= 0 && beyond <= 5)
                expect(pickWinner(evaluate({ ...weights, [c]: beyond }), hurdle).id).toBe(f.newWinner);
            }
          }
        },
      ),
      { numRuns: 200, seed: 20261201 },
    );
  });
});
