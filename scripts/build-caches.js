// Part of `npm run build`: what every run would otherwise redo from the sources, cached in dist/ and keyed by
// those sources, which stay the truth (a cache that does not match them is ignored).
// - dist/data.json: the parse of data/*.yaml, keyed by the files' text;
// - dist/templates.js: the shipped Handlebars templates compiled, each with the text it was compiled from.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import Handlebars from 'handlebars';
import { DEFAULT_DATA_DIR, loadDataset, locateInDataFile, readDataFiles } from '../dist/io/load-dataset.js';
import { formatProblem } from '../dist/io/problem.js';
import { LAYOUT_NAME, TEMPLATE_OPTIONS } from '../dist/render/render-report-html.js';

// Valid data only: invalid files are reported each at its file:line:col, without a stack trace.
function refuse(message) {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}
try {
  loadDataset();
} catch (error) {
  refuse(error.message);
}
const { key, raw } = readDataFiles(DEFAULT_DATA_DIR);
const uncarried = notJson(raw, []);
if (uncarried !== undefined) {
  // The cache is JSON; the schema lets some such values through where it does not look (a note, a source).
  const [file, ...path] = uncarried;
  const message = 'a value JSON cannot carry (a date, .inf or .nan): quote it';
  refuse(formatProblem(locateInDataFile(DEFAULT_DATA_DIR, file, path, message)));
}
writeFileSync(new URL('../dist/data.json', import.meta.url), `${JSON.stringify({ key, raw })}\n`);

const templates = new URL('../templates/', import.meta.url);
const files = [
  [LAYOUT_NAME, LAYOUT_NAME],
  ...readdirSync(new URL('partials/', templates))
    .filter((file) => file.endsWith('.hbs'))
    .sort()
    .map((file) => [file.slice(0, -'.hbs'.length), `partials/${file}`]),
];
const entries = files.map(([name, file]) => {
  const text = readFileSync(new URL(file, templates), 'utf8');
  const spec = Handlebars.precompile(text, TEMPLATE_OPTIONS);
  return `  ${JSON.stringify(name)}: { text: ${JSON.stringify(text)}, spec: ${spec} },`;
});
writeFileSync(
  new URL('../dist/templates.js', import.meta.url),
  `// Written by npm run build (scripts/build-caches.js) from templates/.\nexport default {\n${entries.join('\n')}\n};\n`,
);

/** The path of the first value whose JSON round trip differs (a date, an infinite or not-a-number value). */
function notJson(value, path) {
  if (Array.isArray(value) || (value !== null && Object.getPrototypeOf(value) === Object.prototype)) {
    for (const [key, inner] of Object.entries(value)) {
      const found = notJson(inner, [...path, Array.isArray(value) ? Number(key) : key]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value) ? undefined : path;
}
