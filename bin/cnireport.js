#!/usr/bin/env node
import { statSync } from 'node:fs';

// The bundle that `npm run build` writes loads several times faster than the hundreds of modules it holds.
// It is used only when built after dist/cli/main.js, so a bare `tsc` never leaves an out-of-date one in use.
const built = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = built('../dist/bundle/main.js');
const { run } = await import(
  bundled !== undefined && bundled >= (built('../dist/cli/main.js') ?? 0)
    ? '../dist/bundle/main.js'
    : '../dist/cli/main.js'
);

process.exitCode = await run(process.argv);
