// Bundles the workshop page (src/workshop/page/) for the browser into dist/workshop-page/: page.js and page.css,
// served by `cnireport workshop` itself, so the page works with no network. Run by `npm run build`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = resolve(root, process.argv[2] ?? 'dist/workshop-page');

mkdirSync(outdir, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/workshop/page/main.ts'],
  outfile: join(outdir, 'page.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  // Chromium, Firefox and Safari of the last few years: what a consultant's laptop runs.
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync(join(root, 'src/workshop/page/page.css'), join(outdir, 'page.css'));
