#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

// The bundle that `npm run build` writes loads several times faster than the hundreds of modules it holds,
// with V8's code cache, and is what the package ships (scripts/bundle.js). It runs whenever it is the one
// dist/ was last built into (its build id, checked by load.cjs); after a bare `tsc` the compiled modules do.
const loader = new URL('../dist/bundle/load.cjs', import.meta.url);
const bundle = existsSync(loader) ? createRequire(import.meta.url)(loader.pathname) : null;
let run;
if (bundle?.valid()) {
  ({ run } = bundle.load());
} else if (existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  ({ run } = await import('../dist/cli/main.js'));
} else {
  process.stderr.write('error: cnireport is not built here: run `npm run build` in its folder first\n');
  process.exit(1);
}
process.exitCode = await run(process.argv);
