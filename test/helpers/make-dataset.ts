import { defaultDataset } from '../../src/io/load-dataset.js';
import { type Dataset, type DatasetInput, DatasetSchema } from '../../src/schema/dataset.js';

/** Objects given in part, key by key; a list given is the whole list, as the data files write it. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

type ById<T> = Readonly<Record<string, DeepPartial<T>>>;

/** What a test states about the data it runs on; everything it does not state is the shipped data's. */
export interface DatasetEdits {
  /** Values merged key by key into the data set (a list given replaces the whole list). */
  readonly set?: DeepPartial<DatasetInput>;
  /** Entries of the lists keyed by id, each merged key by key into the entry of that id (which must exist). */
  readonly options?: ById<DatasetInput['options'][number]>;
  readonly addons?: ById<DatasetInput['addons'][number]>;
  readonly platforms?: ById<DatasetInput['platforms'][number]>;
  readonly capabilities?: ById<DatasetInput['capabilities'][number]>;
}

/**
 * A data set for an engine test: the shipped one with the values the test relies on stated by the test, so the
 * test asserts on its own figures and keeps passing when data/ is revised. The result goes through the data's own
 * schema, cross-file checks included, so a test cannot run the engine on data that could never ship.
 */
export function makeDataset(edits: DatasetEdits = {}): Dataset {
  const shipped = defaultDataset();
  const merged = merge(shipped, edits.set ?? {}) as Dataset;
  return DatasetSchema.parse({
    ...merged,
    options: patchById(merged.options, edits.options, 'options'),
    addons: patchById(merged.addons, edits.addons, 'addons'),
    platforms: patchById(merged.platforms, edits.platforms, 'platforms'),
    capabilities: patchById(merged.capabilities, edits.capabilities, 'capabilities'),
  });
}

/** A cost range around `likely`: the same figure at every end, so a test's arithmetic is exact. */
export function exactly(likely: number): { low: number; likely: number; high: number } {
  return { low: likely, likely, high: likely };
}

function merge(base: unknown, edit: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(edit)) return edit === undefined ? base : edit;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(edit)) out[key] = merge(base[key], value);
  return out;
}

function patchById<T extends { readonly id: string }>(
  list: readonly T[],
  patches: Readonly<Record<string, unknown>> | undefined,
  name: string,
): T[] {
  if (patches === undefined) return [...list];
  for (const id of Object.keys(patches)) {
    if (!list.some((item) => item.id === id)) throw new Error(`makeDataset: no ${name} entry ${id}`);
  }
  return list.map((item) => (patches[item.id] === undefined ? item : (merge(item, patches[item.id]) as T)));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
