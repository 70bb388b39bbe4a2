import type { JsonSchemaNode } from './json-schema-node.js';

/** A value as written in YAML flow style: strings bare when safe, lists in brackets, the rest as JSON. */
export function formatSchemaValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatSchemaValue).join(', ')}]`;
  if (typeof value === 'string')
    return /^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** `one of a, b, c`, or the single value when there is only one. */
export function describeValues(values: readonly unknown[]): string {
  const shown = values.map(formatSchemaValue);
  return shown.length === 1 ? (shown[0] ?? '') : `one of ${shown.join(', ')}`;
}

/** `1 to 10`, `at least 0`, `at most 5`, or undefined when the number is unbounded. */
export function describeRange(node: JsonSchemaNode): string | undefined {
  const low =
    node.minimum !== undefined
      ? { text: String(node.minimum), phrase: `at least ${node.minimum}` }
      : node.exclusiveMinimum !== undefined
        ? { text: `above ${node.exclusiveMinimum}`, phrase: `above ${node.exclusiveMinimum}` }
        : undefined;
  const high =
    node.maximum !== undefined
      ? { text: String(node.maximum), phrase: `at most ${node.maximum}` }
      : node.exclusiveMaximum !== undefined
        ? { text: `below ${node.exclusiveMaximum}`, phrase: `below ${node.exclusiveMaximum}` }
        : undefined;
  if (low !== undefined && high !== undefined) return `${low.text} to ${high.text}`;
  return low?.phrase ?? high?.phrase;
}

/** `1 to 120 characters`, `at most 8 entries`, `at least 1 entry`, or undefined when unbounded. */
export function describeCount(
  min: number | undefined,
  max: number | undefined,
  unit: 'character' | 'entry',
): string | undefined {
  const plural = (n: number) => (n === 1 ? unit : unit === 'entry' ? 'entries' : 'characters');
  if (min !== undefined && min > 0 && max !== undefined) return `${min} to ${max} ${plural(max)}`;
  if (max !== undefined) return `at most ${max} ${plural(max)}`;
  if (min !== undefined && min > 0) return `at least ${min} ${plural(min)}`;
  return undefined;
}

/** What a valid value looks like, as a phrase that completes "expected …". */
export function describeExpectation(node: JsonSchemaNode): string {
  if (node.const !== undefined) return formatSchemaValue(node.const);
  if (node.enum !== undefined) return describeValues(node.enum);
  switch (node.type) {
    case 'integer':
    case 'number': {
      const noun = node.type === 'integer' ? 'an integer' : 'a number';
      const range = describeRange(node);
      if (range === undefined) return noun;
      return /^\d|^-/.test(range) ? `${noun} from ${range}` : `${noun} ${range}`;
    }
    case 'boolean':
      return 'true or false';
    case 'string': {
      // A date says what it is; a pattern that comes with words is explained by the check that fails.
      if (node.format === 'date' && node.patternErrorMessage !== undefined) return node.patternErrorMessage;
      const length = describeCount(node.minLength, node.maxLength, 'character');
      const pattern =
        node.pattern === undefined || node.patternErrorMessage !== undefined
          ? ''
          : ` matching ${node.pattern}`;
      return `text${length === undefined ? '' : ` of ${length}`}${pattern}`;
    }
    case 'array': {
      const count = describeCount(node.minItems, node.maxItems, 'entry');
      const each = node.items === undefined ? '' : `, each ${describeExpectation(node.items)}`;
      return `a list${count === undefined ? '' : ` of ${count}`}${each}`;
    }
    case 'object':
      return 'a mapping';
    default:
      return 'a value';
  }
}
