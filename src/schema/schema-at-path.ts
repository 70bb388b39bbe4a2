import type { JsonSchemaNode } from './json-schema-node.js';

/** The schema node that describes the value at `path` (object keys and list indexes), if any. */
export function schemaAtPath(root: JsonSchemaNode, path: readonly PropertyKey[]): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (typeof segment === 'number') node = node.items;
    else {
      const key = String(segment);
      // hasOwn: a key such as `constructor` must not resolve to Object.prototype members.
      node =
        node.properties !== undefined && Object.hasOwn(node.properties, key)
          ? node.properties[key]
          : undefined;
    }
  }
  return node;
}
