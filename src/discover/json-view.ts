/**
 * Read access to one JSON value, whether parsed (an API object, a small block) or still bytes in kubectl's
 * layout (see indentedJsonView): discover's facts are read through this, so a 150,000-pod capture is read
 * field by field instead of parsed whole.
 */
export interface JsonView {
  /** An object's member; undefined when absent or when this is not an object. */
  get(key: string): JsonView | undefined;
  /** An array's elements; none when this is not an array. */
  elements(): JsonView[];
  /** A string, number, boolean or null; undefined for an object or an array. */
  scalar(): unknown;
}

type Loose = Record<string, unknown>;

/** A parsed value seen as a view (an API object, or a block small enough to parse whole). */
class ParsedView implements JsonView {
  constructor(private readonly value: unknown) {}

  get(key: string): JsonView | undefined {
    const { value } = this;
    return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key)
      ? new ParsedView((value as Loose)[key])
      : undefined;
  }

  elements(): JsonView[] {
    return Array.isArray(this.value) ? this.value.map((v) => new ParsedView(v)) : [];
  }

  scalar(): unknown {
    return typeof this.value === 'object' && this.value !== null ? undefined : this.value;
  }
}

export const parsedJsonView = (value: unknown): JsonView => new ParsedView(value);

/** The view at a path of keys, or undefined where one is missing. */
export function at(view: JsonView | undefined, ...path: string[]): JsonView | undefined {
  let here = view;
  for (const key of path) here = here?.get(key);
  return here;
}

/** A string at the path, or '' (a missing field or another type reads as nothing). */
export function textAt(view: JsonView | undefined, ...path: string[]): string {
  const value = at(view, ...path)?.scalar();
  return typeof value === 'string' ? value : '';
}
