// The id of a build: a hash of what `npm run build` makes dist/ from. Written into dist/build-id.js and the
// bundle by scripts/build.js; the test setup compares it with dist/build-id.js to skip an unneeded build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders and files whose content makes dist/: the sources, templates and data (cached in dist/), the build. */
const INPUTS = [
  'src',
  'templates',
  'data',
  'scripts/build.js',
  'scripts/build-id.js',
  'scripts/build-caches.js',
  'scripts/bundle.js',
  'scripts/bundle-no-canvas.js',
  'scripts/bundle-workshop.js',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];

/** Files under `path` (or `path` itself), sorted, as paths relative to `root` with '/'. */
function files(root, path) {
  const full = join(root, path);
  let entries;
  try {
    entries = readdirSync(full, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOTDIR') return [path];
    throw error;
  }
  return entries
    .flatMap((entry) => files(root, relative(root, join(full, entry.name))))
    .map((file) => file.split('\\').join('/'))
    .sort();
}

/**
 * 32 hex digits over every input's path and bytes, and the Node version (the bundle's code cache is made
 * by and for one V8).
 */
export function buildId(root) {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  for (const file of INPUTS.flatMap((input) => files(root, input))) {
    const bytes = readFileSync(join(root, file));
    hash.update(`${file}\n${bytes.length}\n`).update(bytes);
  }
  return hash.digest('hex').slice(0, 32);
}

/** The id dist/build-id.js holds: null after a bare tsc or with no build at all. */
export function builtId(root) {
  let text;
  try {
    text = readFileSync(join(root, 'dist', 'build-id.js'), 'utf8');
  } catch {
    return null;
  }
  return /BUILD_ID = '([0-9a-f]{32})'/.exec(text)?.[1] ?? null;
}
