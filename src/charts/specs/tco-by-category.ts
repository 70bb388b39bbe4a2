import type { TopLevelSpec } from 'vega-lite';
import type { ByCategory, EngineResult } from '../../result/result-types.js';
import { TCO_CATEGORY_LABELS, type TcoCategory } from '../../schema/tco-categories.js';
import { BASELINE_COLOUR, CATEGORY_COLOURS } from '../chart-theme.js';
import { chartFrame, overHorizon } from './chart-frame.js';
import { compactMoney, compactMoneyExpr } from './compact-money.js';
import { LINE_BREAK, optionRowAxis } from './multiline-label.js';
import { optionColourScale, optionsByRank } from './option-scale.js';
import type { Axis, Scale } from './vega-lite-types.js';

/** Room right of the longest bar for its total, as a share of the largest total. */
const LABEL_HEADROOM = 0.15;
const ROW_HEIGHT = 46;

export function tcoByCategoryTitle(result: EngineResult): string {
  return `Total cost of ownership ${overHorizon(result.engagement.horizonYears)} at the likely figures, ${result.engagement.currency}`;
}

export function tcoByCategoryDescription(result: EngineResult): string {
  const { currency } = result.engagement;
  const totals = optionsByRank(result).map((o) => `${o.name} ${compactMoney(o.tco.total, currency)}`);
  return (
    `Total cost ${overHorizon(result.engagement.horizonYears)} at the likely value of every input: ${totals.join(', ')}; ` +
    `staying as today costs ${compactMoney(result.baseline.tco.total, currency)}.`
  );
}

/**
 * Horizontal bars, one per option in rank order, stacked by cost category, and the status quo as a last
 * row for reference. A rule for the status quo would cross the other bars' total labels.
 */
export function tcoByCategorySpec(result: EngineResult): TopLevelSpec {
  const { currency } = result.engagement;
  const options = optionsByRank(result);
  const rows: { option: string; label: string; byCategory: ByCategory; total: number }[] = [
    ...options.map((o) => ({
      option: o.id,
      label: o.id === result.recommendation.option ? `${o.name}${LINE_BREAK}Recommended` : o.name,
      byCategory: o.tco.byCategory,
      total: o.tco.total,
    })),
    {
      option: 'baseline',
      label: `Status quo${LINE_BREAK}today's stack, for reference`,
      byCategory: result.baseline.tco.byCategory,
      total: result.baseline.tco.total,
    },
  ];
  const categories = (Object.keys(CATEGORY_COLOURS) as TcoCategory[]).filter((c) =>
    rows.some((r) => r.byCategory[c] > 0),
  );
  const parts = rows.flatMap((r) =>
    categories
      .filter((c) => r.byCategory[c] > 0)
      .map((c) => ({
        label: r.label,
        category: TCO_CATEGORY_LABELS[c].long,
        order: categories.indexOf(c),
        amount: r.byCategory[c],
      })),
  );
  const totals = rows.map((r) => ({ ...r, totalText: compactMoney(r.total, currency) }));
  const max = Math.max(...rows.map((r) => r.total));

  const y = optionRowAxis(rows.map((r) => r.label));
  const moneyScale: Scale = { domain: [0, max * (1 + LABEL_HEADROOM)], nice: false };
  const moneyAxis: Axis = { labelExpr: compactMoneyExpr(currency), title: null, tickCount: 6, grid: true };
  const x = { type: 'quantitative', scale: moneyScale, axis: moneyAxis } as const;
  const marker = { type: 'square', size: 100, opacity: 1, xOffset: -11 } as const;

  return {
    ...chartFrame(
      tcoByCategoryTitle(result),
      `Stacked by cost category. Status quo: ${result.baseline.description}.`,
    ),
    height: rows.length * ROW_HEIGHT,
    layer: [
      {
        data: { values: parts },
        mark: { type: 'bar', stroke: 'white', strokeWidth: 1, height: { band: 0.62 } },
        encoding: {
          y,
          x: { ...x, field: 'amount', stack: 'zero' },
          order: { field: 'order' },
          color: {
            field: 'category',
            type: 'nominal',
            title: null,
            scale: {
              domain: categories.map((c) => TCO_CATEGORY_LABELS[c].long),
              range: categories.map((c) => CATEGORY_COLOURS[c]),
            },
            legend: { orient: 'bottom', direction: 'horizontal', columns: 3, symbolStrokeWidth: 0 },
          },
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', align: 'left', dx: 5, fontWeight: 600 },
        encoding: { y, x: { ...x, field: 'total' }, text: { field: 'totalText' } },
      },
      {
        // An option-coloured square ahead of each name ties the row to the option's colour in every other chart.
        data: { values: totals.filter((r) => r.option !== 'baseline') },
        mark: marker,
        encoding: {
          y,
          x: { ...x, datum: 0 },
          color: { field: 'option', type: 'nominal', scale: optionColourScale(result), legend: null },
        },
      },
      {
        data: { values: totals.filter((r) => r.option === 'baseline') },
        mark: { ...marker, filled: false, color: BASELINE_COLOUR, strokeWidth: 1.5, strokeDash: [2, 2] },
        encoding: { y, x: { ...x, datum: 0 } },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  } satisfies TopLevelSpec;
}
