/** Money as a client reads it: currency sign, thousands separators, no cents (en-US conventions, fixed for determinism). */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    amount,
  );
}

/** Small unit prices (per vCPU-hour, per GB-hour) keep four significant digits. */
export function formatUnitPrice(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumSignificantDigits: 4 }).format(
    amount,
  );
}

export function formatNumber(x: number, fractionDigits = 0): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: fractionDigits }).format(x);
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
  const shown = formatNumber(value, Math.abs(value) < 10 ? 3 : 1);
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
