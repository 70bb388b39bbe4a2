import type { Dataset } from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import { formatMonth } from '../shared/format.js';
import type { Situation } from './derive-situation.js';

/** The rate USD defaults are converted at: units of the engagement currency per US dollar, and where it comes from. */
export interface ExchangeRate {
  readonly currency: string;
  readonly perUsd: number;
  /** `ecb`: an ECB monthly average from data/currencies.yaml; `client`: engagement.exchangeRate; `base`: USD itself. */
  readonly origin: 'base' | 'ecb' | 'client';
  /** YYYY-MM of the ECB monthly average used; null for USD or the client's own rate. */
  readonly month: string | null;
  /** What the rate is, in the client's words, with its month, for the report to print. */
  readonly vintage: string;
  readonly source: string;
}

/** Decimals kept of a derived rate: finer than the ECB's own (4 or 5), so conversions stay exact to the unit. */
const DECIMALS = 6;

/**
 * The rate for the report's month (engagement.date), or the latest month shipped for a later date or none; the
 * earliest for an earlier date. engagement.exchangeRate, the client's own rate, comes before any of them.
 */
export function exchangeRate(dataset: Dataset, engagement: Situation['engagement']): ExchangeRate {
  const { currency } = engagement;
  if (currency === 'USD') {
    return {
      currency,
      perUsd: 1,
      origin: 'base',
      month: null,
      vintage: 'base currency',
      source: 'base currency',
    };
  }
  if (engagement.exchangeRate !== undefined) {
    return {
      currency,
      perUsd: engagement.exchangeRate,
      origin: 'client',
      month: null,
      vintage: 'the client’s own rate',
      source: `Client figure: ${engagement.exchangeRate} ${currency} per USD.`,
    };
  }
  const { months } = dataset.currencies;
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) throw new InternalError('no exchange-rate months in data');
  const wanted = engagement.date?.slice(0, 7) ?? last.month;
  const entry =
    months.find((m) => m.month === wanted) ??
    (wanted > last.month ? last : wanted < first.month ? first : last);
  const perEur = (c: string) => (c === 'EUR' ? 1 : (entry.perEur as Record<string, number>)[c]);
  const usd = perEur('USD');
  const local = perEur(currency);
  if (usd === undefined || local === undefined) throw new InternalError(`no ECB rate for ${currency}`);
  const perUsd = Math.round((local / usd) * 10 ** DECIMALS) / 10 ** DECIMALS;
  const when = formatMonth(entry.month);
  const note =
    entry.month === wanted
      ? ''
      : wanted > entry.month
        ? `, the latest month in the data, for a report dated ${formatMonth(wanted)}`
        : `, the earliest month in the data, for a report dated ${formatMonth(wanted)}`;
  const derivation =
    currency === 'EUR' ? `1 / ${usd} USD per EUR` : `${local} ${currency} per EUR / ${usd} USD per EUR`;
  return {
    currency,
    perUsd,
    origin: 'ecb',
    month: entry.month,
    vintage: `ECB reference rates, monthly average for ${when}${note}`,
    source: `${dataset.currencies.source.trim()} ${when}: ${perUsd} ${currency} per USD = ${derivation}.`,
  };
}
