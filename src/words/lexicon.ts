import { formatMoney } from '../shared/format.js';

/** What the words layer names things by: the options, the capabilities with the reason each is needed, the money. */
export interface Lexicon {
  readonly currency: string;
  readonly horizonYears: number;
  readonly options: Readonly<Record<string, { readonly name: string; readonly short: string }>>;
  readonly capabilities: Readonly<Record<string, { readonly name: string; readonly reason: string }>>;
}

/** A lexicon from what the result states: its options, its needs and its engagement. */
export function lexiconOf(
  options: readonly { readonly id: string; readonly name: string; readonly short: string }[],
  needs: readonly {
    readonly capability: string;
    readonly name: string;
    readonly reasons: readonly string[];
  }[],
  currency: string,
  horizonYears: number,
): Lexicon {
  return {
    currency,
    horizonYears,
    options: Object.fromEntries(options.map((o) => [o.id, { name: o.name, short: o.short }])),
    capabilities: Object.fromEntries(
      needs.map((n) => [n.capability, { name: n.name, reason: n.reasons[0] ?? '' }]),
    ),
  };
}

/** The option's name in running text ("Cilium OSS"). */
export const shortName = (lex: Lexicon, id: string) => lex.options[id]?.short ?? id;
/** The option's full name ("Isovalent Networking for Kubernetes"). */
export const fullName = (lex: Lexicon, id: string) => lex.options[id]?.name ?? id;
export const capabilityName = (lex: Lexicon, id: string) => lex.capabilities[id]?.name ?? id;
export const horizon = (lex: Lexicon) => `${lex.horizonYears} ${lex.horizonYears === 1 ? 'year' : 'years'}`;
export const money = (lex: Lexicon, x: number) => formatMoney(x, lex.currency);
