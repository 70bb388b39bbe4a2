import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../../src/charts/render-chart.js';
import { compactMoney, compactMoneyExpr } from '../../../src/charts/specs/compact-money.js';
import { niceTicks } from '../../../src/charts/specs/nice-ticks.js';
import { formatParameterRange, PARAMETER_LABELS } from '../../../src/charts/specs/parameter-labels.js';
import { sidecarCosts } from '../../../src/charts/specs/sidecar-costs.js';
import { wrapText } from '../../../src/charts/specs/wrap-text.js';
import { measureTextWidth } from '../../../src/charts/text-metrics.js';
import { score } from '../../../src/index.js';
import { COST_KEYS } from '../../../src/schema/assumption-keys.js';
import { exampleAnswers, makeAnswers } from '../../helpers/make-answers.js';

describe('compactMoney and compactMoneyExpr', () => {
  const amounts = [
    0, 0.5, 12.5, 950, 999, 1000, 1500, 28_049, 472_052, 999_999, 1_127_620, 7_714_953, 2.5e9, -1500,
  ];

  it.each(['USD', 'EUR', 'GBP'])('print the same text in TypeScript and in Vega (%s)', async (currency) => {
    const { svg } = await renderChartSvg({
      data: { values: amounts.map((amount, i) => ({ amount, i })) },
      transform: [{ calculate: compactMoneyExpr(currency, 'datum.amount'), as: 'label' }],
      mark: 'text',
      encoding: { y: { field: 'i', type: 'ordinal', axis: null }, text: { field: 'label' } },
    });
    const drawn = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(drawn).toEqual(amounts.map((a) => compactMoney(a, currency)));
  });

  it('uses the currency symbol and SI-style suffixes', () => {
    expect(compactMoney(7_714_953, 'EUR')).toBe('€7.71M');
    expect(compactMoney(28_049, 'USD')).toBe('$28K');
    expect(compactMoney(2.5e9, 'GBP')).toBe('£2.5B');
  });
});

describe('sidecarCosts', () => {
  it('is null when the client runs no sidecars', () => {
    expect(sidecarCosts(score(exampleAnswers('small-team-basic')))).toBeNull();
  });

  it.each(['regulated-bank', 'scaleup-sidecar-cost', 'design-sample'])(
    'grows with the estate exactly as the engine does, and accounts for the sidecars kept after the move (%s)',
    (example) => {
      const answers = exampleAnswers(example);
      const result = score(answers);
      const costs = sidecarCosts(result);
      if (costs === null) throw new Error('expected sidecar costs');
      expect(costs.today).toBe(answers.mesh.sidecars);
      const growth = 1 + answers.cluster.growthPercentPerYear / 100;
      const first = costs.years[0]?.all ?? 0;
      for (const [y, year] of costs.years.entries()) {
        expect(year.all / first).toBeCloseTo(growth ** y, 4);
        expect(year.kept).toBeLessThan(year.all);
      }
      // Every path that moves keeps exactly the sidecars the chart shows as still needed.
      for (const o of result.options.filter((x) => x.stack.movesSidecars)) {
        expect(o.operations.sidecarsKept).toBe(costs.keptAfterMove);
      }
    },
  );

  it('is null for a mesh with no sidecar-free mode', () => {
    const result = score(
      makeAnswers({ cluster: { nodes: 40 }, mesh: { current: 'linkerd', sidecars: 500 } }),
    );
    expect(result.sidecarTax?.canMove).toBe(false);
    expect(sidecarCosts(result)).toBeNull();
  });
});

describe('niceTicks', () => {
  it.each([
    [832_316, 14_864_732],
    [17_883, 44_176],
    [0, 1],
    [5, 5],
  ])('starts and ends on a tick and covers [%d, %d]', (low, high) => {
    const { domain, values } = niceTicks(low, high, 6);
    expect(domain[0]).toBeLessThanOrEqual(low);
    expect(domain[1]).toBeGreaterThanOrEqual(high);
    expect(values[0]).toBe(domain[0]);
    expect(values[values.length - 1]).toBe(domain[1]);
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(values.length).toBeLessThanOrEqual(13);
  });
});

describe('wrapText', () => {
  it('keeps every line within the width and never parts a number from its percent sign', () => {
    const text =
      "Cilium's sidecar-free mesh retires 80 % of them; bar labels give the cost of keeping every sidecar.";
    for (const width of [120, 200, 320]) {
      const lines = wrapText(text, width, 11);
      expect(lines.join(' ').replace(/\u00a0/g, ' ')).toBe(text);
      for (const line of lines) expect(measureTextWidth(line, 11)).toBeLessThanOrEqual(width);
      for (const line of lines) expect(line).not.toMatch(/^%/);
    }
  });
});

describe('PARAMETER_LABELS', () => {
  it('labels every cost key, and ranges read naturally', () => {
    expect(Object.keys(PARAMETER_LABELS).sort()).toEqual([...COST_KEYS].sort());
    expect(formatParameterRange(PARAMETER_LABELS.isovalentPricePerNodeYear, 809.336, 2771.7, 'EUR')).toBe(
      '€809 – €2,772 per node-year',
    );
    expect(formatParameterRange(PARAMETER_LABELS.engineerCostPerYear, 110_000, 163_500, 'EUR')).toBe(
      '€110K – €164K per year',
    );
    expect(formatParameterRange(PARAMETER_LABELS.sidecarsRemovedWithCiliumPercent, 50, 100, 'USD')).toBe(
      '50 % – 100 %',
    );
    expect(formatParameterRange(PARAMETER_LABELS.isovalentSupportEffortFactor, 0.4, 0.85, 'USD')).toBe(
      '40 % – 85 % of Cilium operations',
    );
  });
});
