import { readFileSync } from 'node:fs';

/**
 * The result's nullable fields, by name, as `schema/result.schema.json` declares them (each says there why it may be
 * null); a null anywhere else is a NaN or Infinity that JSON.stringify hid. Read from the schema, so a field added as
 * nullable is known here without a second list to keep in step.
 */
const NULLABLE = nullableFields(
  JSON.parse(readFileSync(new URL('../../../schema/result.schema.json', import.meta.url), 'utf8')),
);

function nullableFields(schema: unknown): Set<string> {
  const names = new Set<string>();
  const allowsNull = (s: unknown): boolean => {
    if (typeof s !== 'object' || s === null) return false;
    const { type, anyOf } = s as { type?: unknown; anyOf?: unknown };
    return (
      type === 'null' ||
      (Array.isArray(type) && type.includes('null')) ||
      (Array.isArray(anyOf) && anyOf.some(allowsNull))
    );
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const properties = (node as { properties?: unknown }).properties;
      if (typeof properties === 'object' && properties !== null) {
        for (const [name, s] of Object.entries(properties)) if (allowsNull(s)) names.add(name);
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(schema);
  return names;
}

interface ResultShape {
  recommendation?: { option?: unknown; confidence?: unknown };
  options?: { id?: unknown; tco?: { total?: unknown } }[];
}

/** Every number finite, no stray null, the recommendation one of the options and ranked first. */
export function resultViolations(value: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, path: string, key: string): void => {
    if (typeof node === 'number' && !Number.isFinite(node)) found.push(`${path} is ${node}`);
    else if (node === null && !NULLABLE.has(key)) found.push(`${path} is null (NaN or Infinity before JSON)`);
    else if (Array.isArray(node)) {
      for (const [i, x] of node.entries()) walk(x, `${path}[${i}]`, key);
    } else if (typeof node === 'object' && node !== null)
      for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`, k);
  };
  walk(value, 'result', '');

  const result = value as ResultShape;
  const option = result.recommendation?.option;
  const ids = (result.options ?? []).map((o) => o.id);
  if (!ids.includes(option as string)) found.push(`recommendation ${String(option)} is not an option`);
  if (ids.length < 2 || new Set(ids).size !== ids.length) found.push(`options are ${ids.join(', ')}`);
  if (ids[0] !== option) found.push(`recommended ${String(option)} but ranked ${String(ids[0])} first`);
  const confidence = result.recommendation?.confidence;
  if (typeof confidence !== 'number' || confidence < 0 || confidence > 1)
    found.push(`confidence ${String(confidence)} outside 0 to 1`);
  for (const o of result.options ?? []) {
    const total = o.tco?.total;
    if (typeof total !== 'number' || total < 0) found.push(`${String(o.id)} TCO total ${String(total)}`);
  }
  // One violation of the same kind per path family is enough to read.
  return found.slice(0, 8);
}
