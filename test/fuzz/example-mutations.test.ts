import { describe, expect, it } from 'vitest';
import { answersMutation } from './arbitraries/answers-mutation.js';
import { expectReach } from './harness/expect-reach.js';
import { fuzzCheck } from './harness/fuzz-check.js';
import { fuzzSettings } from './harness/fuzz-settings.js';
import { fuzzTargets } from './harness/fuzz-targets.js';

const settings = fuzzSettings(300, 20261124);

describe('mutated examples (seeded fuzzing)', () => {
  it.each(fuzzTargets('mutations'))(
    '$name: exit 0 with a valid value, or exit 1 with located lines',
    async (target) => {
      const tally = await fuzzCheck('example-mutations', target, answersMutation(), settings);
      expect(tally.failure).toBeUndefined();
      expectReach(tally, { exit0: 0.1, exit1: 0.1 });
    },
    600_000,
  );
});
