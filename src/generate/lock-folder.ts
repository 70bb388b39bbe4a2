import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isProcessRunning } from '../io/is-process-running.js';
import { cannotLock, folderBusy, interruptedWaiting } from '../shared/error-catalogue.js';
import type { CniError } from '../shared/errors.js';

/** The lock's name in the folder it guards; a dotfile, present only while a run renames its files in. */
export const LOCK_NAME = '.cnireport.lock';

/** Who holds a lock, as written in the lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export interface LockOptions {
  /** How long to wait for another run to finish with the folder. */
  readonly timeoutMs?: number;
  /** Stops the wait (Ctrl+C); the lock is then not taken and INTERRUPTED is thrown. */
  readonly signal?: AbortSignal;
  /** Called once if the folder is still busy after WAIT_NOTICE_MS, so a long wait is not silent. */
  readonly onWait?: (holder: LockHolder | null) => void;
}

/** A run holds the lock only while it renames its staged files (milliseconds); 30 s means something is stuck. */
const DEFAULT_TIMEOUT_MS = 30_000;
const WAIT_NOTICE_MS = 1_000;
/** A lock file that still has no content after this long was left by a run killed while creating it. */
const EMPTY_LOCK_STALE_MS = 10_000;

/** Locks this process holds, so a lock file naming our own pid (reused, e.g. pid 1 in containers) is judged right. */
const held = new Set<string>();

/**
 * Takes the folder's lock: an exclusive lock file naming this process. Waits while another live run holds
 * it, and takes over one left by a run that died (same host, pid no longer running). Resolves to the
 * function that releases it.
 */
export async function lockFolder(folder: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const lock = join(folder, LOCK_NAME);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  let noticed = false;
  for (;;) {
    if (await tryCreate(lock)) {
      held.add(lock);
      return async () => {
        held.delete(lock);
        await rm(lock, { force: true }).catch(() => undefined);
      };
    }
    const holder = await readHolder(lock);
    if (holder !== undefined && (await isStale(lock, holder))) {
      await breakLock(lock, holder);
      continue;
    }
    const waited = performance.now() - started;
    if (options.signal?.aborted) {
      throw interruptedWaiting(folder);
    }
    if (waited >= timeoutMs) throw busy(folder, lock, holder ?? null, timeoutMs);
    if (!noticed && waited >= WAIT_NOTICE_MS) {
      noticed = true;
      options.onWait?.(holder ?? null);
    }
    await pause(25 + Math.random() * 50, options.signal);
  }
}

async function tryCreate(lock: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw lockFailure(lock, error);
  }
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
    await handle.close();
  } catch (error) {
    // A full disk can refuse even these few bytes: give the lock up rather than hold one nobody can read.
    await handle.close().catch(() => undefined);
    await rm(lock, { force: true }).catch(() => undefined);
    throw lockFailure(lock, error);
  }
  return true;
}

function lockFailure(lock: string, error: unknown) {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
  return cannotLock(lock, code === 'ENOSPC' ? 'no space left on the device' : code, error);
}

/** The holder, null when the file has no readable content yet, undefined when the lock has just gone. */
async function readHolder(lock: string): Promise<LockHolder | null | undefined> {
  let text: string;
  try {
    text = await readFile(lock, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof parsed.pid === 'number' &&
      typeof parsed.host === 'string' &&
      typeof parsed.since === 'string'
    ) {
      return { pid: parsed.pid, host: parsed.host, since: parsed.since };
    }
  } catch {
    // Being written right now, or left empty by a run killed in between creating and writing it.
  }
  return null;
}

async function isStale(lock: string, holder: LockHolder | null): Promise<boolean> {
  if (holder === null) {
    const modified = await stat(lock).then(
      (stats) => stats.mtimeMs,
      () => Date.now(),
    );
    return Date.now() - modified > EMPTY_LOCK_STALE_MS;
  }
  // Another machine's process cannot be checked from here: such a lock is only ever waited for.
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !held.has(lock);
  return !isProcessRunning(holder.pid);
}

/**
 * Moves the dead run's lock aside, then deletes it. Only one rename of a file succeeds, so two runs
 * breaking the same lock cannot both go on. If the file moved aside is no longer the dead run's (another
 * run broke it and took the lock in between), it is put back.
 */
async function breakLock(lock: string, dead: LockHolder | null): Promise<void> {
  const aside = `${lock}.${process.pid}.${randomBytes(6).toString('hex')}.stale`;
  const moved = await rename(lock, aside).then(
    () => true,
    () => false,
  );
  if (!moved) return;
  const holder = await readHolder(aside);
  const same = holder === null ? dead === null : holder?.pid === dead?.pid && holder?.since === dead?.since;
  if (!same) await link(aside, lock).catch(() => undefined);
  await rm(aside, { force: true }).catch(() => undefined);
}

function busy(folder: string, lock: string, holder: LockHolder | null, timeoutMs: number): CniError {
  const who = holder === null ? 'another cnireport run' : `another cnireport run (${describeHolder(holder)})`;
  return folderBusy(folder, lock, who, timeoutMs);
}

/** "pid 123 on host, since 2026-01-01T10:00:00.000Z", for messages. */
export function describeHolder(holder: LockHolder): string {
  return `pid ${holder.pid} on ${holder.host}, since ${holder.since}`;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
