import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import type { Answers } from '../../../src/schema/answers.js';
import { deriveSituation } from '../../../src/scoring/derive-situation.js';
import {
  highestPrice,
  highestPriceRefined,
  QUOTE_CONFIDENCE,
  type QuoteTarget,
  quoteTargets,
} from '../../../src/scoring/quote-target.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';
import { quoteTargetSentence } from '../../../src/words/quote-target-text.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();
const DRAWS = { draws: 1000 };

function targetsOf(answers: Answers): { targets: QuoteTarget[]; currency: string } {
  const result = scoreAnswers(answers, dataset, DRAWS);
  return {
    targets: quoteTargets(deriveSituation(answers, dataset), dataset, result, DRAWS),
    currency: result.engagement.currency,
  };
}

/** The answers with a vendor quote of `price` per node-year, as a consultant would enter it. */
function quoted(answers: Answers, price: number): Answers {
  return { ...answers, assumptions: { ...answers.assumptions, isovalentPricePerNodeYear: price } };
}

describe('quoteTargets', { timeout: 90_000 }, () => {
  const answers = exampleAnswers('scaleup-sidecar-cost');
  const { targets, currency } = targetsOf(answers);
  const [target] = targets;

  it('has one target, for the one option whose data names a subscription', () => {
    const withSubscription = dataset.options.filter((o) => o.subscriptionKey !== null).map((o) => o.id);
    expect(targets.map((t) => t.option)).toEqual(withSubscription);
    expect(target?.key).toBe('isovalentPricePerNodeYear');
  });

  it('plugged back in as the quote, makes the option the recommendation, and a unit more does not', () => {
    if (target?.recommended.kind !== 'upTo')
      throw new Error(`expected a price limit, got ${target?.recommended.kind}`);
    const { price } = target.recommended;
    expect(price).toBeLessThan(target.current);
    expect(scoreAnswers(quoted(answers, price), dataset, DRAWS).recommendation.option).toBe(target.option);
    expect(scoreAnswers(quoted(answers, price + 1), dataset, DRAWS).recommendation.option).not.toBe(
      target.option,
    );
  });

  it('agrees with the break-even the engine reports for the same price, where that lies in its plausible range', () => {
    // Here the target lies below the price's plausible range, so the engine reports no break-even for it.
    const result = scoreAnswers(answers, dataset, DRAWS);
    const here = result.sensitivity.find((s) => s.key === 'isovalentPricePerNodeYear');
    const low = result.assumptions.find((a) => a.key === 'isovalentPricePerNodeYear')?.low ?? 0;
    if (target?.recommended.kind !== 'upTo') throw new Error('no price target');
    expect(target.recommended.price).toBeLessThan(low);
    expect(here?.flipsAt).toBeNull();
    // After the audit the target lies inside it, and the two agree to the unit.
    const audit = exampleAnswers('scaleup-after-audit');
    const auditResult = scoreAnswers(audit, dataset, DRAWS);
    const [auditTarget] = quoteTargets(deriveSituation(audit, dataset), dataset, auditResult, DRAWS);
    const breakEven = auditResult.sensitivity.find((s) => s.key === 'isovalentPricePerNodeYear');
    if (auditTarget?.recommended.kind !== 'upTo' || breakEven?.flipsAt == null)
      throw new Error('no break-even');
    // Either the option is recommended and the break-even is where another takes over, or the reverse.
    const winner = auditResult.recommendation.option;
    expect(
      winner === auditTarget.option
        ? breakEven.newWinner !== winner
        : breakEven.newWinner === auditTarget.option,
    ).toBe(true);
    expect(breakEven.flipsAt).toBeGreaterThan(auditTarget.recommended.price);
    expect(breakEven.flipsAt).toBeLessThanOrEqual(auditTarget.recommended.price + 1);
  });

  it('plugged back in, wins at least 80 % of the simulated draws at the confident target, and fewer a unit above', () => {
    if (target?.confident.kind !== 'upTo')
      throw new Error(`expected a price limit, got ${target?.confident.kind}`);
    const share = (price: number) =>
      scoreAnswers(quoted(answers, price), dataset, DRAWS).monteCarlo.options.find(
        (o) => o.id === target.option,
      )?.pRecommended ?? 0;
    expect(share(target.confident.price)).toBeGreaterThanOrEqual(QUOTE_CONFIDENCE);
    expect(share(target.confident.price + 1)).toBeLessThan(QUOTE_CONFIDENCE);
  });

  it('says it in a sentence for the client, in the engagement currency and without answers keys', () => {
    if (target === undefined) throw new Error('no target');
    const sentence = quoteTargetSentence(target, currency);
    expect(sentence).toMatch(
      new RegExp(
        `^Isovalent Networking for Kubernetes becomes the recommendation at a price of \\$${target.recommended.kind === 'upTo' ? target.recommended.price : ''} per node-year or less \\(today \\$1,500\\); it is recommended in at least 80 % of the simulated cost scenarios at \\$${target.confident.kind === 'upTo' ? target.confident.price : ''} or less`,
      ),
    );
    expect(sentence).not.toMatch(/isovalentPrice|assumptions\./);
  });

  it('keeps the recommendation at any price when every alternative misses a must (regulated bank, in EUR)', () => {
    const bank = targetsOf(exampleAnswers('regulated-bank'));
    const [t] = bank.targets;
    expect(t?.rivalsRuledOut).toBe(true);
    expect(t?.recommended.kind).toBe('beyond');
    expect(quoteTargetSentence(t as QuoteTarget, bank.currency)).toBe(
      'Isovalent Networking for Kubernetes is the recommendation at any price: every alternative misses a must it meets.',
    );
  });

  it('finds no price where the option would not be chosen even for free (small team)', () => {
    const small = exampleAnswers('small-team-basic');
    const [t] = targetsOf(small).targets;
    expect(t?.recommended.kind).toBe('never');
    expect(scoreAnswers(quoted(small, 0), dataset, DRAWS).recommendation.option).not.toBe(t?.option);
  });
});

describe('highestPrice', () => {
  it('finds the last whole price where a monotone test holds, or says never or beyond', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 2e6, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        (t, ceiling) => {
          let calls = 0;
          const limit = highestPrice((p) => {
            calls += 1;
            return p <= t;
          }, ceiling);
          expect(calls).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(ceiling)) + 1);
          if (t < 0) expect(limit).toEqual({ kind: 'never' });
          else if (t >= ceiling) expect(limit).toEqual({ kind: 'beyond', price: ceiling });
          else expect(limit).toEqual({ kind: 'upTo', price: Math.max(0, Math.floor(t)) });
        },
      ),
    );
  });
});

describe('highestPriceRefined', () => {
  it('gives what highestPrice gives, whatever its estimate, checking each price at most once', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 2e6, noNaN: true }),
        fc.double({ min: -10, max: 2e6, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom(0.001, 0.05, 0.5),
        (t, e, ceiling, spread) => {
          const asked = new Set<number>();
          const limit = highestPriceRefined(
            (p) => p <= e,
            (p) => {
              expect(asked.has(p), `asked twice about ${p}`).toBe(false);
              asked.add(p);
              return p <= t;
            },
            ceiling,
            spread,
          );
          expect(limit).toEqual(highestPrice((p) => p <= t, ceiling));
          // A guess of beyond that holds is settled by the one run at the ceiling.
          if (e >= ceiling && t >= ceiling) expect([...asked]).toEqual([ceiling]);
        },
      ),
    );
  });
});
