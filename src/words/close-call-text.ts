import { COST_KEY_REGISTRY, type CostKey } from '../schema/assumption-keys.js';
import { criterionInText, isCriterion } from '../schema/criteria.js';
import { lowerFirst } from '../shared/format.js';
import { capabilityName, fullName, type Lexicon } from './lexicon.js';

/** One draw a close call turns on: the world's input or judgement, and which way the rival's worlds drew it. */
export interface CloseCallDriver {
  readonly key: string;
  readonly direction: 'higher' | 'lower';
}

/** What the clause needs beyond the driver: the priorities given in the workshop and the add-ons' names. */
export interface CloseCallTerms {
  readonly priorities: Readonly<Record<string, number>>;
  readonly addons: Readonly<Record<string, string>>;
}

/** A cost input as running text names it (the registry's words); any other key as it is. */
const costWords = (key: string) => COST_KEY_REGISTRY[key as CostKey]?.inText ?? key;

/** The "if …" clause for one driver of a close call, in the client's words. */
export function closeCallText(d: CloseCallDriver, lex: Lexicon, terms: CloseCallTerms): string {
  const up = d.direction === 'higher';
  const [kind, id = ''] = d.key.split('.');
  switch (kind) {
    case 'priority':
      return `${isCriterion(id) ? criterionInText(id) : id} counts for ${up ? 'more' : 'less'} than the ${terms.priorities[id]} of 5 given in the workshop`;
    case 'migrationFear':
      return `the team rates the migration risk ${up ? 'higher' : 'lower'}`;
    case 'changeHurdle':
      return up
        ? 'a change of data plane is asked for a clearer lead over staying than its counted cost and risk'
        : 'a change of data plane is given the benefit of the doubt beyond its counted cost and risk';
    case 'newComponentWeight':
      return up
        ? 'learning and running new components weighs more for this team'
        : 'the team takes new components in its stride';
    case 'fit':
      return `${fullName(lex, id)} meets the needs ${up ? 'better' : 'less well'} than judged here`;
    case 'softMust': {
      const name = lowerFirst(capabilityName(lex, id));
      return up ? `${name} is held as a must` : `${name} is accepted as a should rather than a must`;
    }
    case 'cost':
      return `${costWords(id)} comes out ${up ? 'higher' : 'lower'} than estimated`;
    case 'addon': {
      const name = (terms.addons[id] ?? id).replace(/ \(.*$/, '');
      return `running ${name} takes ${up ? 'more' : 'less'} effort than estimated`;
    }
    default:
      return d.key;
  }
}
