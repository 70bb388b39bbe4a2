/**
 * Cases per property and the seed. The test suite runs a few hundred per property with a fixed seed, so a
 * failure reproduces; `npm run fuzz` raises the count through FUZZ_RUNS and picks a new seed each run.
 */
export function fuzzSettings(defaultRuns: number, defaultSeed: number): { numRuns: number; seed: number } {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    seed: Number.isInteger(seed) && process.env.FUZZ_SEED !== '' ? seed : defaultSeed,
  };
}
