import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_NAME, lockFolder } from '../../src/generate/lock-folder.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let folders = 0;
function folder(lockText?: string): string {
  const path = join(dir, `f${folders++}`);
  mkdirSync(path);
  if (lockText !== undefined) writeFileSync(join(path, LOCK_NAME), lockText);
  return path;
}

/** The pid of a process that has just exited, so nothing runs under it. */
function deadPid(): number {
  return Number(execFileSync('sh', ['-c', 'echo $$']).toString().trim());
}

const holderText = (pid: number, host = hostname()) =>
  `${JSON.stringify({ pid, host, since: '2026-01-01T00:00:00.000Z' })}\n`;

describe('lockFolder', () => {
  it('lets one holder in at a time, the next as soon as it is released, and leaves nothing behind', async () => {
    const path = folder();
    const order: string[] = [];
    const releaseFirst = await lockFolder(path);
    const second = lockFolder(path).then((release) => {
      order.push('second in');
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    order.push('first out');
    expect(JSON.parse(readFileSync(join(path, LOCK_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
    await releaseFirst();
    await (await second)();
    expect(order).toEqual(['first out', 'second in']);
    expect(readdirSync(path)).toEqual([]);
  });

  it('takes over a lock left by a process that died', async () => {
    const path = folder(holderText(deadPid()));
    const release = await lockFolder(path, { timeoutMs: 10_000 });
    expect(JSON.parse(readFileSync(join(path, LOCK_NAME), 'utf8')).pid).toBe(process.pid);
    await release();
    expect(readdirSync(path)).toEqual([]);
  });

  it('takes over a lock naming this process that this process does not hold (a pid reused in a container)', async () => {
    const stale = holderText(process.pid);
    const path = folder(stale);
    const waits: unknown[] = [];
    const release = await lockFolder(path, { timeoutMs: 10_000, onWait: (holder) => waits.push(holder) });
    // Taken at once (no wait for a holder that is this very process), and the lock is now this run's own.
    expect(waits).toEqual([]);
    const held = readFileSync(join(path, LOCK_NAME), 'utf8');
    expect(held).not.toBe(stale);
    expect(JSON.parse(held)).toMatchObject({ pid: process.pid, host: hostname() });
    await release();
    expect(readdirSync(path)).toEqual([]);
  });

  it('takes over an empty lock file only once it is old (left by a run killed while creating it)', async () => {
    const fresh = folder('');
    await expect(lockFolder(fresh, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE' });
    const old = folder('');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(old, LOCK_NAME), past, past);
    await (await lockFolder(old, { timeoutMs: 10_000 }))();
  });

  it('waits for a live holder, says so after a second, then gives up with a clear message', async () => {
    const live = process.ppid;
    const path = folder(holderText(live));
    const waits: unknown[] = [];
    const error = await lockFolder(path, { timeoutMs: 1_500, onWait: (holder) => waits.push(holder) }).catch(
      (e: unknown) => e,
    );
    expect(waits).toEqual([{ pid: live, host: hostname(), since: '2026-01-01T00:00:00.000Z' }]);
    expect(error).toMatchObject({
      code: 'OUTPUT_UNWRITABLE',
      message: `${path}: another cnireport run (pid ${live} on ${hostname()}, since 2026-01-01T00:00:00.000Z) is writing this folder; gave up waiting after 1.5 s`,
      hint: `If no cnireport run is writing there, delete ${join(path, LOCK_NAME)} and run again.`,
    });
    expect(readFileSync(join(path, LOCK_NAME), 'utf8')).toBe(holderText(live));
  });

  it('never breaks another machine’s lock, whose process it cannot check', async () => {
    const path = folder(holderText(deadPid(), 'elsewhere.example'));
    await expect(lockFolder(path, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE' });
  });

  it('stops waiting when interrupted', async () => {
    const path = folder(holderText(process.ppid));
    const interruption = new AbortController();
    setTimeout(() => interruption.abort(), 100);
    await expect(lockFolder(path, { signal: interruption.signal })).rejects.toMatchObject({
      code: 'INTERRUPTED',
    });
  });
});
