import type { CST } from 'yaml';

/**
 * Offset of the first collection nested deeper than `maxDepth`, or undefined. Walks the concrete syntax
 * tree with an explicit stack: yaml's composer and toJS recurse once per level, so a hostile 5,000-deep
 * document must be refused here, before either of them runs.
 */
export function findDeepNesting(tokens: readonly CST.Token[], maxDepth: number): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const entry = stack.pop();
    if (entry === undefined) break;
    const { token, depth } = entry;
    if (token.type === 'document') {
      if (token.value !== undefined) stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')
      continue;
    if (depth + 1 > maxDepth) return token.offset;
    for (const item of token.items) {
      if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}
