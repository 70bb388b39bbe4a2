import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shapleyValues } from '../../../src/compare/shapley.js';

/** A random game of n players with `width` outcomes per coalition. */
const game = fc.integer({ min: 0, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    values: fc.array(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 2 }),
      {
        minLength: 2 ** n,
        maxLength: 2 ** n,
      },
    ),
  }),
);

describe('shapleyValues', () => {
  it('adds up to the whole change, for any game (efficiency)', () => {
    fc.assert(
      fc.property(game, ({ n, values }) => {
        const shares = shapleyValues(n, values);
        for (let j = 0; j < 2; j++) {
          const total = (values[2 ** n - 1]?.[j] ?? 0) - (values[0]?.[j] ?? 0);
          const sum = shares.reduce((s, share) => s + (share[j] ?? 0), 0);
          expect(Math.abs(sum - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(total)) + 1e-6);
        }
      }),
    );
  });

  it('gives an additive game its parts exactly, and a player who changes nothing zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 6 }),
        (parts) => {
          const n = parts.length + 1; // the last player is a dummy
          const values = Array.from({ length: 2 ** n }, (_, mask) => [
            parts.reduce((s, p, i) => s + (mask & (1 << i) ? p : 0), 0),
          ]);
          const shares = shapleyValues(n, values);
          for (const [i, p] of parts.entries()) expect(shares[i]?.[0]).toBeCloseTo(p, 9);
          expect(shares[n - 1]?.[0]).toBe(0);
        },
      ),
    );
  });

  it('splits an effect that needs both players equally between them (interaction)', () => {
    expect(shapleyValues(2, [[0], [0], [0], [1]])).toEqual([[0.5], [0.5]]);
  });

  it('refuses a table of the wrong size', () => {
    expect(() => shapleyValues(2, [[0], [1]])).toThrow(RangeError);
  });
});
