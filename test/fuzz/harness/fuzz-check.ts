import fc from 'fast-check';
import type { FuzzCase } from '../arbitraries/fuzz-case.js';
import { newTally, record, saveTally, type TallyEntry } from './fuzz-tally.js';
import type { FuzzTarget } from './fuzz-target.js';
import { outcomeViolations } from './outcome-violations.js';

/**
 * Runs `target` on `numRuns` cases from `cases` and returns the tally; `tally.failure` holds fast-check's
 * report (shrunk counterexample, seed and path to replay it) when a case broke a rule. Shrinking runs are
 * not counted: the tally says how many distinct generated cases were tried.
 */
export async function fuzzCheck(
  suite: string,
  target: FuzzTarget,
  cases: fc.Arbitrary<FuzzCase>,
  settings: { numRuns: number; seed: number },
): Promise<TallyEntry> {
  const tally = newTally(suite, target.name, settings.seed);
  let shrinking = false;
  const property = fc.asyncProperty(cases, async (c) => {
    const outcome = await target.run(c.content);
    if (!shrinking) record(tally, c.kinds, outcome);
    const violations = outcomeViolations(target, outcome, c.content);
    if (violations.length > 0) {
      shrinking = true;
      throw new Error(violations.join('\n'));
    }
  });
  const details = await fc.check(property, { ...settings, endOnFailure: false });
  if (details.failed) {
    const broken =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    tally.failure = `${fc.defaultReportMessage(details) ?? 'failed'}\nRules broken:\n${broken}`;
  }
  saveTally(tally);
  return tally;
}
