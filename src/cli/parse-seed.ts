import { InvalidArgumentError } from 'commander';

/** pure-rand seeds with the low 32 bits, signed; beyond this range two seeds would draw the same numbers. */
export const MAX_SEED = 2 ** 31 - 1;

/**
 * `--seed <n>` for every command that runs the Monte Carlo: a whole number from 0 to MAX_SEED. "abc", "-5",
 * "1e3" or "1.5" are refused rather than read as NaN or a truncation, which would silently draw another
 * seed's numbers than the one recorded.
 */
export function parseSeed(value: string): number {
  const seed = /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(seed <= MAX_SEED))
    throw new InvalidArgumentError(`expected a whole number from 0 to ${MAX_SEED} (got ${value})`);
  return seed;
}
