import type { EngineResult } from '../result/result-types.js';

type CloseCallReason = EngineResult['recommendation']['closeBecause'][number];

/** What a close call turns on, in one sentence: "Cilium OSS would be the pick if …, or if …". Null when clear. */
export function turnsOnSentence(
  reasons: readonly Pick<CloseCallReason, 'toward' | 'text'>[],
  names: Readonly<Record<string, string>>,
): string | null {
  const first = reasons[0];
  if (first === undefined) return null;
  return `${names[first.toward] ?? first.toward} would be the pick if ${reasons.map((r) => r.text).join(', or if ')}.`;
}
