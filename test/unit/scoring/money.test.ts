import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { buildPlan, MUSTS_ONLY } from '../../../src/scoring/build-plan.js';
import { computeTco } from '../../../src/scoring/compute-tco.js';
import { deriveSituation } from '../../../src/scoring/derive-situation.js';
import { exchangeRate } from '../../../src/scoring/exchange-rate.js';
import { likelyScenario, resolveParameters } from '../../../src/scoring/resolve-parameters.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';
import { makeAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();

function operations(answers: ReturnType<typeof makeAnswers>, option: string): number {
  const situation = deriveSituation(answers, dataset);
  const plan = buildPlan(option, situation, situation.needs, dataset, MUSTS_ONLY);
  const scenario = likelyScenario(situation, dataset, resolveParameters(situation, dataset));
  return computeTco(plan, situation, scenario, dataset.model).years.reduce((s, y) => s + y.operations, 0);
}

describe('a fleet of identical clusters', () => {
  it.each(['flannel', 'cilium-oss', 'isovalent-enterprise'])(
    '%s: 20 clusters cost less upkeep than 20 times one, and more than one',
    (option) => {
      const one = makeAnswers({
        cluster: { clusters: 1, nodes: 3, services: 10 },
        mesh: { current: 'istio', sidecars: 30 },
      });
      const fleet = makeAnswers({
        cluster: { clusters: 20, nodes: 60, services: 200 },
        mesh: { current: 'istio', sidecars: 600 },
      });
      const single = operations(one, option);
      const twenty = operations(fleet, option);
      expect(twenty).toBeLessThan(20 * single);
      expect(twenty).toBeGreaterThan(single);
      // The first cluster's full upkeep, then the stated share of it for each further one.
      const share = dataset.costs.fleetMarginalClusterShare.likely;
      expect(twenty).toBeCloseTo(single * (1 + 19 * share), 6);
    },
  );
});

describe('exchange rates', () => {
  const engagement = (extra: Record<string, unknown>) => makeAnswers({ engagement: extra }).engagement;

  it('a report dated 2026-12 converts at a 2026 ECB monthly average, the latest shipped, and says so', () => {
    const rate = exchangeRate(dataset, engagement({ date: '2026-12-07', currency: 'EUR' }));
    expect(rate.origin).toBe('ecb');
    expect(rate.month?.slice(0, 4)).toBe('2026');
    expect(rate.month).toBe(dataset.currencies.months.at(-1)?.month);
    expect(rate.vintage).toContain('the latest month in the data');
    expect(rate.source).toContain('EXR.M.');
  });

  it('uses the month of the report date when it is shipped', () => {
    const rate = exchangeRate(dataset, engagement({ date: '2025-02-14', currency: 'EUR' }));
    const feb = dataset.currencies.months.find((m) => m.month === '2025-02');
    expect(rate.month).toBe('2025-02');
    expect(rate.perUsd).toBeCloseTo(1 / (feb?.perEur.USD ?? Number.NaN), 6);
  });

  it.each(['GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN'])(
    '%s per USD is its rate per EUR over the USD rate',
    (c) => {
      const rate = exchangeRate(dataset, engagement({ date: '2026-03-31', currency: c }));
      const march = dataset.currencies.months.find((m) => m.month === '2026-03')?.perEur as Record<
        string,
        number
      >;
      expect(rate.perUsd).toBeCloseTo((march[c] ?? Number.NaN) / (march.USD ?? Number.NaN), 6);
    },
  );

  it('engagement.exchangeRate overrides the ECB rate', () => {
    const rate = exchangeRate(dataset, engagement({ currency: 'CHF', exchangeRate: 0.8 }));
    expect(rate).toMatchObject({ perUsd: 0.8, origin: 'client', month: null });
  });

  it('a CHF engagement is costed in CHF throughout', () => {
    const answers = makeAnswers({ engagement: { currency: 'CHF', date: '2026-12-07' } });
    const result = scoreAnswers(answers, dataset, { draws: 50 });
    expect(result.currency.code).toBe('CHF');
    expect(result.currency.month).toBe('2026-03');
    const engineer = result.assumptions.find((a) => a.key === 'engineerCostPerYear');
    expect(engineer?.unit).toMatch(/^CHF /);
    expect(result.recommendation.reasons.join(' ')).toMatch(/CHF/);
    expect(result.recommendation.reasons.join(' ')).not.toContain('$');
  });
});
