import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Builds dist/ (npm run build: tsc, caches, bundle) before the tests, so end-to-end tests spawn the same CLI
 * a user runs, bundle and all; skipped when dist/ was built from the same sources already (scripts/build.js
 * --if-changed compares the build ids).
 */
export function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.js', '--if-changed'], { cwd: root, stdio: 'inherit' });
}
