import type { TopLevelSpec } from 'vega-lite';
import { optionsInOrder } from '../../result/options-in-order.js';
import type { EngineResult } from '../../result/result-types.js';
import { BASELINE_COLOUR } from '../chart-theme.js';
import { chartFrame, overHorizon } from './chart-frame.js';
import { compactMoney, compactMoneyExpr } from './compact-money.js';
import { optionNameExpr, optionsByRank } from './option-scale.js';

const BASELINE = 'baseline';
const BASELINE_NAME = 'Status quo (today’s stack)';
const HEIGHT = 260;

function cumulative(perYear: readonly number[]): number[] {
  let sum = 0;
  return perYear.map((cost) => {
    sum += cost;
    return sum;
  });
}

export function cumulativeTcoTitle(result: EngineResult): string {
  return `Cumulative cost ${overHorizon(result.engagement.horizonYears)} at the likely figures, ${result.engagement.currency}`;
}

export function cumulativeTcoDescription(result: EngineResult): string {
  const { currency, horizonYears } = result.engagement;
  const winner = result.options.find((o) => o.id === result.recommendation.option);
  const baseline = cumulative(result.baseline.tco.perYear);
  const totals = optionsByRank(result)
    .map((o) => `${o.name} ${compactMoney(o.tco.total, currency)}`)
    .join(', ');
  const summary = `By the end of year ${horizonYears} the cumulative cost is ${totals}, against ${compactMoney(result.baseline.tco.total, currency)} for staying as today`;
  if (winner === undefined) return `${summary}.`;
  const below = cumulative(winner.tco.perYear).findIndex((sum, y) => sum < (baseline[y] ?? 0));
  if (below < 0) return `${summary}; ${winner.name} stays above the status quo throughout.`;
  return `${summary}; ${winner.name} costs less than the status quo from year ${below + 1}.`;
}

/** One line per option and a dashed grey status-quo line, summed year by year. */
export function cumulativeTcoSpec(result: EngineResult): TopLevelSpec {
  const { currency, horizonYears } = result.engagement;
  const series = [
    ...optionsByRank(result).map((o) => ({ id: o.id as string, perYear: o.tco.perYear })),
    { id: BASELINE, perYear: result.baseline.tco.perYear },
  ];
  const values = series.flatMap((s) =>
    cumulative(s.perYear).map((cost, y) => ({ series: s.id, year: `Year ${y + 1}`, index: y, cost })),
  );
  const options = optionsInOrder(result);
  const domain = [...options.map((o) => o.id), BASELINE];
  const legend = {
    orient: 'bottom',
    direction: 'horizontal',
    title: null,
    labelExpr: optionNameExpr(result, { [BASELINE]: BASELINE_NAME }),
    // Two columns: four full option names on one line run past the chart's width.
    columns: 2,
    symbolStrokeWidth: 2,
    symbolSize: 70,
  } as const;
  const seriesField = { field: 'series', type: 'nominal', legend } as const;

  return {
    ...chartFrame(
      cumulativeTcoTitle(result),
      `Running total of all costs at the end of each year; one-off migration and training fall in year 1. Dashed: staying as today.`,
    ),
    height: HEIGHT,
    data: { values },
    mark: { type: 'line', point: { size: 55, filled: true }, strokeWidth: 2.25 },
    encoding: {
      x: {
        field: 'year',
        type: 'ordinal',
        sort: Array.from({ length: horizonYears }, (_, y) => `Year ${y + 1}`),
        title: null,
        axis: { labelAngle: 0 },
        scale: { padding: 0.4 },
      },
      y: {
        field: 'cost',
        type: 'quantitative',
        title: null,
        axis: { labelExpr: compactMoneyExpr(currency), tickCount: 6 },
      },
      color: {
        ...seriesField,
        scale: { domain, range: [...options.map((o) => o.colour), BASELINE_COLOUR] },
      },
      shape: {
        ...seriesField,
        scale: { domain, range: [...options.map((o) => o.mark), 'stroke'] },
      },
      strokeDash: {
        ...seriesField,
        scale: { domain, range: [...options.map(() => [1, 0]), [6, 4]] },
      },
      // Numeric order: by name, "Year 10" would come before "Year 2".
      order: { field: 'index' },
    },
  } satisfies TopLevelSpec;
}
