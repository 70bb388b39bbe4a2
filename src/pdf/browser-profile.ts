import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { isProcessRunning } from '../io/is-process-running.js';

/**
 * A run's profile folder is named after its machine and process, `cnireport-chrome-<host>-<pid>-XXXXXX` (<host>:
 * 8 hex digits of a hash of the host name), so that the next run can tell a profile whose run is gone (killed
 * before it could delete it) from one a run still uses; a TMPDIR shared with other machines or containers holds
 * their profiles too, and those pids mean nothing here.
 */
export function profilePrefix(pid: number): string {
  return `cnireport-chrome-${HOST}-${pid}-`;
}

const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const PROFILE_NAME = /^cnireport-chrome-([0-9a-f]{8})-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Deletes the profiles in `dir` of this machine whose run no longer exists. Never fails: a profile it cannot
 * read or delete stays for the next run or the system's temp cleaner.
 */
export async function removeAbandonedProfiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => []);
  await Promise.all(
    names.map(async (name) => {
      const match = PROFILE_NAME.exec(name);
      const pid = Number(match?.[2] ?? Number.NaN);
      if (match?.[1] !== HOST || !Number.isSafeInteger(pid) || pid === process.pid || isProcessRunning(pid))
        return;
      await removeProfile(path.join(dir, name));
    }),
  );
}

/** A profile that cannot be deleted (a browser still dying inside it) is left to the system's temp cleaner. */
export async function removeProfile(userDataDir: string): Promise<void> {
  await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}

/** `removeProfile` for a process that is exiting, where nothing asynchronous runs any more. */
export function removeProfileNow(userDataDir: string): void {
  try {
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Left to the next run's sweep.
  }
}
