import { chartMoney, numberFormat } from '../../shared/format.js';
import { vegaString } from './vega-string.js';

/**
 * Money in the short form chart labels use ("$2,772", "€1.13M", "$28.5K"): the chart rule of the shared
 * rounding rules. `compactMoney` is for text built here (totals, captions, alt text); `compactMoneyExpr` is the
 * same text as a Vega expression, for the axis ticks only Vega knows.
 */
export function compactMoney(amount: number, currency: string): string {
  return chartMoney(amount, currency);
}

function currencySymbol(currency: string): string {
  const parts = numberFormat({ style: 'currency', currency }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}

/**
 * Builds the label from the symbol and d3's `s` format rather than a currency locale: Vega's d3-format
 * locale is process-wide, so a EUR chart must not depend on (or change) it. Below 1000 `s` would print
 * milli-units, so plain significant digits take over.
 */
export function compactMoneyExpr(currency: string, value = 'datum.value'): string {
  const symbol = vegaString(currencySymbol(currency));
  const magnitude = `abs(${value})`;
  const digits = `(${magnitude} < 10000 ? format(${magnitude}, ',.0f') : replace(replace(format(${magnitude}, '.3~s'), 'k', 'K'), 'G', 'B'))`;
  return `(${value} < 0 ? '-' : '') + ${symbol} + ${digits}`;
}
