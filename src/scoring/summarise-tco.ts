import { type ByCategory, TCO_CATEGORIES, type TcoBreakdown, yearTotal } from './compute-tco.js';
import type { TcoSummary } from './score-result.js';

/**
 * A TCO as the result states it: each category of each year rounded to the unit, the totals summed from those, so
 * every table adds up; with the saving against staying as today when its total is given.
 */
export function summariseTco(t: TcoBreakdown, baselineTotal: number | null): TcoSummary {
  const byYear = t.years.map(
    (y) => Object.fromEntries(TCO_CATEGORIES.map((c) => [c, Math.round(y[c])])) as ByCategory,
  );
  const perYear = byYear.map(yearTotal);
  const byCategory = Object.fromEntries(
    TCO_CATEGORIES.map((c) => [c, byYear.reduce((s, y) => s + y[c], 0)]),
  ) as ByCategory;
  const total = perYear.reduce((s, x) => s + x, 0);
  return {
    total,
    perYear,
    byCategory,
    byYear,
    ...(baselineTotal === null ? {} : { savingsVsBaseline: baselineTotal - total }),
  };
}
