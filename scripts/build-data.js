// Caches the parse of data/*.yaml as dist/data.json, keyed by the files' text, so that a run skips parsing
// YAML (part of `npm run build`). The YAML stays the source: a cache that does not match it is ignored.
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_DATA_DIR, loadDataset, readDataFiles } from '../dist/io/load-dataset.js';

// Valid data only: invalid files are reported by the YAML path, with their file names.
loadDataset();
const { key, raw } = readDataFiles(DEFAULT_DATA_DIR);
if (!isDeepStrictEqual(JSON.parse(JSON.stringify(raw)), raw)) {
  throw new Error('data/*.yaml holds values JSON cannot carry (a date, .inf, .nan): not cached');
}
writeFileSync(new URL('../dist/data.json', import.meta.url), `${JSON.stringify({ key, raw })}\n`);
