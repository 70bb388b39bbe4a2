import type { Importance } from '../schema/answers.js';
import type { SupportLevel } from '../schema/dataset.js';

/** A support level's name where it labels a cell or a legend entry: the report's tables, the charts, the deck. */
export const SUPPORT_LEVEL_LABELS: Readonly<Record<SupportLevel, string>> = {
  none: 'None',
  partial: 'Partial',
  'add-on': 'Add-on',
  'built-in': 'Built-in',
  enterprise: 'Enterprise',
};

/** A need's importance in the client's words, wherever it is shown (never the answers file's `nice` or `no`). */
export const IMPORTANCE_LABELS: Readonly<Record<Importance, string>> = {
  must: 'must',
  should: 'should',
  nice: 'nice to have',
  no: 'not needed',
};

/** A capability level in plain words, as a thing an option has; `one` stands for it after a first feature. */
export const LEVEL_WORDS: Readonly<Record<SupportLevel, { full: string; one: string; alone: string }>> = {
  enterprise: {
    full: 'supported enterprise feature',
    one: 'supported enterprise one',
    alone: 'in the supported enterprise edition',
  },
  'built-in': { full: 'built-in feature', one: 'built-in one', alone: 'built in' },
  'add-on': { full: 'add-on', one: 'add-on', alone: 'an add-on' },
  partial: { full: 'partial support', one: 'partial support', alone: 'in part' },
  none: { full: 'nothing', one: 'nothing', alone: 'not at all' },
};

/** "Isovalent’s supported enterprise feature against Cilium OSS’s built-in one"; "… against nothing in Flannel". */
export function levelAgainst(a: string, la: SupportLevel, b: string, lb: SupportLevel): string {
  const first = `${a}’s ${LEVEL_WORDS[la].full}`;
  if (lb === 'none') return `${first} against nothing in ${b}`;
  const feature = LEVEL_WORDS[la].full.endsWith('feature');
  return `${first} against ${b}’s ${feature ? LEVEL_WORDS[lb].one : LEVEL_WORDS[lb].full}`;
}
