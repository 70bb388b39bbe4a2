import { formatMonth } from '../shared/format.js';

/** The rate the engine found, as its words need it. */
export interface ExchangeRateFacts {
  readonly currency: string;
  readonly perUsd: number;
  readonly origin: 'base' | 'ecb' | 'client';
  /** YYYY-MM of the ECB monthly average used; null for USD or the client's own rate. */
  readonly month: string | null;
  /** YYYY-MM of the report, where the data holds no average for it and the nearest month's is used; else null. */
  readonly asked: string | null;
  /** The ECB's rates of that month per euro (USD, and the engagement currency); null unless an ECB rate. */
  readonly perEur: { readonly usd: number; readonly local: number } | null;
  /** The data's citation of the ECB file; null unless an ECB rate. */
  readonly dataSource: string | null;
}

/**
 * The months an ECB rate averages, e.g. "November 2026", or "March 2026, the latest month in the data, for a
 * report dated May 2026" where the report's own month is not in the data.
 */
export function ecbMonthText(month: string, asked: string | null): string {
  const when = formatMonth(month);
  if (asked === null || asked === month) return when;
  const which = asked > month ? 'the latest' : 'the earliest';
  return `${when}, ${which} month in the data, for a report dated ${formatMonth(asked)}`;
}

/** What the rate is, in the client's words, with its month, for the report to print. */
export function exchangeRateVintage(fx: ExchangeRateFacts): string {
  if (fx.origin === 'base') return 'base currency';
  if (fx.origin === 'client' || fx.month === null) return 'the client’s own rate';
  return `ECB reference rates, monthly average for ${ecbMonthText(fx.month, fx.asked)}`;
}

/** Where the rate comes from, with its derivation from the ECB's per-euro rates. */
export function exchangeRateSource(fx: ExchangeRateFacts): string {
  if (fx.origin === 'base') return 'base currency';
  if (fx.origin === 'client' || fx.month === null || fx.perEur === null) {
    return `Client figure: ${fx.perUsd} ${fx.currency} per USD.`;
  }
  const { usd, local } = fx.perEur;
  const derivation =
    fx.currency === 'EUR' ? `1 / ${usd} USD per EUR` : `${local} ${fx.currency} per EUR / ${usd} USD per EUR`;
  return `${(fx.dataSource ?? '').trim()} ${formatMonth(fx.month)}: ${fx.perUsd} ${fx.currency} per USD = ${derivation}.`;
}

/** The rate with its words, in the order the engine has always given its fields. */
export function describeExchangeRate(
  fx: ExchangeRateFacts,
): ExchangeRateFacts & { readonly vintage: string; readonly source: string } {
  return { ...fx, vintage: exchangeRateVintage(fx), source: exchangeRateSource(fx) };
}
