import { describe, expect, it } from 'vitest';
import { summariseAnswers } from '../../../src/questionnaire/summarise-answers.js';
import { AnswersSchema } from '../../../src/schema/answers.js';

describe('summariseAnswers', () => {
  const answers = AnswersSchema.parse({
    version: 1,
    engagement: { client: 'Acme Bank', currency: 'EUR' },
    cluster: { clouds: ['aws', 'on-prem'] },
    needs: { encryption: 'must' },
  });

  it('one block per section in the file’s own key names; derived needs marked; wrapped at 100', () => {
    const lines = summariseAnswers(answers, { networkPolicy: { importance: 'should', reasons: [] } });
    expect(lines[0]).toBe('Engagement        client Acme Bank, currency EUR, horizonYears 3');
    expect(lines.find((l) => l.startsWith('Needs'))).toBe(
      'Needs             networkPolicy should (derived), encryption must',
    );
    expect(lines.some((l) => l.includes('clouds [aws, on-prem]'))).toBe(true);
    expect(lines.at(-1)).toBe('Cost assumptions  defaults');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    expect(lines.filter((l) => l.startsWith('  ')).length).toBeGreaterThan(0);
  });

  it('reads a cost override as the question asked it, with its unit, not as its key', () => {
    const withQuote = AnswersSchema.parse({
      version: 1,
      engagement: { client: 'Acme Bank', currency: 'EUR' },
      assumptions: { isovalentPricePerNodeYear: 950 },
    });
    const lines = summariseAnswers(
      withQuote,
      {},
      { isovalentPricePerNodeYear: { value: 1386, unit: 'EUR per node-year', kind: 'placeholder' } },
    );
    expect(lines.at(-1)).toBe(
      'Cost assumptions  Isovalent Networking for Kubernetes subscription per node per year: €950 per node-year',
    );
    expect(lines.join('\n')).not.toContain('isovalentPricePerNodeYear');
  });
});
