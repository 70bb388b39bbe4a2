/*
 * Rounding, one rule per kind of figure (the methodology states them to the client):
 * - money in text and tables: whole currency units (formatMoney); a table's totals are the sums of its parts as
 *   shown, because the result rounds each year's categories first and adds the rounded figures;
 * - money in chart labels: whole units below 10,000, above that three significant digits with K, M or B
 *   (chartMoney), so a chart never shows a rounded figure that looks exact beside a table's exact one;
 * - unit prices below 100 (per vCPU-hour, per GB-hour): four significant digits (formatUnitPrice);
 * - shares and probabilities: whole percent (formatPercent);
 * - a threshold (a break-even, a quote target, the edge of a priority's stable range) is printed at its
 *   precision as the last value that keeps today's recommendation ("at €8,323 or less", "holds from 1.7") or the
 *   first that changes it ("rose to €8,324 or more", "at 1.6 or less"), never as a rounding of the exact point
 *   that could land on either side (roundThreshold).
 */

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The en-US number format with these options (en-US conventions, fixed for determinism), made once: making one
 * costs many times what formatting with it does, and a report formats thousands of figures. A handful of option
 * sets and currencies, so the cache stays small.
 */
export function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', options);
    formatters.set(key, format);
  }
  return format;
}

/** Money as a client reads it: currency sign, thousands separators, no cents (en-US conventions, fixed for determinism). */
export function formatMoney(amount: number, currency: string): string {
  return numberFormat({ style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** Small unit prices (per vCPU-hour, per GB-hour) keep four significant digits. */
export function formatUnitPrice(amount: number, currency: string): string {
  return numberFormat({ style: 'currency', currency, maximumSignificantDigits: 4 }).format(amount);
}

/** Money in a chart label: exact whole units below 10,000, "€28.5K" and "$1.2M" above. */
export function chartMoney(amount: number, currency: string): string {
  if (Math.abs(amount) < 10_000) return formatMoney(amount, currency);
  return numberFormat({
    style: 'currency',
    currency,
    notation: 'compact',
    maximumSignificantDigits: 3,
  }).format(amount);
}

/**
 * A threshold on a multiple of `step`: toward `current` for the last printed value that keeps today's
 * recommendation, away from it for the first that changes it. For a flip at €8,323.60 above today's price:
 * "recommended at €8,323 or less" (keeps) and "would change if it rose to €8,324 or more" (changes).
 */
export function roundThreshold(
  threshold: number,
  current: number,
  step: number,
  side: 'keeps' | 'changes' = 'keeps',
): number {
  const units = threshold / step;
  const down = threshold > current === (side === 'keeps');
  // The tolerance keeps a threshold that is a whole number of steps (up to floating-point noise) as it is.
  const whole = down ? Math.floor(units + 1e-9) : Math.ceil(units - 1e-9);
  // Math.ceil of a hair below zero is -0, which would print as "-0".
  return whole === 0 ? 0 : roundTo(whole * step, 10);
}

/** The step a money threshold is printed at: whole units from 100, else four significant digits. */
export function moneyStep(amount: number): number {
  const magnitude = Math.abs(amount);
  return magnitude >= 100 || magnitude === 0 ? 1 : 10 ** (Math.floor(Math.log10(magnitude)) - 3);
}

export function formatNumber(x: number, fractionDigits = 0): string {
  return numberFormat({ maximumFractionDigits: fractionDigits }).format(x);
}

/** A measured input (hours, millicores, days), in tables and chart labels alike: three decimals below 10, else one. */
export function formatMeasure(x: number): string {
  return formatNumber(x, Math.abs(x) < 10 ? 3 : 1);
}

export function formatPercent(share: number): string {
  return `${formatNumber(Math.round(share * 100))} %`;
}

/** Rounds for the result JSON, so equal inputs give byte-identical output across platforms. */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A YYYY-MM month as a client reads it: "March 2026". */
export function formatMonth(isoMonth: string): string {
  return MONTH.format(new Date(`${isoMonth}-01T00:00:00Z`));
}

/** A count with its noun, singular for exactly one: "1 day", "0.5 days", "3 clusters". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count, Number.isInteger(count) ? 0 : 1)} ${count === 1 ? one : many}`;
}

/**
 * A data unit after its value: the leading plural noun singular for exactly one ("1 day per engineer",
 * "1 engineer-hour per cluster"); units that start otherwise ("EUR per node-year") are left as they are.
 */
export function unitFor(value: number, unit: string): string {
  if (value !== 1) return unit;
  return unit.replace(/^([A-Za-z-]+?)s\b/, '$1');
}

/** A YYYY-MM-DD date as a client reads it on a cover: "24 November 2026". */
export function formatLongDate(isoDate: string): string {
  return LONG_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * A value with its unit as data/ states it ("EUR per vCPU-hour", "percent of sidecars"): money when the
 * unit starts with the currency code, a plain number otherwise.
 */
export function formatQuantity(
  value: number,
  unit: string,
  currency: string,
): { value: string; unit: string } {
  if (unit.startsWith(`${currency} `)) {
    const rest = unit.slice(currency.length + 1);
    const amount = Math.abs(value) >= 100 ? formatMoney(value, currency) : formatUnitPrice(value, currency);
    return { value: amount, unit: rest };
  }
  const shown = formatMeasure(value);
  return { value: shown, unit: unitFor(shown === '1' ? 1 : value, unit) };
}

/** A name inside a sentence: "Vendor support" becomes "vendor support", but "L7 policy" keeps its capital. */
export function lowerFirst(name: string): string {
  const second = name.charAt(1);
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase()
    ? name.charAt(0).toLowerCase() + name.slice(1)
    : name;
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
