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
  return `${Math.round(share * 100)} %`;
}

/** Rounds for the result JSON, so equal inputs give byte-identical output across platforms. */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
