import { formatMoney, formatPercent, joinAnd, lowerFirst } from '../shared/format.js';

export type PriceLimit =
  | { readonly kind: 'upTo'; readonly price: number }
  | { readonly kind: 'never' }
  | { readonly kind: 'beyond'; readonly price: number };

/** What the engine found for one option's price, as the quote-target sentence states it. */
export interface QuoteTargetFacts {
  readonly name: string;
  /** Unit of the price without the currency code, e.g. "per node-year". */
  readonly unit: string;
  /** The price the result used. */
  readonly current: number;
  /** Highest price at which the option is the recommendation (every other input as answered). */
  readonly recommended: PriceLimit;
  /** Highest price at which it is recommended in at least `confidence` of the seeded simulated draws. */
  readonly confident: PriceLimit;
  readonly confidence: number;
  /** Musts the option cannot meet, by name: no price makes it the recommendation while these stand. */
  readonly unmetMusts: readonly string[];
  /** Every other option misses a must this one meets: the price cannot change the recommendation. */
  readonly rivalsRuledOut: boolean;
}

/**
 * The quote target in one or two sentences for the client, e.g. "Isovalent Networking for Kubernetes becomes the
 * recommendation at a price of $72 per node-year or less (today $1,500); it is recommended in at least 80 % of
 * the simulated cost scenarios at $41 or less." For the report's sensitivity chapter and the terminal.
 */
export function quoteTargetSentence(target: QuoteTargetFacts, currency: string): string {
  const money = (x: number) => formatMoney(x, currency);
  const { name, unit } = target;
  const today = `today ${money(target.current)}`;
  const share = formatPercent(target.confidence);
  if (target.recommended.kind === 'never') {
    return target.unmetMusts.length > 0
      ? `${name} would not be recommended at any price: it cannot provide ${joinAnd(target.unmetMusts.map(lowerFirst))}, a must.`
      : `${name} would not be recommended even at no subscription cost: its other costs and risks outweigh it.`;
  }
  if (target.rivalsRuledOut) {
    return `${name} is the recommendation at any price: every alternative misses a must it meets.`;
  }
  const first =
    target.recommended.kind === 'beyond'
      ? `${name} stays the recommendation even at ${money(target.recommended.price)} ${unit}, a hundred times today's price (${money(target.current)})`
      : target.recommended.price >= target.current
        ? `${name} stays the recommendation at a price of ${money(target.recommended.price)} ${unit} or less (${today})`
        : `${name} becomes the recommendation at a price of ${money(target.recommended.price)} ${unit} or less (${today})`;
  const second =
    target.confident.kind === 'never'
      ? `at no price is it recommended in ${share} of the simulated cost scenarios`
      : target.confident.kind === 'beyond'
        ? `it is recommended in at least ${share} of the simulated cost scenarios at any price up to ${money(target.confident.price)}`
        : `it is recommended in at least ${share} of the simulated cost scenarios at ${money(target.confident.price)} or less${
            target.recommended.kind === 'upTo' && target.confident.price > target.recommended.price
              ? ', a higher price, since the simulated costs spread unevenly around their likely values'
              : ''
          }`;
  return `${first}; ${second}.`;
}
