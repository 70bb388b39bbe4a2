// Bundles the compiled CLI into dist/bundle/ (part of `npm run build`). Node spends about a third of a short
// run resolving and loading the ~700 modules of vega, vega-lite, d3, zod and the CLI one by one; a few
// bundled files load in a fraction of that. bin/cnireport.js uses the bundle only when it is newer than
// dist/cli/main.js, so a plain `tsc` (as the test suite runs) never leaves a stale bundle in use.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'dist/bundle';

await build({
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: { main: 'dist/cli/main.js' },
  // Two levels below the package root, as dist/<folder>/ is: every `new URL('../../data/', import.meta.url)`
  // and the like resolves as it does from the unbundled files.
  outdir,
  bundle: true,
  // The renderers and the PDF printer stay behind dynamic imports, loaded only by the runs that need them.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Puppeteer is loaded only to print; resvg is a native addon; fontkit is required lazily by text-metrics;
  // pdf-lib is read only after a print, and bundled its CommonJS re-exports came out empty.
  external: ['puppeteer-core', '@resvg/resvg-js', 'fontkit', 'pdf-lib'],
  // CommonJS dependencies bundled into ES modules still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
