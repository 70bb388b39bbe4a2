import { COST_KEY_REGISTRY, COST_KEYS, type CostKey } from '../../schema/assumption-keys.js';
import { chartMoney, formatMeasure, formatUnitPrice } from '../../shared/format.js';

export interface ParameterLabel {
  /** Short enough for an axis label; the result's descriptions are full sentences. */
  readonly name: string;
  /** How a value is written: money in the engagement currency, a 0-1 share or a 0-100 percent as "%", or a count. */
  readonly kind: 'money' | 'share' | 'percent' | 'count';
  /** Written after the value; empty for percentages. */
  readonly unit: string;
}

/** The chart's label of each cost input: the registry's (src/schema/assumption-keys.ts). */
export const PARAMETER_LABELS: Readonly<Record<CostKey, ParameterLabel>> = Object.fromEntries(
  COST_KEYS.map((k) => {
    const { label, kind, unit } = COST_KEY_REGISTRY[k];
    return [k, { name: label, kind, unit }];
  }),
) as Record<CostKey, ParameterLabel>;

/** "€809 – €2,772 per node-year", "50 – 100 %", "4 – 16 h per cluster-month": the chart rule of the shared rounding rules. */
export function formatParameterRange(
  label: ParameterLabel,
  low: number,
  high: number,
  currency: string,
): string {
  const one = (x: number): string => {
    switch (label.kind) {
      case 'money':
        return x < 100 ? formatUnitPrice(x, currency) : chartMoney(x, currency);
      case 'share':
        return `${formatMeasure(x * 100)} %`;
      case 'percent':
        return `${formatMeasure(x)} %`;
      case 'count':
        return formatMeasure(x);
    }
  };
  const range = `${one(low)} – ${one(high)}`;
  return label.unit === '' ? range : `${range} ${label.unit}`;
}
