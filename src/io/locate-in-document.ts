import { type Document, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { IssueAnchor } from '../schema/zod-issue-messages.js';

interface Step {
  node: Node | null;
  /** The mapping entry the node is the value of, when it was reached through a key. */
  pair?: Pair<Node, Node | null>;
}

/** Follows `path` through the document as far as it exists: the root first, then one step per segment found. */
function follow(doc: Document, path: readonly PropertyKey[]): Step[] {
  const steps: Step[] = [{ node: doc.contents }];
  for (const segment of path) {
    const current = steps[steps.length - 1]?.node;
    if (isMap(current)) {
      const pair = (current.items as Pair<Node, Node | null>[]).find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (pair === undefined) break;
      steps.push({ node: pair.value, pair });
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment] as Node | undefined;
      if (item === undefined) break;
      steps.push({ node: item });
    } else break;
  }
  return steps;
}

/**
 * Where a message about `path` should point. Scalars point at the value itself; a whole mapping or list
 * points at the key that introduces it (its first line is often several lines further down); a missing key
 * points at the mapping that lacks it; an unknown key at the key.
 */
export function locateInDocument(doc: Document, path: readonly PropertyKey[], anchor: IssueAnchor): number {
  const target = anchor === 'parent' ? path.slice(0, -1) : path;
  const steps = follow(doc, target);
  const last = steps[steps.length - 1];
  if (last === undefined) return 0;
  const found = steps.length === target.length + 1;
  if (found && anchor === 'value' && (isScalar(last.node) || last.pair === undefined)) {
    return last.node?.range?.[0] ?? last.pair?.key?.range?.[0] ?? 0;
  }
  return last.pair?.key?.range?.[0] ?? last.node?.range?.[0] ?? 0;
}
