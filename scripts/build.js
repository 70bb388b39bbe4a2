// `npm run build`: compiles src/ into dist/ (tsc), caches the data and templates (build-caches.js), bundles the
// CLI and the library (bundle.js) and the workshop page (bundle-workshop.js), then writes the build's id into dist/build-id.js, last: until then the
// bundle is not used (see src/build-id.ts). `--if-changed` skips all of it when dist/ was built from the same
// sources already (the test setup).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildId, builtId } from './build-id.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const id = buildId(root);
if (process.argv.includes('--if-changed') && builtId(root) === id) process.exit(0);

// A failing step has printed its own error: stop with its status, without a second (Node's) stack trace.
const node = (...args) => {
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  } catch (error) {
    process.exit(typeof error.status === 'number' && error.status !== 0 ? error.status : 1);
  }
};
node(join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json');
node(join(root, 'scripts', 'build-caches.js'));
node(join(root, 'scripts', 'bundle.js'), '--id', id);
node(join(root, 'scripts', 'bundle-workshop.js'));
writeFileSync(
  join(root, 'dist', 'build-id.js'),
  `// Written by npm run build (scripts/build.js); see src/build-id.ts.\nexport const BUILD_ID = '${id}';\n`,
);
