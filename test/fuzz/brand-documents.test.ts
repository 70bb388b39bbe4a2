import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { binaryContent } from './arbitraries/binary-content.js';
import { fuzzCase } from './arbitraries/fuzz-case.js';
import { oddText } from './arbitraries/odd-text.js';
import { randomDocument } from './arbitraries/random-document.js';
import { applyTextEdit, textEdit } from './arbitraries/text-edit.js';
import { brandTarget, EXAMPLE_BRAND } from './harness/brand-target.js';
import { expectReach } from './harness/expect-reach.js';
import { fuzzCheck } from './harness/fuzz-check.js';
import { fuzzSettings } from './harness/fuzz-settings.js';

const settings = fuzzSettings(300, 20261127);
const dir = mkdtempSync(join(tmpdir(), 'cnireport-fuzz-brand-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The example brand file after one to three text edits: BOM, CR, CRLF, tabs, splices, truncation. */
const brandEdits = fc.array(textEdit(), { minLength: 1, maxLength: 3 }).map((edits) =>
  fuzzCase(
    edits.reduce(applyTextEdit, readFileSync(EXAMPLE_BRAND, 'utf8')),
    edits.map((e) => `brand-${e.kind}`),
  ),
);

/** Odd text (escapes, direction overrides, lone surrogates, path parts) as the name, logo and footer, quoted. */
const oddValues = fc
  .record({ name: oddText(), logo: oddText(), footer: oddText() }, { requiredKeys: ['name'] })
  .map((brand) =>
    fuzzCase(
      Object.entries(brand)
        .map(([key, value]) => `${key}: ${JSON.stringify(value)}\n`)
        .join(''),
      ['brand-odd-values'],
    ),
  );

const cases = fc.oneof(
  { arbitrary: brandEdits, weight: 2 },
  { arbitrary: oddValues, weight: 1 },
  { arbitrary: randomDocument(), weight: 2 },
  { arbitrary: binaryContent(), weight: 1 },
);

describe('brand files: edited, random and binary (seeded fuzzing)', () => {
  it('brand loader: exit 0 with a valid brand, or exit 1 with located lines', async () => {
    const tally = await fuzzCheck('brand-documents', brandTarget(dir), cases, settings);
    expect(tally.failure).toBeUndefined();
    expectReach(tally, { exit0: 0.1, exit1: 0.3 });
  }, 600_000);
});
