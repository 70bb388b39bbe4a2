import { describe, expect, it } from 'vitest';
import { schemaShapedAnswers } from './arbitraries/schema-shaped-answers.js';
import { expectReach } from './harness/expect-reach.js';
import { fuzzCheck } from './harness/fuzz-check.js';
import { fuzzSettings } from './harness/fuzz-settings.js';
import { fuzzTargets } from './harness/fuzz-targets.js';

const settings = fuzzSettings(300, 20261125);

describe('documents shaped by the schema, values at their bounds (seeded fuzzing)', () => {
  it.each(fuzzTargets('schema-shaped'))(
    '$name: exit 0 with a valid value, or exit 1 with located lines',
    async (target) => {
      const tally = await fuzzCheck('schema-shaped', target, schemaShapedAnswers(), settings);
      expect(tally.failure).toBeUndefined();
      // Most cases must reach the engine: that is what this generator is for.
      expectReach(tally, { exit0: 1 / 3 });
    },
    600_000,
  );
});
