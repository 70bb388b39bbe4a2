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
] as const;

function readYaml(dir: string, name: string): unknown {
  const file = join(dir, `${name}.yaml`);
  try {
    return parse(readFileSync(file, 'utf8'), { uniqueKeys: true, maxAliasCount: 0 });
  } catch (error) {
    throw new CniError('DATA_INVALID', `${file}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Reads and validates every data file in `dir`; the result is what the decision engine runs on. */
export function loadDataset(dir: string = DEFAULT_DATA_DIR): Dataset {
  const raw = Object.fromEntries(FILES.map((name) => [name, readYaml(dir, name)])) as Record<
    (typeof FILES)[number],
    Record<string, unknown>
  >;
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
