import { type QuoteTarget, quoteTargetSentence } from '../scoring/quote-target.js';

/** The vendor-quote targets for the terminal, one sentence each, with the answers key that holds the price. */
export function formatQuoteTargets(targets: readonly QuoteTarget[], currency: string): string {
  if (targets.length === 0) return '';
  const lines = ['', 'Vendor quote target:'];
  for (const t of targets) {
    lines.push(`  - ${quoteTargetSentence(t, currency)}`, `    (a quote goes in assumptions.${t.key})`);
  }
  return `${lines.join('\n')}\n`;
}
