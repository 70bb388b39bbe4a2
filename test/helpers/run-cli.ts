import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/cli-io.js';
import { run } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  ms: number;
}

/** The CLI in-process, as a user would run it, with stdout and stderr captured. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    outColor: false,
    errColor: false,
  };
  const start = performance.now();
  const code = await run(['node', 'cnireport', ...args], io);
  return { code, out, err, ms: performance.now() - start };
}

const BIN = fileURLToPath(new URL('../../bin/cnireport.js', import.meta.url));

/**
 * `node bin/cnireport.js` (the dist/ built by the test setup) in its own process, killed after `timeoutMs`:
 * a hang shows as code -1 rather than a stuck test. `maxRssKiB` is the process's peak memory, reported by
 * a preload that prints it at exit.
 */
export function spawnCli(args: string[], timeoutMs = 15_000): Promise<CliRun & { maxRssKiB: number }> {
  // The main thread's only: a preload runs in every worker thread too, and a worker's line would come first.
  const report =
    "import { isMainThread } from 'node:worker_threads'; if (isMainThread) process.on('exit', () => process.stderr.write('\\nmaxrss=' + process.resourceUsage().maxRSS))";
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(report)}`, BIN, ...args],
      { timeout: timeoutMs, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        const rss = /\nmaxrss=(\d+)$/.exec(stderr);
        resolve({
          code,
          out: stdout,
          err: rss === null ? stderr : stderr.slice(0, rss.index),
          ms: performance.now() - start,
          maxRssKiB: Number(rss?.[1] ?? Number.NaN),
        });
      },
    );
  });
}
