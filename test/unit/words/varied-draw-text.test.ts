import { describe, expect, it } from 'vitest';
import { score } from '../../../src/index.js';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { worldJudgements } from '../../../src/scoring/monte-carlo.js';
import { variedDrawText } from '../../../src/words/varied-draw-text.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

describe('what the worlds vary, worded for result.json', () => {
  it('names every judgement the worlds draw, each differently', () => {
    const words = worldJudgements(defaultDataset().model).map((j) =>
      variedDrawText({ kind: 'judgement', judgement: j.id }),
    );
    expect(new Set(words).size).toBe(words.length);
    for (const w of words) expect(w).toMatch(/^[a-z][a-z ]+$/);
  });

  it('lists the drawn cost inputs by key, the add-ons’ efforts and the judgements, as result.json always has', () => {
    const result = score(exampleAnswers('regulated-bank'), undefined, { draws: 100 });
    const drawnKeys = result.assumptions.filter((p) => p.low !== p.high).map((p) => p.key);
    expect(result.monteCarlo.varied.slice(0, drawnKeys.length)).toEqual(drawnKeys);
    expect(result.monteCarlo.varied).toEqual(
      expect.arrayContaining(['migration risk', 'weight of new components', 'change hurdle']),
    );
    expect(result.monteCarlo.varied.filter((v) => /^addons\.[a-z-]+ effort$/.test(v)).length).toBeGreaterThan(
      0,
    );
  });
});
