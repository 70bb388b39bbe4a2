import { spawnSync } from 'node:child_process';

/**
 * Whether an outside program a test needs (a browser, poppler-utils, tmux) is on this machine. Without one,
 * a developer's run skips those tests with a warning; under CI (the CI variable set, as .ci/run does) the
 * test file fails instead: a CI machine that lacks one must be fixed, not quietly test less.
 */
export function prerequisite(what: string, available: boolean): boolean {
  if (available) return true;
  if (process.env.CI)
    throw new Error(`${what} is missing; CI is set, so this is a failure (.ci/run installs it)`);
  console.warn(`SKIPPED tests that need ${what}: it is missing on this machine`);
  return false;
}

/** True if `command` runs (exit 0) with `args`, e.g. a version flag. */
export function commandRuns(command: string, args: readonly string[] = ['-V']): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}
