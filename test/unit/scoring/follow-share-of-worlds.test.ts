import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import type { Answers } from '../../../src/schema/answers.js';
import { decisionCore, worldsAround } from '../../../src/scoring/decide-answers.js';
import { deriveSituation } from '../../../src/scoring/derive-situation.js';
import { followShareOfWorlds, winsShareOfWorlds } from '../../../src/scoring/monte-carlo.js';
import { QUOTE_CONFIDENCE, quoteTargets } from '../../../src/scoring/quote-target.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();
const DRAWS = { draws: 1000 };
const OPTION = 'isovalent-enterprise';

/** The worlds of the answers with a vendor quote of `price` per node-year. */
function worldsAt(answers: Answers, price: number) {
  const quoted = { ...answers, assumptions: { ...answers.assumptions, isovalentPricePerNodeYear: price } };
  return worldsAround(decisionCore(deriveSituation(quoted, dataset), dataset), DRAWS);
}

/** Each world's share at a price, as the 80 % test draws them (NaN past the world where it stopped). */
function drawnWorlds(answers: Answers, price: number): Float64Array {
  return followShareOfWorlds(worldsAt(answers, price), OPTION, QUOTE_CONFIDENCE, null).shares;
}

describe('following an option through the worlds of a price search', { timeout: 120_000 }, () => {
  // An estate of groups, and a single platform whose target lies inside the price's range.
  const cases = [
    { name: 'eks-plus-onprem', prices: [60, 122, 180] },
    { name: 'scaleup-after-audit', prices: [600, 787, 950] },
  ] as const;

  it.each(cases)(
    '$name: a world won at a price is won at every lower one, a world lost at every higher one',
    ({ name, prices }) => {
      const answers = exampleAnswers(name);
      const [low, mid, high] = prices.map((p) => drawnWorlds(answers, p)) as [
        Float64Array,
        Float64Array,
        Float64Array,
      ];
      let compared = 0;
      let carried = 0;
      for (let d = 0; d < DRAWS.draws; d++) {
        const [l, m, h] = [low[d], mid[d], high[d]] as [number, number, number];
        if (Number.isNaN(l) || Number.isNaN(m) || Number.isNaN(h)) continue;
        compared++;
        if (h === 1) expect([l, m], `world ${d}`).toEqual([1, 1]);
        if (l === 0) expect([m, h], `world ${d}`).toEqual([0, 0]);
        if (h === 1 || l === 0) carried++;
      }
      expect(compared).toBeGreaterThan(DRAWS.draws / 3);
      expect(carried).toBeGreaterThan(compared / 2);
    },
  );

  it.each(cases)(
    '$name: told those worlds, a run counts the wins of a run that decides them all',
    ({ name, prices }) => {
      const answers = exampleAnswers(name);
      const [lowPrice, midPrice, highPrice] = prices;
      const low = drawnWorlds(answers, lowPrice);
      const high = drawnWorlds(answers, highPrice);
      const known = new Float64Array(DRAWS.draws).map((_, d) =>
        high[d] === 1 ? 1 : low[d] === 0 ? 0 : Number.NaN,
      );
      const input = worldsAt(answers, midPrice);
      for (const share of [0.5, QUOTE_CONFIDENCE, 0.95]) {
        const told = followShareOfWorlds(input, OPTION, share, known);
        const plain = followShareOfWorlds(input, OPTION, share, null);
        expect(told.holds).toBe(winsShareOfWorlds(input, OPTION, share));
        expect(told.shares).toEqual(plain.shares);
      }
      // What it is told it takes as known, undecided: told every world is won, it wins them all.
      const allWon = followShareOfWorlds(input, OPTION, 0.95, new Float64Array(DRAWS.draws).fill(1));
      expect(allWon.holds).toBe(true);
      expect([...allWon.shares].filter((x) => x === 1)).toHaveLength(950);
    },
  );

  it.each(cases)(
    '$name: the 80 % target is the price the full engine confirms, and a unit more is not',
    ({ name }) => {
      const answers = exampleAnswers(name);
      const result = scoreAnswers(answers, dataset, DRAWS);
      const [target] = quoteTargets(deriveSituation(answers, dataset), dataset, result, DRAWS);
      if (target?.confident.kind !== 'upTo')
        throw new Error(`expected a price limit, got ${target?.confident.kind}`);
      const share = (price: number) =>
        scoreAnswers(
          { ...answers, assumptions: { ...answers.assumptions, isovalentPricePerNodeYear: price } },
          dataset,
          DRAWS,
        ).monteCarlo.options.find((o) => o.id === OPTION)?.pRecommended ?? 0;
      expect(share(target.confident.price)).toBeGreaterThanOrEqual(QUOTE_CONFIDENCE);
      expect(share(target.confident.price + 1)).toBeLessThan(QUOTE_CONFIDENCE);
    },
  );
});
