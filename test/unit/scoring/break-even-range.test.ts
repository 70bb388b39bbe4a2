import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { deriveSituation } from '../../../src/scoring/derive-situation.js';
import { quoteTargets } from '../../../src/scoring/quote-target.js';
import { defaultParameters } from '../../../src/scoring/resolve-parameters.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';
import { formatMoney } from '../../../src/shared/format.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();
const DRAWS = { draws: 200 };
const EXAMPLES = [
  'small-team-basic',
  'scaleup-sidecar-cost',
  'scaleup-after-audit',
  'regulated-bank',
  'design-sample',
];
const COUNT_KEYS = new Set(['nodes', 'sidecars']);

describe('break-evens within a plausible range', { timeout: 120_000 }, () => {
  it.each(EXAMPLES)('%s: no range kept and no break-even lies beyond the input’s plausible range', (name) => {
    const answers = exampleAnswers(name);
    const result = scoreAnswers(answers, dataset, DRAWS);
    const defaults = defaultParameters(deriveSituation(answers, dataset), dataset);
    const counts = dataset.model.breakEvenCountRange;
    const findings = result.sensitivity.filter((s) => s.kind === 'assumption');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const d = defaults.find((p) => p.key === f.key);
      const [from, to] = COUNT_KEYS.has(f.key)
        ? [f.current * counts.low, f.current * counts.high]
        : [Math.min(d?.low ?? f.current, f.current), Math.max(d?.high ?? f.current, f.current)];
      const slack = 1e-4 * Math.max(Math.abs(to), 1);
      expect(f.keepsFrom, f.key).toBeGreaterThanOrEqual(from - slack);
      expect(f.keepsTo, f.key).toBeLessThanOrEqual(to + slack);
      if (f.flipsAt !== null) {
        expect(f.flipsAt, f.key).toBeGreaterThanOrEqual(from - slack);
        expect(f.flipsAt, f.key).toBeLessThanOrEqual(to + slack);
      } else {
        expect(f.sentence, f.key).toMatch(/within its plausible range, .+: no break-even lies inside it\.$/);
      }
    }
  });

  it('a client’s own figure is weighed in the default’s range widened to take it in', () => {
    const answers = exampleAnswers('scaleup-sidecar-cost');
    const engineer = 400_000;
    const result = scoreAnswers(
      { ...answers, assumptions: { ...answers.assumptions, engineerCostPerYear: engineer } },
      dataset,
      DRAWS,
    );
    const f = result.sensitivity.find((s) => s.key === 'engineerCostPerYear');
    const d = defaultParameters(deriveSituation(answers, dataset), dataset).find(
      (p) => p.key === 'engineerCostPerYear',
    );
    expect(f?.keepsTo).toBeLessThanOrEqual(engineer);
    expect(f?.keepsFrom).toBeGreaterThanOrEqual((d?.low ?? 0) - 1e-6);
  });
});

describe('one rounding of a threshold', { timeout: 120_000 }, () => {
  it('the break-even of a price and the quote target meet at adjacent whole prices, never overlapping', () => {
    const answers = exampleAnswers('scaleup-after-audit');
    const result = scoreAnswers(answers, dataset, DRAWS);
    const [target] = quoteTargets(deriveSituation(answers, dataset), dataset, result, DRAWS);
    if (target === undefined || target.recommended.kind !== 'upTo')
      throw new Error('expected a price target');
    const finding = result.sensitivity.find((s) => s.key === target.key);
    expect(finding?.flipsAt).not.toBeNull();
    const money = (x: number) => formatMoney(x, result.engagement.currency);
    // Chosen at the target and below; the break-even names the first price at which the decision changes.
    expect(finding?.sentence).toContain(
      result.recommendation.option === target.option
        ? `rose to ${money(target.recommended.price + 1)} or more`
        : `fell to ${money(target.recommended.price)} or less`,
    );
  });
});
