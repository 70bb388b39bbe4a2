import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { cliScoreTarget } from './cli-score-target.js';
import { engineTarget } from './engine-target.js';
import type { FuzzTarget } from './fuzz-target.js';
import { loadTarget } from './load-target.js';
import { reportTarget } from './report-target.js';

/** The loader, the engine, the CLI and the report renderers, writing their input into a folder removed after the suite. */
export function fuzzTargets(suite: string): FuzzTarget[] {
  const dir = mkdtempSync(join(tmpdir(), `cnireport-fuzz-${suite}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return [loadTarget(dir), engineTarget(dir), cliScoreTarget(dir), reportTarget(dir)];
}
