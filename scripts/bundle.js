// Bundles the compiled CLI into dist/bundle/ (part of `npm run build`), with V8's code cache for it.
//
// Node spends much of a short run loading code: resolving and reading the ~700 modules of vega, vega-lite,
// d3, zod and the CLI one by one, then parsing and compiling the functions it runs. One bundled file cuts
// the first; V8's code cache cuts the second. Node 20 caches code only for scripts (vm.Script), not for ES
// modules, so the bundle is one CommonJS file, main.cjs, loaded by load.cjs with main.cache: the bytecode of
// every function a training run below compiled (the CLI, the YAML and schema checks, scoring, Vega, the
// templates). Modules behind dynamic imports are still evaluated only when first imported.
//
// The cache is an optimisation only: V8 rejects one made by another Node or with other V8 flags, and load.cjs
// ignores one made for another main.cjs (by the build id on the bundle's first line); either way the bundle
// is compiled as usual. bin/cnireport.js uses the bundle only when it is newer than dist/cli/main.js, so a
// plain `tsc` (as the test suite runs) never leaves a stale bundle in use.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = resolve(root, process.argv[2] ?? 'dist/bundle');

/**
 * A script compiled by vm.Script cannot import() without an experimental flag, so the imports left to run
 * time (an external package, a file named by a computed URL) go through load.cjs's import(), as
 * __bundleImport(...). Imports of a quoted path are bundled as usual.
 */
const importsThroughLoader = {
  name: 'imports-through-loader',
  setup(pluginBuild) {
    const externals = /\bimport\((['"])(puppeteer-core|@resvg\/resvg-js|fontkit)\1\)/g;
    pluginBuild.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      return {
        contents: text
          .replace(externals, '__bundleImport($1$2$1)')
          .replace(/\bimport\((?!['"`])/g, '__bundleImport('),
        loader: 'js',
      };
    });
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/main.js'],
  write: false,
  outfile: join(outdir, 'main.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Puppeteer is loaded only to print; resvg is a native addon; fontkit is required lazily by text-metrics;
  // pptxgenjs import()s node:fs, which a vm.Script cannot do, so it is required from node_modules, and so is
  // exceljs: the Office writers are large and only --format pptx / xlsx load them.
  // pdf-lib is bundled: as a package it is a hundred modules, loaded in 60-90 ms by each PDF run (bundled
  // into ES modules its CommonJS re-exports came out empty; a CommonJS bundle keeps them).
  external: ['puppeteer-core', '@resvg/resvg-js', 'fontkit', 'pptxgenjs', 'exceljs'],
  // Two levels below the package root, as dist/<folder>/ is: every `new URL('../../data/', import.meta.url)`
  // and the like resolves as it does from the unbundled files.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  alias: {
    // vega-canvas looks for node-canvas with a top-level await, which CommonJS cannot hold. Vega never gets a
    // canvas here (none is installed, and text is measured with the report font), so a module that has none
    // behaves the same.
    'vega-canvas': fileURLToPath(new URL('bundle-no-canvas.js', import.meta.url)),
  },
  plugins: [importsThroughLoader],
  logLevel: 'warning',
});
const [output] = result.outputFiles;
const id = createHash('sha256').update(output.contents).digest('hex').slice(0, 32);

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
writeFileSync(join(outdir, 'main.cjs'), `// cnireport bundle ${id}\n${output.text}`);
writeFileSync(
  join(outdir, 'load.cjs'),
  `'use strict';
// Written by scripts/bundle.js: loads main.cjs with V8's code cache, main.cache, when that was made for it.
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, 'main.cjs');
const cacheFile = join(__dirname, 'main.cache');
let script;
let cache = 'none';

/** The bundle's exports: { run } of dist/cli/main.js. */
exports.load = () => {
  const source = readFileSync(file, 'utf8');
  const id = source.slice(0, source.indexOf('\\n'));
  let cachedData;
  try {
    const cache = readFileSync(cacheFile);
    const header = Buffer.byteLength(id) + 1;
    if (cache.subarray(0, header).toString('utf8') === \`\${id}\\n\`) cachedData = cache.subarray(header);
  } catch {
    // No cache: compiled as usual.
  }
  const wrapped = \`(function (exports, require, module, __filename, __dirname, __bundleImport) {\${source}\n})\`;
  script = new Script(wrapped, { filename: file, cachedData });
  cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const module = { exports: {} };
  const bundleImport = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(file), module, file, __dirname, bundleImport);
  return module.exports;
};

/** Whether load() found a code cache made for this bundle and V8 took it: 'accepted', 'rejected' or 'none'. */
exports.cacheState = () => cache;

/** Writes the code cache of what this process compiled so far (scripts/bundle.js, after a training run). */
exports.saveCache = () => {
  const source = readFileSync(file, 'utf8');
  const id = source.slice(0, source.indexOf('\\n'));
  writeFileSync(cacheFile, Buffer.concat([Buffer.from(\`\${id}\\n\`), script.createCachedData()]));
};
`,
);
// The training run: a report in every format but the PDF (the printer's code is mostly the browser's).
const work = mkdtempSync(join(tmpdir(), 'cnireport-bundle-'));
try {
  const train = `
    const bundle = require(${JSON.stringify(join(outdir, 'load.cjs'))});
    bundle.load().run([process.execPath, 'cnireport', 'generate', ${JSON.stringify(join(root, 'examples', 'scaleup-sidecar-cost.yaml'))},
      '--out', ${JSON.stringify(work)}, '--format', 'html,md,svg,png,json']).then((code) => {
      if (code !== 0) throw new Error('the training run failed (exit code ' + code + ')');
      bundle.saveCache();
    });
  `;
  const run = spawnSync(process.execPath, ['--input-type=commonjs', '-e', train], {
    cwd: work,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1790000000' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`bundle: the code cache's training run failed:\n${run.stderr}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
