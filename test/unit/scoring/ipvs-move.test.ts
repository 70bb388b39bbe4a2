import { describe, expect, it } from 'vitest';
import { score } from '../../../src/index.js';
import type { ScoreResult } from '../../../src/scoring/score-result.js';
import { makeAnswers } from '../../helpers/make-answers.js';
import { makeDataset } from '../../helpers/make-dataset.js';

/** The tests' own calendar: IPVS off by default from 2027-08, whatever data/model.yaml now estimates. */
const dataset = makeDataset({ set: { model: { ipvsDefaultOff: { release: '1.40', month: '2027-08' } } } });

const onIpvs = (date: string, horizonYears = 3, kubeProxyMode = 'ipvs', services = 100): ScoreResult =>
  score(
    makeAnswers({
      engagement: { client: 'Test Client', date, horizonYears },
      cluster: { clusters: 4, nodes: 120, currentCni: 'calico', kubeProxyMode, services },
    }),
    dataset,
    { draws: 50 },
  );

const hourly = (r: ScoreResult) => {
  const value = (key: string) => r.assumptions.find((a) => a.key === key)?.value ?? Number.NaN;
  return value('engineerCostPerYear') / value('engineerHoursPerYear');
};

describe('kube-proxy in IPVS mode: the move off it before that mode is switched off by default (KEP-5495)', () => {
  it('is costed on a path that keeps kube-proxy, in the year IPVS goes off by default, and nowhere else', () => {
    // IPVS off by default from 2027-08 falls in year 2 of a report dated 2026-03.
    const r = onIpvs('2026-03-01');
    const keeps = r.options.filter((o) => !o.stack.components.every((c) => c !== 'kube-proxy'));
    const replaces = r.options.filter((o) => o.stack.components.every((c) => c !== 'kube-proxy'));
    expect(keeps.length).toBeGreaterThan(0);
    expect(replaces.length).toBeGreaterThan(0);
    const perCluster = r.assumptions.find((a) => a.key === 'ipvsMoveHoursPerCluster')?.value ?? 0;
    for (const o of keeps) {
      expect(o.migration.kubeProxyModeYear, o.id).toBe(2);
      expect(o.migration.kubeProxyModeHours, o.id).toBeGreaterThanOrEqual(Math.round(perCluster * 4 * 0.8));
      // Year 2 holds the move and nothing else of the migration (the hours are shown rounded, hence 2 %).
      const cost = o.migration.kubeProxyModeHours * hourly(r);
      expect(Math.abs((o.tco.byYear[1]?.migration ?? 0) - cost), o.id).toBeLessThan(cost * 0.02);
    }
    for (const o of replaces) {
      expect(o.migration.kubeProxyModeHours, o.id).toBe(0);
      expect(o.migration.kubeProxyModeYear, o.id).toBeNull();
      expect(o.tco.byYear[1]?.migration, o.id).toBe(0);
    }
    // Doing nothing is not free of it either.
    expect(r.baseline.tco.byYear[1]?.migration).toBeGreaterThan(0);
  });

  it('falls in the first year once that month is near or past, and outside a horizon that ends before it', () => {
    for (const date of ['2027-01-15', '2030-06-01'])
      for (const o of onIpvs(date).options)
        if (o.migration.kubeProxyModeHours > 0) expect(o.migration.kubeProxyModeYear).toBe(1);
    for (const o of onIpvs('2025-01-01', 2).options) {
      expect(o.migration.kubeProxyModeHours).toBe(0);
      expect(o.migration.kubeProxyModeYear).toBeNull();
    }
  });

  it('costs nothing for kube-proxy in iptables or nftables mode', () => {
    for (const mode of ['iptables', 'nftables'])
      for (const o of onIpvs('2026-03-01', 3, mode).options) expect(o.migration.kubeProxyModeHours).toBe(0);
  });

  it('prices kube-proxy at IPVS mode’s CPU until the move and at nftables mode’s from the year of the move on', () => {
    // Many Services, so kube-proxy's CPU per Service shows in the compute cost; the move falls in year 2.
    const ipvs = onIpvs('2026-03-01', 3, 'ipvs', 20_000);
    const nftables = onIpvs('2026-03-01', 3, 'nftables', 20_000);
    const { kubeProxyModeFactor } = dataset.model;
    expect(kubeProxyModeFactor.ipvs).toBeGreaterThan(
      kubeProxyModeFactor.nftables ?? Number.POSITIVE_INFINITY,
    );
    expect(dataset.model.ipvsDefaultOff.movesTo).toBe('nftables');
    const keeps = ipvs.options.filter((o) => o.migration.kubeProxyModeYear === 2);
    expect(keeps.length).toBeGreaterThan(0);
    for (const o of keeps) {
      const same = nftables.options.find((n) => n.id === o.id);
      if (same === undefined) throw new Error(`no ${o.id} on nftables`);
      const compute = (r: typeof o, y: number) => r.tco.byYear[y]?.compute ?? Number.NaN;
      expect(compute(o, 0), o.id).toBeGreaterThan(compute(same, 0));
      for (const y of [1, 2]) expect(compute(o, y), `${o.id} year ${y + 1}`).toBe(compute(same, y));
    }
  });
});
