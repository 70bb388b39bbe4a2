import { expect } from 'vitest';
import type { TallyEntry } from './fuzz-tally.js';

/** Floors on proportions mean nothing over a handful of cases (`npm run fuzz -- --runs 20`). */
const MIN_CASES = 100;

/**
 * The generator reached both ends: enough cases accepted (the engine and the result were tested) and
 * enough refused (the messages were). A generator that drifted to only one end would pass every other check.
 */
export function expectReach(tally: TallyEntry, floors: { exit0?: number; exit1?: number }): void {
  const { cases, exit0, exit1 } = tally.counts;
  if (cases < MIN_CASES) return;
  if (floors.exit0 !== undefined)
    expect(exit0 / cases, 'share of cases accepted').toBeGreaterThan(floors.exit0);
  if (floors.exit1 !== undefined)
    expect(exit1 / cases, 'share of cases refused').toBeGreaterThan(floors.exit1);
}
