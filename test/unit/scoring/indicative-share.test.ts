import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();
const DRAWS = { draws: 100 };

describe('the share of a path’s total that rests on an indicative price', () => {
  it('is the subscription’s share of the total where the price is the default placeholder, and none elsewhere', () => {
    const result = scoreAnswers(exampleAnswers('regulated-bank'), dataset, DRAWS);
    for (const o of result.options) {
      const option = dataset.options.find((d) => d.id === o.id);
      const key = option?.subscriptionKey ?? null;
      const placeholder =
        key !== null && result.assumptions.some((a) => a.key === key && a.kind === 'placeholder');
      const expected = placeholder ? o.tco.byCategory.subscription / o.tco.total : 0;
      expect(o.tco.indicativeShare, o.id).toBeCloseTo(expected, 3);
    }
    expect(result.options.some((o) => o.tco.indicativeShare > 0.5)).toBe(true);
  });

  it('is none once the client states the vendor’s quote', () => {
    const answers = exampleAnswers('regulated-bank');
    const quoted = { ...answers, assumptions: { ...answers.assumptions, isovalentPricePerNodeYear: 1200 } };
    const result = scoreAnswers(quoted, dataset, DRAWS);
    for (const o of result.options) expect(o.tco.indicativeShare, o.id).toBe(0);
  });
});
