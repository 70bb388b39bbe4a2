#!/usr/bin/env node
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';

// The bundle that `npm run build` writes loads several times faster than the hundreds of modules it holds,
// with V8's code cache (see scripts/bundle.js). It is used only when built after dist/cli/main.js, so a
// bare `tsc` never leaves an out-of-date one in use.
const built = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = built('../dist/bundle/main.cjs');
const { run } =
  bundled !== undefined && bundled >= (built('../dist/cli/main.js') ?? 0)
    ? createRequire(import.meta.url)('../dist/bundle/load.cjs').load()
    : await import('../dist/cli/main.js');

process.exitCode = await run(process.argv);
