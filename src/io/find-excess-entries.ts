import type { CST } from 'yaml';

/**
 * Offset of the collection whose entries take the document past `maxEntries` keys and list items in all,
 * or undefined. yaml's duplicate-key check compares each key with every earlier key of its mapping, and
 * each duplicate found is located with a walk of the document: both grow with the square of the entries,
 * so a 1 MiB file of 200,000 one-line keys would take many minutes. Counted on the concrete syntax tree,
 * before either runs.
 */
export function findExcessEntries(tokens: readonly CST.Token[], maxEntries: number): number | undefined {
  let entries = 0;
  const stack: CST.Token[] = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop();
    if (token === undefined) break;
    if (token.type === 'document') {
      if (token.value !== undefined) stack.push(token.value);
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')
      continue;
    entries += token.items.length;
    if (entries > maxEntries) return token.offset;
    for (const item of token.items) {
      if ('key' in item && item.key) stack.push(item.key);
      if (item.value) stack.push(item.value);
    }
  }
  return undefined;
}
