import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to a misspelt `input`, or undefined when none is close enough to be a likely typo.
 * Case is ignored (`Nodes` suggests `nodes`); the allowance grows with the length of the input so a
 * transposition (`nodse`) counts as close, but a short unrelated word never does.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  const allowance = Math.max(2, Math.floor(needle.length / 3));
  let best: { candidate: string; d: number } | undefined;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d <= allowance && d < needle.length && d < candidate.length && (best === undefined || d < best.d)) {
      best = { candidate, d };
    }
  }
  return best?.candidate;
}
