import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to a misspelt `input`, or undefined when none is close enough to be a likely typo.
 * Case is ignored (`Nodes` suggests `nodes`); the allowance grows with the length of the input so a
 * transposition (`nodse`) counts as close, but a short unrelated word never does. Ties go to the candidate
 * sharing the longer prefix (`azr` → `azure`, not `aws`): people misspell endings more than beginnings.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  const allowance = Math.max(2, Math.floor(needle.length / 3));
  let best: { candidate: string; d: number; prefix: number } | undefined;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const d = distance(needle, lower);
    if (d > allowance || d >= needle.length || d >= candidate.length) continue;
    const prefix = commonPrefixLength(needle, lower);
    if (best === undefined || d < best.d || (d === best.d && prefix > best.prefix))
      best = { candidate, d, prefix };
  }
  return best?.candidate;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}
