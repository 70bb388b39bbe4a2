import fc from 'fast-check';

/**
 * Numbers that break arithmetic or parsing: not-a-number, infinities, the edges of doubles, negative zero,
 * integers past 2^53 (as bigint, which YAML writes as plain digits) and ordinary negatives.
 */
export function extremeNumber(): fc.Arbitrary<number | bigint> {
  return fc.oneof(
    fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      1e308,
      -1e308,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      -Number.MIN_VALUE,
      -0,
      0,
      2 ** 53 + 2,
      -(2 ** 53) - 2,
      1e21,
      0.1 + 0.2,
      -1,
    ),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).filter((n) => n > 2n ** 53n || n < -(2n ** 53n)),
    fc.double({ noNaN: false }),
    fc.integer({ min: -1_000_000, max: -1 }),
  );
}
