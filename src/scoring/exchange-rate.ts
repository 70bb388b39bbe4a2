import type { Dataset } from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import { describeExchangeRate, type ExchangeRateFacts } from '../words/exchange-rate-text.js';
import type { Situation } from './derive-situation.js';

/** The rate USD defaults are converted at: units of the engagement currency per US dollar, and where it comes from. */
export interface ExchangeRate extends ExchangeRateFacts {
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
  return describeExchangeRate(exchangeRateFacts(dataset, engagement));
}

function exchangeRateFacts(dataset: Dataset, engagement: Situation['engagement']): ExchangeRateFacts {
  const { currency } = engagement;
  const none = { month: null, asked: null, perEur: null, dataSource: null };
  if (currency === 'USD') return { currency, perUsd: 1, origin: 'base', ...none };
  if (engagement.exchangeRate !== undefined) {
    return { currency, perUsd: engagement.exchangeRate, origin: 'client', ...none };
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
  return {
    currency,
    perUsd: Math.round((local / usd) * 10 ** DECIMALS) / 10 ** DECIMALS,
    origin: 'ecb',
    month: entry.month,
    asked: entry.month === wanted ? null : wanted,
    perEur: { usd, local },
    dataSource: dataset.currencies.source,
  };
}
