import type { Importance } from '../schema/answers.js';
import { formatMoney, joinAnd, lowerFirst } from '../shared/format.js';
import { capabilityName, horizon, type Lexicon } from './lexicon.js';

/** The facts of one piece weighed for a stack (the engine's StackDecision, as result.json carries it). */
export interface StackDecisionFacts {
  readonly capability: string | null;
  readonly importance: Importance | null;
  readonly addons: readonly string[];
  readonly taken: boolean;
  readonly tcoChange: number;
  readonly newComponents: number;
  readonly planned?: boolean;
}

/** Why a should or nice need's add-ons, or the sidecar move, joined an option's stack or were left out. */
export function stackDecisionText(d: StackDecisionFacts, lex: Lexicon): string {
  const money = (x: number) => formatMoney(Math.abs(x), lex.currency);
  const what =
    d.capability === null
      ? 'Moving the sidecars to Istio ambient mode'
      : `${joinAnd(d.addons.length > 0 ? [...d.addons] : ['its add-ons'])} for ${lowerFirst(capabilityName(lex, d.capability))} (${d.importance})`;
  const cost =
    Math.round(d.tcoChange) === 0
      ? 'costs about nothing'
      : d.tcoChange > 0
        ? `costs ${money(d.tcoChange)} over ${horizon(lex)}`
        : `saves ${money(d.tcoChange)} over ${horizon(lex)}`;
  const load =
    d.newComponents > 0
      ? ` and adds ${d.newComponents} component${d.newComponents === 1 ? '' : 's'} to learn and run`
      : '';
  if (d.capability === null) {
    return d.taken
      ? `${what}: taken on every path; on this one it ${cost}${load}, which the client's priorities favour.`
      : `${what}: left out on every path; on this one it ${cost}${load}, which the client's priorities do not favour overall.`;
  }
  if (d.planned === true) {
    return `${what}: included, as the client asked for it and no other path meets it for less; it ${cost}${load}.`;
  }
  return d.taken
    ? `${what}: included; it ${cost}${load}, and is worth it under the client's priorities.`
    : `${what}: left out; it ${cost}${load}, more than the capability gained is worth under the client's priorities.`;
}
