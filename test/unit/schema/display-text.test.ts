import { describe, expect, it } from 'vitest';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import { isDisplayText } from '../../../src/schema/display-text.js';

/** Every code point of a Unicode general category, as Node's ICU knows it. */
function codePointsOf(category: RegExp): number[] {
  const found: number[] = [];
  for (let c = 0; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (category.test(String.fromCodePoint(c))) found.push(c);
  }
  return found;
}

describe('names shown on the report, in file names and on the terminal (security review I2)', () => {
  it('refuses every invisible format character (direction marks, zero-width space, tags), but the joiners', () => {
    const format = codePointsOf(/^\p{Cf}$/u);
    expect(format).toEqual(expect.arrayContaining([0x200b, 0x200e, 0x200f, 0x061c, 0x2060, 0xfeff, 0xe0041]));
    const accepted = format.filter((c) => isDisplayText(`Acme${String.fromCodePoint(c)}Bank`));
    expect(accepted.map((c) => c.toString(16))).toEqual(['200c', '200d']);
  });

  it('refuses a client that looks like another one, with a one-line error at its place in the file', () => {
    const text = 'version: 1\nengagement:\n  client: "Acme\\u200b"\n';
    const parsed = parseAnswersText(text, 'rlm.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ file: 'rlm.yaml', line: 3, path: 'engagement.client' });
    expect(parsed.problems[0]?.message).toMatch(/invisible characters/);
  });
});
