import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { closeCallShareAt } from '../../../src/scoring/close-call-share.js';
import { inputStream } from '../../../src/scoring/input-stream.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();
const { decision } = dataset.model;

/** The share of `worlds` Bernoulli(p) draws that come up, from one seeded stream. */
function drawnShare(p: number, worlds: number, next: () => number): number {
  let hits = 0;
  for (let i = 0; i < worlds; i++) if (next() < p) hits++;
  return hits / worlds;
}

describe('the close-call share allows for the sampling error of the worlds drawn', () => {
  it('flags from 20 % less 1.96 standard errors: 18.6 % of 3,000 worlds, 17.5 % of the live 1,000', () => {
    expect(decision.closeCallShare).toBe(0.2);
    expect(closeCallShareAt(decision, 3000)).toBeCloseTo(0.2 - 1.96 * Math.sqrt(0.16 / 3000), 12);
    expect(closeCallShareAt(decision, 3000)).toBeCloseTo(0.1857, 4);
    expect(closeCallShareAt(decision, 1000)).toBeCloseTo(0.1752, 4);
    expect(closeCallShareAt({ ...decision, closeCallZ: { z: 0, reason: 'none' } }, 3000)).toBe(0.2);
    // Fewer worlds know the share less well, so the line sits lower; never below nothing.
    expect(closeCallShareAt(decision, 100)).toBeLessThan(closeCallShareAt(decision, 1000));
    expect(closeCallShareAt(decision, 1)).toBe(0);
  });

  it('flags a rival that wins exactly 20 % of all worlds under nearly every seed, and one at 15 % under almost none', () => {
    const next = inputStream(20261207, 'close-call-share test');
    const flagged = (p: number) => {
      let n = 0;
      for (let seed = 0; seed < 400; seed++) {
        if (drawnShare(p, 3000, next) >= closeCallShareAt(decision, 3000)) n++;
      }
      return n / 400;
    };
    // Tested against 20 % exactly, a rival at 20 % would be flagged under about half the seeds.
    expect(flagged(0.2)).toBeGreaterThanOrEqual(0.95);
    expect(flagged(0.15)).toBeLessThanOrEqual(0.01);
  });

  it('is stated in the result at the number of worlds it drew', () => {
    const result = scoreAnswers(exampleAnswers('small-team-basic'), dataset, { draws: 400 });
    const rule = result.monteCarlo.closeCallRule;
    expect(rule).toMatchObject({ share: 0.2, z: 1.96 });
    expect(rule.shareAtWorlds).toBeCloseTo(closeCallShareAt(decision, 400), 4);
  });
});
