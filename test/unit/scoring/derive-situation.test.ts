import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { decideAnswers, decideFor } from '../../../src/scoring/decide-answers.js';
import { deriveNeeds } from '../../../src/scoring/derive-needs.js';
import { deriveSituation } from '../../../src/scoring/derive-situation.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();

describe('the client’s situation, derived once at the engine’s entry', () => {
  it('gives each group of an estate its own CNI, platform, nodes and share of the sidecars', () => {
    const answers = exampleAnswers('eks-plus-onprem');
    const s = deriveSituation(answers, dataset);
    const groups = answers.cluster.groups ?? [];
    expect(s.groups.map((g) => g.group.name)).toEqual(groups.map((g) => g.name));
    for (const [i, slice] of s.groups.entries()) {
      const g = groups[i];
      if (g === undefined) throw new Error('group missing');
      expect(slice.situation.cluster).toMatchObject({
        currentCni: g.currentCni,
        platforms: [g.platform],
        nodes: g.nodes,
        clusters: g.clusters,
      });
      expect(slice.situation.groups).toEqual([]);
      // What runs today is the group's own CNI's stack, not the estate's.
      const own = dataset.currentStacks.find((c) => c.cni === g.currentCni)?.components ?? [];
      for (const c of own.filter((x) => x !== 'kube-proxy'))
        expect(slice.situation.runsToday.has(c)).toBe(true);
    }
    const sidecars = s.groups.reduce((n, g) => n + g.situation.mesh.sidecars, 0);
    expect(Math.abs(sidecars - answers.mesh.sidecars)).toBeLessThanOrEqual(s.groups.length);
    expect(s.needs).toEqual(deriveNeeds(answers, dataset.rules));
  });

  it('decides a quoted price as it decides the answers file with that price in it', () => {
    const answers = exampleAnswers('scaleup-sidecar-cost');
    const situation = deriveSituation(answers, dataset);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (price) => {
        const viaSituation = decideFor(
          { ...situation, stated: { ...situation.stated, isovalentPricePerNodeYear: price } },
          dataset,
        );
        const viaAnswers = decideAnswers(
          { ...answers, assumptions: { ...answers.assumptions, isovalentPricePerNodeYear: price } },
          dataset,
        );
        expect(viaSituation.option).toBe(viaAnswers.option);
        expect(viaSituation.options).toEqual(viaAnswers.options);
      }),
      { numRuns: 12, seed: 20261207 },
    );
  });

  it('decides a stakeholder’s priorities as it decides the answers file with those priorities', () => {
    const answers = exampleAnswers('eks-plus-onprem');
    const situation = deriveSituation(answers, dataset);
    const weight = fc.integer({ min: 0, max: 5 });
    fc.assert(
      fc.property(
        fc.record({ cost: weight, capability: weight, risk: weight, simplicity: weight }),
        (priorities) => {
          const viaSituation = decideFor({ ...situation, priorities }, dataset);
          const viaAnswers = decideAnswers({ ...answers, priorities }, dataset);
          expect(viaSituation.options).toEqual(viaAnswers.options);
        },
      ),
      { numRuns: 12, seed: 20261207 },
    );
  });
});
