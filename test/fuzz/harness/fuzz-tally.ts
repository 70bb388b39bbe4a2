import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outcome } from './fuzz-target.js';

export interface Counts {
  cases: number;
  exit0: number;
  exit1: number;
  other: number;
  maxMs: number;
}

export interface TallyEntry {
  suite: string;
  target: string;
  seed: number;
  counts: Counts;
  /** Per class of input (the case's kinds): a case with two kinds counts in both. */
  byKind: Record<string, Counts>;
  failure?: string;
}

const empty = (): Counts => ({ cases: 0, exit0: 0, exit1: 0, other: 0, maxMs: 0 });

function add(counts: Counts, outcome: Outcome): void {
  counts.cases += 1;
  if (outcome.exit === 0) counts.exit0 += 1;
  else if (outcome.exit === 1) counts.exit1 += 1;
  else counts.other += 1;
  counts.maxMs = Math.max(counts.maxMs, Math.round(outcome.ms));
}

export function newTally(suite: string, target: string, seed: number): TallyEntry {
  return { suite, target, seed, counts: empty(), byKind: {} };
}

export function record(tally: TallyEntry, kinds: readonly string[], outcome: Outcome): void {
  add(tally.counts, outcome);
  for (const kind of kinds) {
    tally.byKind[kind] ??= empty();
    add(tally.byKind[kind], outcome);
  }
}

/** `npm run fuzz` sets FUZZ_TALLY_DIR and sums the files; the normal test run writes nothing. */
export function saveTally(tally: TallyEntry): void {
  const dir = process.env.FUZZ_TALLY_DIR;
  if (dir === undefined || dir === '') return;
  mkdirSync(dir, { recursive: true });
  const name = `${tally.suite}--${tally.target}`.replace(/[^\w-]+/g, '_');
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(tally, null, 2)}\n`);
}
