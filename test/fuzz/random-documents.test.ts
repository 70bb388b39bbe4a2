import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryContent } from './arbitraries/binary-content.js';
import { randomDocument } from './arbitraries/random-document.js';
import { expectReach } from './harness/expect-reach.js';
import { fuzzCheck } from './harness/fuzz-check.js';
import { fuzzSettings } from './harness/fuzz-settings.js';
import { fuzzTargets } from './harness/fuzz-targets.js';

const settings = fuzzSettings(300, 20261126);
const cases = fc.oneof({ arbitrary: randomDocument(), weight: 3 }, { arbitrary: binaryContent(), weight: 1 });

describe('random documents and binary content (seeded fuzzing)', () => {
  it.each(fuzzTargets('random'))(
    '$name: exit 1 with located lines, never a crash',
    async (target) => {
      const tally = await fuzzCheck('random-documents', target, cases, settings);
      expect(tally.failure).toBeUndefined();
      expectReach(tally, { exit1: 0.5 });
    },
    600_000,
  );
});
