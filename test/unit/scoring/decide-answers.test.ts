import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import type { Answers } from '../../../src/schema/answers.js';
import {
  decideAnswers,
  decideWithConfidence,
  weightStability,
  winsShareOfWorldsFor,
} from '../../../src/scoring/decide-answers.js';
import { deriveSituation } from '../../../src/scoring/derive-situation.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';
import type { ScoreResult } from '../../../src/scoring/score-result.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();
const DRAWS = { draws: 400 };
const EXAMPLES = readdirSync(new URL('../../../examples/', import.meta.url))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''));

/** What a decision states, read from the full result. */
function decisionOf(result: ScoreResult) {
  return {
    option: result.recommendation.option,
    name: result.recommendation.name,
    margin: result.recommendation.margin,
    options: result.options.map((o) => ({
      id: o.id,
      score: o.score,
      criteria: o.criteria,
      unmetMusts: o.unmetMusts,
      disqualified: o.disqualified,
      tcoTotal: o.tco.total,
    })),
  };
}

function weightsOf(result: ScoreResult) {
  return result.sensitivity
    .filter((s) => s.kind === 'weight')
    .map((s) => ({ criterion: s.key, current: s.current, keepsFrom: s.keepsFrom, keepsTo: s.keepsTo }));
}

/** The decision-only answers, each beside what the whole engine says for the same answers. */
function expectSameAsEngine(answers: Answers): void {
  const full = scoreAnswers(answers, dataset, DRAWS);
  const { core: _, ...decision } = decideAnswers(answers, dataset);
  expect(decision).toEqual(decisionOf(full));
  const confident = decideWithConfidence(deriveSituation(answers, dataset), dataset, DRAWS);
  expect(confident.confidence).toBe(full.recommendation.confidence);
  expect(confident.closeCall).toBe(full.recommendation.closeCall);
  expect(weightStability(confident)).toEqual(weightsOf(full));
  for (const o of full.monteCarlo.options) {
    // At the option's own share (the boundary), just above it, and the quote search's 80 %.
    for (const share of [o.pRecommended, o.pRecommended + 0.0001, 0.8]) {
      expect(
        winsShareOfWorldsFor(deriveSituation(answers, dataset), dataset, o.id, share, DRAWS),
        `${o.id} at ${share}`,
      ).toBe(o.pRecommended >= share);
    }
  }
}

describe('the decision-only engine', { timeout: 120_000 }, () => {
  it.each(EXAMPLES)('states what the whole engine states for %s', (name) => {
    expectSameAsEngine(exampleAnswers(name));
  });

  it('agrees with the whole engine under any priorities and any subscription price', () => {
    const answers = exampleAnswers('scaleup-after-audit');
    const weight = fc.double({ min: 0, max: 5, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({ cost: weight, capability: weight, risk: weight, simplicity: weight }),
        fc.integer({ min: 0, max: 5000 }),
        (priorities, price) => {
          expectSameAsEngine({
            ...answers,
            priorities,
            assumptions: { ...answers.assumptions, isovalentPricePerNodeYear: price },
          });
        },
      ),
      { numRuns: 12, seed: 23 },
    );
  });
});
