import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type Dataset, DatasetSchema } from '../schema/dataset.js';
import { CniError } from '../shared/errors.js';

/** data/ ships beside dist/ and src/, both two levels below the package root. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

const FILES = [
  'meta',
  'currencies',
  'costs',
  'capabilities',
  'addons',
  'options',
  'model',
  'needs-rules',
  'migrations',
  'platforms',
] as const;

/**
 * The parsed data files of the package's own data/, written by `npm run build` (scripts/build-caches.js):
 * parsing the YAML is most of the cost of loading the data, and a run needs it once.
 */
const PARSED_CACHE = new URL('../../dist/data.json', import.meta.url);

type RawData = Record<(typeof FILES)[number], Record<string, unknown>>;

/** The data files of `dir` as parsed YAML, and a key that changes whenever any of their text does. */
export function readDataFiles(dir: string): { readonly key: string; readonly raw: RawData } {
  const texts = FILES.map((name) => {
    const file = join(dir, `${name}.yaml`);
    try {
      return { file, text: readFileSync(file, 'utf8') };
    } catch (error) {
      throw new CniError('DATA_INVALID', `${file}: ${(error as Error).message.split('\n')[0]}`);
    }
  });
  const hash = createHash('sha256');
  for (const { text } of texts) hash.update(text).update('\0');
  const key = hash.digest('hex');
  const cached = readParsedCache(key);
  if (cached !== undefined) return { key, raw: cached };
  const parsed = texts.map(({ file, text }) => {
    try {
      return parse(text, { uniqueKeys: true, maxAliasCount: 0 }) as Record<string, unknown>;
    } catch (error) {
      throw new CniError('DATA_INVALID', `${file}: ${(error as Error).message.split('\n')[0]}`);
    }
  });
  return { key, raw: Object.fromEntries(FILES.map((name, i) => [name, parsed[i]])) as RawData };
}

/** The cached parse when it was made from exactly these files; anything else (none, stale) reads the YAML. */
function readParsedCache(key: string): RawData | undefined {
  try {
    const cache = JSON.parse(readFileSync(PARSED_CACHE, 'utf8')) as { key?: string; raw?: RawData };
    return cache.key === key ? cache.raw : undefined;
  } catch {
    return undefined;
  }
}

/** Reads and validates every data file in `dir`; the result is what the decision engine runs on. */
export function loadDataset(dir: string = DEFAULT_DATA_DIR): Dataset {
  const { raw } = readDataFiles(dir);
  const parsed = DatasetSchema.safeParse({
    meta: raw.meta,
    currencies: raw.currencies,
    costs: raw.costs.costs,
    capabilities: raw.capabilities.capabilities,
    addons: raw.addons.addons,
    options: raw.options.options,
    model: raw.model,
    rules: raw['needs-rules'].rules,
    migrations: raw.migrations.migrations,
    meshRetirement: raw.migrations.meshRetirement,
    platforms: raw.platforms.platforms,
    currentStacks: raw.options.currentStacks,
    sidecarFreeMove: raw.addons.sidecarFreeMove,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new CniError('DATA_INVALID', `data files in ${dir} are invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

let cached: Dataset | undefined;

/** The data set shipped with the package, read once per process. */
export function defaultDataset(): Dataset {
  cached ??= loadDataset();
  return cached;
}
