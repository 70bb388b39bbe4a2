// Bundles the compiled CLI into dist/bundle/ (part of `npm run build`, see build.js), with V8's code cache for
// it, and the library entry (dist/index.js) into dist/bundle/index.js: the installed package runs these, so
// its only dependencies are what they leave out (resvg's native addon, fontkit, the font files)
// and every chart library comes from this build's one resolved copy, whatever the installer resolves.
//
// Node spends much of a short run loading code: resolving and reading the ~700 modules of vega, vega-lite,
// d3, zod and the CLI one by one, then parsing and compiling the functions it runs. One bundled file cuts
// the first; V8's code cache cuts the second. Node 20 caches code only for scripts (vm.Script), not for ES
// modules, so the bundle is one CommonJS file, main.cjs, loaded by load.cjs with main.cache: the bytecode of
// every function a training run below compiled (the CLI, the YAML and schema checks, scoring, Vega, the
// templates). Modules behind dynamic imports are still evaluated only when first imported.
//
// load.cjs and main.cjs carry the build id (`--id`, from build-id.js). bin/cnireport.js runs the bundle only
// when dist/build-id.js holds that id, which the build writes last and a bare `tsc` overwrites: a dist/ that
// tsc rewrote since runs unbundled rather than stale. The cache is an optimisation only: V8 rejects one made
// by another Node or with other V8 flags, and load.cjs ignores one made for another build; either way the
// bundle is compiled as usual.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = resolve(root, 'dist/bundle');
const idFlag = process.argv.indexOf('--id');
const id = process.argv[idFlag + 1] ?? '';
if (idFlag < 0 || !/^[0-9a-f]{32}$/.test(id))
  throw new Error('bundle: --id <32 hex digits> is required (npm run build)');

/**
 * A script compiled by vm.Script cannot import() without an experimental flag, so the imports left to run
 * time (an external package, a file named by a computed URL) go through load.cjs's import(), as
 * __bundleImport(...). Imports of a quoted path are bundled as usual.
 */
const importsThroughLoader = {
  name: 'imports-through-loader',
  setup(pluginBuild) {
    const externals =
      /\bimport\((['"])(puppeteer-core|@resvg\/resvg-js|fontkit|@kubernetes\/client-node)\1\)/g;
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
  // Puppeteer is bundled too (with the code cache it loads in about half the time, and an install needs none of
  // its hundred dependencies); ws's optional native helpers are left to its own fallback. resvg is a native addon;
  // fontkit is required lazily by text-metrics. pptxgenjs import()s node:fs, which a vm.Script cannot do, so it is
  // required from node_modules, with the jszip it and the deck's repair share, and so is exceljs: the Office
  // writers are large and only --format pptx / xlsx load them.
  // @kubernetes/client-node (discover --context) is a runtime dependency loaded only when a live cluster is
  // read: its HTTP and WebSocket stack is large, and no other command needs it.
  // pdf-lib is bundled: as a package it is a hundred modules, loaded in 60-90 ms by each PDF run (bundled
  // into ES modules its CommonJS re-exports came out empty; a CommonJS bundle keeps them).
  external: [
    '@resvg/resvg-js',
    'fontkit',
    'bufferutil',
    'utf-8-validate',
    'pptxgenjs',
    'exceljs',
    'jszip',
    '@kubernetes/client-node',
  ],
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
// The library (`import('cnireport')`): scoring needs no browser, chart or template code, so an ES module
// bundle of dist/index.js; require() is given to the CommonJS modules it holds.
const library = await build({
  absWorkingDir: root,
  entryPoints: ['dist/index.js'],
  write: false,
  outfile: join(outdir, 'index.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// What bin/cnireport.js loads before anything else to start the browser of a PDF run (early-browser.ts): small,
// with nothing of Puppeteer, so the browser boots while the bundle loads.
const early = await build({
  absWorkingDir: root,
  entryPoints: ['dist/pdf/early-browser.js'],
  write: false,
  outfile: join(outdir, 'early-browser.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

// What discover's reader threads run (src/discover/read-ranges.ts): the kubectl reader alone, without the CLI.
const rangeWorker = await build({
  absWorkingDir: root,
  entryPoints: ['dist/discover/range-worker-main.js'],
  write: false,
  outfile: join(outdir, 'range-worker.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
writeFileSync(join(outdir, 'main.cjs'), `// cnireport bundle ${id}\n${output.text}`);
writeFileSync(join(outdir, 'index.js'), library.outputFiles[0].text);
writeFileSync(join(outdir, 'early-browser.js'), early.outputFiles[0].text);
writeFileSync(join(outdir, 'range-worker.cjs'), rangeWorker.outputFiles[0].text);
writeFileSync(
  join(outdir, 'load.cjs'),
  `'use strict';
// Written by scripts/bundle.js: loads main.cjs with V8's code cache, main.cache, when that was made for it.
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const BUILD_ID = '${id}';
const HEADER = \`// cnireport bundle \${BUILD_ID}\\n\`;
const file = join(__dirname, 'main.cjs');
const cacheFile = join(__dirname, 'main.cache');
let script;
let cache = 'none';

/**
 * Whether this bundle is what dist/ was last built into: dist/build-id.js holds its id (written last by the
 * build; a bare tsc writes null there). Otherwise the compiled modules beside it are newer and run instead.
 */
exports.valid = () => {
  try {
    return readFileSync(join(__dirname, '..', 'build-id.js'), 'utf8').includes(\`BUILD_ID = '\${BUILD_ID}';\`);
  } catch {
    return false;
  }
};

/** The bundle's exports: { run } of dist/cli/main.js. */
exports.load = () => {
  const source = readFileSync(file, 'utf8');
  if (!source.startsWith(HEADER)) throw new Error(\`\${file} is not the bundle of build \${BUILD_ID}: run npm run build\`);
  let cachedData;
  try {
    const cache = readFileSync(cacheFile);
    const header = Buffer.byteLength(HEADER);
    if (cache.subarray(0, header).toString('utf8') === HEADER) cachedData = cache.subarray(header);
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
  writeFileSync(cacheFile, Buffer.concat([Buffer.from(HEADER), script.createCachedData()]));
};
`,
);
// The training run: a report in every format, with a browser path that does not exist: Puppeteer is loaded (its
// code is cached too), no browser starts, and the PDF is left out with a note, as on a machine without one.
const work = mkdtempSync(join(tmpdir(), 'cnireport-bundle-'));
try {
  const train = `
    const bundle = require(${JSON.stringify(join(outdir, 'load.cjs'))});
    bundle.load().run([process.execPath, 'cnireport', 'generate', ${JSON.stringify(join(root, 'examples', 'scaleup-sidecar-cost.yaml'))},
      '--out', ${JSON.stringify(work)}]).then((code) => {
      if (code !== 0) throw new Error('the training run failed (exit code ' + code + ')');
      bundle.saveCache();
    });
  `;
  const run = spawnSync(process.execPath, ['--input-type=commonjs', '-e', train], {
    cwd: work,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1790000000', CNIREPORT_CHROME: join(work, 'no-browser') },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`bundle: the code cache's training run failed:\n${run.stderr}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
