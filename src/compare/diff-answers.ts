import type { Answers } from '../schema/answers.js';

/** One answer that differs between two files, by its key path in the answers file (`team.vendorSupport`). */
export interface AnswerChange {
  readonly path: string;
  /** The value in the earlier file; null where the key is omitted there (a default derived from the rest). */
  readonly from: unknown;
  readonly to: unknown;
}

/**
 * Every leaf of the validated answers (defaults applied) that differs, in the order of the answers file. Lists
 * count as one value each: a changed list of clouds is one change. Omitted optional keys (needs left to be
 * derived, a sidecar size left to data/) are null. Pure.
 */
export function diffAnswers(a: Answers, b: Answers): AnswerChange[] {
  const changes: AnswerChange[] = [];
  walk(a, b, [], changes);
  return changes;
}

function walk(a: unknown, b: unknown, path: readonly string[], out: AnswerChange[]): void {
  if (isRecord(a) && isRecord(b) && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const key of keys) walk(a[key], b[key], [...path, key], out);
    return;
  }
  if (!sameValue(a, b)) out.push({ path: path.join('.'), from: a ?? null, to: b ?? null });
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** Values of an answers file are JSON: equal when their JSON is. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * `answers` with the values of `changes` set, each at its path (null removes the key, as an omitted answer).
 * Pure: the answers given are not modified.
 */
export function applyChanges(answers: Answers, changes: readonly AnswerChange[]): Answers {
  const copy = structuredClone(answers) as unknown as Record<string, unknown>;
  for (const change of changes) {
    const keys = change.path.split('.');
    const last = keys.pop();
    if (last === undefined) continue;
    let node = copy;
    for (const key of keys) {
      const next = node[key];
      if (!isRecord(next)) {
        const created: Record<string, unknown> = {};
        node[key] = created;
        node = created;
      } else node = next;
    }
    if (change.to === null) delete node[last];
    else node[last] = structuredClone(change.to);
  }
  return copy as unknown as Answers;
}
