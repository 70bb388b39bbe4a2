import { type Document, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';

export interface PairVisit {
  pair: Pair<Node, Node | null>;
  /** Path of the pair's value, e.g. ['cluster', 'nodes']. */
  path: PropertyKey[];
  map: YAMLMap<Node, Node | null>;
}

/**
 * Calls `fn` for every mapping entry, depth first in document order. Recursive: only call it on a
 * document whose nesting was already bounded (see findDeepNesting).
 */
export function eachPair(doc: Document, fn: (visit: PairVisit) => void): void {
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (isMap(node)) {
      const map = node as YAMLMap<Node, Node | null>;
      for (const pair of map.items) {
        const childPath = [...path, isScalar(pair.key) ? String(pair.key.value) : '?'];
        fn({ pair, path: childPath, map });
        walk(pair.value, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        walk(item, [...path, index]);
      });
    }
  };
  walk(doc.contents, []);
}
