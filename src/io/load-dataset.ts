import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parse, parseDocument, YAMLParseError } from 'yaml';
import { type Dataset, DatasetSchema } from '../schema/dataset.js';
import { dataFileUnreadable, dataProblems } from '../shared/error-catalogue.js';
import { type CniError, InternalError } from '../shared/errors.js';
import { locateInDocument } from './locate-in-document.js';
import { compareProblems, formatPath, formatProblem, type Problem } from './problem.js';
import { yamlErrorMessage } from './yaml-error-message.js';

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
      throw dataFileUnreadable(file, error);
    }
  });
  const hash = createHash('sha256');
  for (const { text } of texts) hash.update(text).update('\0');
  const key = hash.digest('hex');
  const cached = readParsedCache(key);
  if (cached !== undefined) return { key, raw: cached };
  const parsed = texts.map(({ file, text }) => {
    const lineCounter = new LineCounter();
    try {
      return parse(text, { uniqueKeys: true, maxAliasCount: 0, lineCounter, prettyErrors: false }) as Record<
        string,
        unknown
      >;
    } catch (error) {
      if (!(error instanceof YAMLParseError)) throw error;
      const { line, col } = lineCounter.linePos(error.pos[0]);
      throw dataInvalid(dir, [
        { file: shown(file), line, col, path: '', message: yamlErrorMessage(error, 'data') },
      ]);
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
    cloudEncryption: raw.platforms.cloudEncryption,
    currentStacks: raw.options.currentStacks,
    sidecarFreeMove: raw.addons.sidecarFreeMove,
  });
  if (!parsed.success) {
    throw dataInvalid(
      dir,
      parsed.error.issues.map((issue) => locateDataIssue(dir, issue.path, issue.message)),
    );
  }
  return parsed.data;
}

/**
 * One problem: its one line, `data/options.yaml:39:10  options[1].cni: …`, the form answers files use too; several:
 * a count, then one such line each, by file and line.
 */
function dataInvalid(dir: string, problems: Problem[]): CniError {
  const sorted = problems.sort((a, b) => a.file.localeCompare(b.file) || compareProblems(a, b));
  return dataProblems(shown(dir), sorted.map(formatProblem));
}

/** A data file's name as the contributor would type it: relative to the working folder when inside it. */
function shown(file: string): string {
  const inside = relative(process.cwd(), file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file;
}

/** Where each part of the data set is written: its file, and the key the part sits under there (none: the whole file). */
const PART_FILES: Readonly<Record<string, readonly [(typeof FILES)[number], string | null]>> = {
  meta: ['meta', null],
  currencies: ['currencies', null],
  costs: ['costs', 'costs'],
  capabilities: ['capabilities', 'capabilities'],
  addons: ['addons', 'addons'],
  options: ['options', 'options'],
  model: ['model', null],
  rules: ['needs-rules', 'rules'],
  migrations: ['migrations', 'migrations'],
  meshRetirement: ['migrations', 'meshRetirement'],
  platforms: ['platforms', 'platforms'],
  cloudEncryption: ['platforms', 'cloudEncryption'],
  currentStacks: ['options', 'currentStacks'],
  sidecarFreeMove: ['addons', 'sidecarFreeMove'],
};

/** An issue of the data set where the contributor edits it: the file and the key the part sits under there. */
function locateDataIssue(dir: string, path: readonly PropertyKey[], message: string): Problem {
  const [part, ...rest] = path;
  const where = PART_FILES[String(part)];
  // Every part of the data set comes from one file, and the schema's own checks name a part first.
  if (where === undefined) throw new InternalError(`a data issue outside every data file: ${String(part)}`);
  const [name, key] = where;
  return locateInDataFile(dir, name, key === null ? rest : [key, ...rest], message);
}

/**
 * A problem at `path` inside data file `name`: the line and column of the value, and the path. The file is read
 * again (only when something is wrong), since a valid parse may have come from the cache.
 */
export function locateInDataFile(
  dir: string,
  name: (typeof FILES)[number],
  path: readonly PropertyKey[],
  message: string,
): Problem {
  const file = join(dir, `${name}.yaml`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
  const { line, col } = lineCounter.linePos(locateInDocument(doc, path, 'value'));
  return { file: shown(file), line, col, path: formatPath(path), message };
}

let cached: Dataset | undefined;

/**
 * The data set a run uses, read once per process: the package's own, or the folder CNIREPORT_DATA_DIR names (a
 * maintainer's edited copy of data/, checked by the same schema).
 */
export function defaultDataset(): Dataset {
  cached ??= loadDataset(process.env.CNIREPORT_DATA_DIR || DEFAULT_DATA_DIR);
  return cached;
}
