import type { BuiltResult } from '../result/result-schema.js';
import { CRITERIA, criterionInText } from '../schema/criteria.js';
import { formatNumber } from '../shared/format.js';

const weight = (x: number) => formatNumber(x, 1);

/** The stakeholders' recommendations for the terminal: where they agree, each one's boundary, their weights. */
export function formatStakeholders(views: NonNullable<BuiltResult['stakeholders']>): string {
  const lines = ['', 'Stakeholders:', `  ${views.sentence}`];
  for (const v of views.views) {
    const priorities = CRITERIA.map((c) => `${criterionInText(c)} ${weight(v.priorities[c])}`).join(', ');
    lines.push(`  - ${v.sentence}`, `    priorities: ${priorities}`);
  }
  return `${lines.join('\n')}\n`;
}
