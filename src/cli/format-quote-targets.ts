import type { BuiltResult } from '../result/result-schema.js';

/** The vendor-quote targets for the terminal, one sentence each, with the answers key that holds the price. */
export function formatQuoteTargets(targets: BuiltResult['quoteTargets']): string {
  if (targets.length === 0) return '';
  const lines = ['', 'Vendor quote target:'];
  for (const t of targets) {
    lines.push(`  - ${t.sentence}`, `    (a quote goes in assumptions.${t.key})`);
  }
  return `${lines.join('\n')}\n`;
}
