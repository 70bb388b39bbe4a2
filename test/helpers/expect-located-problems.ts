import { expect } from 'vitest';
import type { Problem } from '../../src/io/problem.js';

/** Every problem a parser returns for `text` points inside the text, so an editor can jump to it. */
export function expectLocatedProblems(
  parse: (text: string, file: string) => { ok: true } | { ok: false; problems: Problem[] },
  text: string,
): void {
  const result = parse(text, 'f.yaml');
  if (result.ok) return;
  const lineCount = text.split(/\r\n|\r|\n/).length;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lineCount);
    expect(p.col).toBeGreaterThanOrEqual(1);
    expect(p.message).not.toContain('\n');
  }
}
