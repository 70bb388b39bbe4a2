import { COST_KEY_REGISTRY, type CostKey } from '../schema/assumption-keys.js';
import { criterionInText, isCriterion } from '../schema/criteria.js';
import { formatMoney, formatNumber, formatUnitPrice, moneyStep, roundThreshold } from '../shared/format.js';
import { fullName, type Lexicon } from './lexicon.js';

/**
 * One "what would flip it" finding, as the engine states it (exact figures, before the result's rounding): a
 * priority weight or an input, the range that keeps the winner, and the flip point.
 */
export interface SensitivityFacts {
  readonly kind: 'weight' | 'assumption';
  readonly key: string;
  readonly current: number;
  /** The winner holds for values in [keepsFrom, keepsTo]: a priority from 0 to 5, an input within its plausible range. */
  readonly keepsFrom: number;
  readonly keepsTo: number;
  /** The nearest value at which another option wins, or null when none within the range searched. */
  readonly flipsAt: number | null;
  /** The option id that would win there. */
  readonly newWinner: string | null;
}

/** What the sentence needs beyond the finding: today's pick, and whether the input is money. */
export interface SensitivityTerms {
  readonly winner: string;
  readonly money: boolean;
}

/** The estate's counts a client asks about, as a client names them; cost inputs are named by the registry. */
const COUNT_LABELS: Readonly<Record<string, string>> = {
  nodes: 'the node count',
  sidecars: 'the sidecar count',
};
const COUNTS = new Set(['nodes', 'sidecars']);

/** "Cilium OSS would be recommended if the node count rose to 1,234 or more (now 600)." */
export function sensitivityText(f: SensitivityFacts, lex: Lexicon, terms: SensitivityTerms): string {
  const fmt = (x: number) => {
    if (f.kind === 'weight') return formatNumber(x, 1);
    if (COUNTS.has(f.key)) return formatNumber(Math.max(1, Math.round(x)));
    if (terms.money) return x < 100 ? formatUnitPrice(x, lex.currency) : formatMoney(x, lex.currency);
    return formatNumber(x, x < 10 ? 2 : 0);
  };
  // The precision fmt prints at, so a threshold is rounded once, toward today's value (the shared rounding rules).
  const step = (x: number) => {
    if (f.kind === 'weight') return 0.1;
    if (COUNTS.has(f.key)) return 1;
    if (terms.money) return moneyStep(x);
    return x < 10 ? 0.01 : 1;
  };
  const threshold = (x: number) => fmt(roundThreshold(x, f.current, step(x), 'changes'));
  const label =
    f.kind === 'weight'
      ? `the ${isCriterion(f.key) ? criterionInText(f.key) : f.key} priority`
      : (COUNT_LABELS[f.key] ?? COST_KEY_REGISTRY[f.key as CostKey]?.inText ?? f.key);
  const winner = fullName(lex, terms.winner);
  if (f.flipsAt === null || f.newWinner === null) {
    return f.kind === 'weight'
      ? `${winner} stays recommended whatever ${label}, from 0 to 5.`
      : `${winner} stays recommended whatever ${label} within its plausible range, ${fmt(f.keepsFrom)} to ${fmt(f.keepsTo)} (now ${fmt(f.current)}): no break-even lies inside it.`;
  }
  const less = COUNTS.has(f.key) ? 'fewer' : 'less';
  const direction =
    f.flipsAt < f.current
      ? `fell to ${threshold(f.flipsAt)} or ${less}`
      : `rose to ${threshold(f.flipsAt)} or more`;
  return `${fullName(lex, f.newWinner)} would be recommended if ${label} ${direction} (now ${fmt(f.current)}).`;
}
