import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './harness/cli.js';

/** What scripts/stress.js measures; `npm run stress` runs it on 100 files, this test on 10. */
interface StressFigures {
  readonly files: number;
  readonly exitCode: number;
  readonly nodePeakRssMiB: number;
  readonly maxBrowsers: number;
  readonly maxRenderers: number;
  readonly maxBrowserProcesses: number;
  readonly incomplete: readonly string[];
  readonly browserProcessesLeft: number;
  readonly broken: readonly string[];
}

function stress(files: number): Promise<StressFigures> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(root, 'scripts', 'stress.js'), '--files', String(files), '--kills', '0', '--json'],
      { cwd: root },
      (error, stdout) => {
        try {
          resolve(JSON.parse(stdout) as StressFigures);
        } catch {
          reject(error ?? new Error(`no figures from scripts/stress.js: ${stdout}`));
        }
      },
    );
  });
}

describe('a batch of answers files', () => {
  it('10 files, every format: under 1 GiB, one browser, a bounded number of renderers, every report whole', async () => {
    const figures = await stress(10);
    expect(figures.broken).toEqual([]);
    expect(figures.exitCode).toBe(0);
    expect(figures.incomplete).toEqual([]);
    expect(figures.nodePeakRssMiB).toBeLessThan(1024);
    expect(figures.maxBrowsers).toBe(1);
    // Three reports print at a time, each in its own context; the 100-file run peaks at the same count.
    expect(figures.maxRenderers).toBeLessThanOrEqual(12);
    expect(figures.browserProcessesLeft).toBe(0);
  }, 90_000);
});
