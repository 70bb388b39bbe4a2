#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

// The bundle that `npm run build` writes loads several times faster than the hundreds of modules it holds,
// with V8's code cache, and is what the package ships (scripts/bundle.js). It runs whenever it is the one
// dist/ was last built into (its build id, checked by load.cjs); after a bare `tsc` the compiled modules do.
const loader = new URL('../dist/bundle/load.cjs', import.meta.url);
const bundle = existsSync(loader) ? createRequire(import.meta.url)(loader.pathname) : null;
const bundled = bundle?.valid() === true;
const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!bundled && !existsSync(compiled)) {
  process.stderr.write('error: cnireport is not built here: run `npm run build` in its folder first\n');
  process.exit(1);
}
// A run that prints a PDF starts its browser before loading anything else: the browser boots (about as long as
// loading, scoring and drawing the charts take) alongside them, and generate connects to it when it needs it.
const early = await import(
  new URL(bundled ? '../dist/bundle/early-browser.js' : '../dist/pdf/early-browser.js', import.meta.url).href
);
const earlyBrowser = early.startEarlyBrowser(process.argv);
const { run } = bundled ? bundle.load() : await import(compiled.href);
try {
  process.exitCode = await run(process.argv, undefined, earlyBrowser);
} finally {
  // Not taken (the run printed nothing): killed, and its profile deleted once it has gone.
  await earlyBrowser?.close();
}
