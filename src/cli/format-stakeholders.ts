import type { BuiltResult } from '../result/result-schema.js';
import { formatNumber } from '../shared/format.js';

const weight = (x: number) => formatNumber(x, 1);

/** The stakeholders' recommendations for the terminal: where they agree, each one's boundary, their weights. */
export function formatStakeholders(views: NonNullable<BuiltResult['stakeholders']>): string {
  const lines = ['', 'Stakeholders:', `  ${views.sentence}`];
  for (const v of views.views) {
    const p = v.priorities;
    lines.push(
      `  - ${v.sentence}`,
      `    priorities: cost ${weight(p.cost)}, capability ${weight(p.capability)}, risk ${weight(p.risk)}, simplicity ${weight(p.simplicity)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
