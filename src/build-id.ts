/**
 * Which full build dist/ comes from. `npm run build` (scripts/build.js) overwrites the compiled
 * dist/build-id.js with the hash of the sources it built from, after tsc, the caches and the bundle; a bare
 * `tsc` writes this null again. The bundle (dist/bundle/load.cjs) carries the same hash and runs only when
 * this file still holds it, so a dist/ that tsc rewrote since the bundle was made runs unbundled instead of
 * running stale code.
 */
export const BUILD_ID: string | null = null;
