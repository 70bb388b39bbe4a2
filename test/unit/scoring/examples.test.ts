import { describe, expect, it } from 'vitest';
import { score } from '../../../src/index.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

describe('bundled examples get the recommendation they were written for', () => {
  it.each([
    ['small-team-basic', 'flannel'],
    ['scaleup-sidecar-cost', 'cilium-oss'],
    ['regulated-bank', 'isovalent-enterprise'],
    ['design-sample', 'isovalent-enterprise'],
  ])('%s → %s', (name, expected) => {
    const result = score(exampleAnswers(name), undefined, { draws: 500 });
    expect(result.recommendation.option).toBe(expected);
    expect(result.recommendation.reasons.length).toBeGreaterThanOrEqual(3);
    expect(result.recommendation.reasons.length).toBeLessThanOrEqual(5);
    expect(result.recommendation.closeCall).toBe(false);
    expect(result.options.map((o) => o.id).sort()).toEqual(['cilium-oss', 'flannel', 'isovalent-enterprise']);
  });

  it('closes Flannel’s flow-retention gap with Retina and a flow store, costed, and rules it out on vendor support', () => {
    const result = score(exampleAnswers('regulated-bank'), undefined, { draws: 200 });
    const flannel = result.options.find((o) => o.id === 'flannel');
    expect(flannel?.capabilities.find((c) => c.id === 'flowRetention')?.level).toBe('add-on');
    expect(flannel?.stack.addons.map((a) => a.id)).toEqual(expect.arrayContaining(['retina', 'flow-store']));
    expect(flannel?.unmetMusts).not.toContain('flowRetention');
    expect(flannel?.disqualified).toBe(true);
    expect(flannel?.unmetMusts).toContain('vendorSupport');
    expect(flannel?.reasons.join(' ')).toMatch(
      /vendor support, a must: SLA-backed 24x7 vendor support was stated as required/,
    );
  });

  it('shows EUR figures for a EUR engagement, from European salary data', () => {
    const result = score(exampleAnswers('regulated-bank'), undefined, { draws: 200 });
    const engineer = result.assumptions.find((a) => a.key === 'engineerCostPerYear');
    expect(engineer?.value).toBe(131700);
    expect(engineer?.unit).toMatch(/^EUR /);
    const price = result.assumptions.find((a) => a.key === 'isovalentPricePerNodeYear');
    // At the ECB monthly average for the report's month (the latest shipped for a later date).
    expect(result.currency.origin).toBe('ecb');
    expect(price?.value).toBeCloseTo(1500 * result.currency.perUsd, 6);
    expect(price?.source).toContain(
      `Converted from USD at ${result.currency.perUsd} EUR per USD (ECB reference rates`,
    );
    expect(result.recommendation.reasons.join(' ')).not.toContain('$');
  });

  it('is deterministic for a seed and varies only the Monte Carlo with another seed', () => {
    const a = score(exampleAnswers('scaleup-sidecar-cost'), undefined, { draws: 300, seed: 7 });
    const b = score(exampleAnswers('scaleup-sidecar-cost'), undefined, { draws: 300, seed: 7 });
    const c = score(exampleAnswers('scaleup-sidecar-cost'), undefined, { draws: 300, seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.options).toEqual(
      a.options.map((o) => ({
        ...o,
        // Cost reasons quote the simulated medians.
        reasons: expect.any(Array),
        because: expect.any(Array),
        tco: {
          ...o.tco,
          p10: expect.any(Number),
          p50: expect.any(Number),
          p90: expect.any(Number),
          likelyPercentile: expect.any(Number),
          median: expect.any(Number),
          medianSavingsVsBaseline: expect.any(Number),
        },
      })),
    );
    expect(c.monteCarlo.options).not.toEqual(a.monteCarlo.options);
  });

  it('adds up: categories and years sum to the total for every option', () => {
    const result = score(exampleAnswers('design-sample'), undefined, { draws: 200 });
    for (const o of [...result.options.map((x) => x.tco), result.baseline.tco]) {
      const byCat = Object.values(o.byCategory).reduce((s, x) => s + x, 0);
      expect(byCat).toBe(o.total);
      expect(o.perYear.reduce((s, x) => s + x, 0)).toBe(o.total);
    }
  });
});
