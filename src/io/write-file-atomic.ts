import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { outputExists, outputUnwritable } from '../shared/error-catalogue.js';

/** A file written in full under a temporary name next to its target, waiting to take the target's name. */
export interface StagedFile {
  readonly target: string;
  readonly temp: string;
  /** Gives the data the target's name in one step, replacing any file there. */
  commit(): Promise<void>;
  /** Removes the temporary file if it is still there. Never rejects: cleaning up must not hide why. */
  discard(): Promise<void>;
}

/**
 * Temporary files are dotfiles named after their target, the writing process and a random tag, so a
 * process killed before it could remove one leaves something recognisable that a later run can clear.
 */
const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** The target name and writer's pid of a temporary file this module names, or null for any other name. */
export function parseTempName(name: string): { readonly target: string; readonly pid: number } | null {
  const match = TEMP_NAME.exec(name);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { target: match[1], pid: Number(match[2]) };
}

/**
 * Writes `data` to a temporary file in the target's folder (same file system, so the final rename is
 * atomic) and flushes it to disk. Nothing is left behind if any step fails: a full disk or a folder that
 * cannot be written costs the temporary file, never the target.
 */
export async function stageFile(target: string, data: string | Uint8Array): Promise<StagedFile> {
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const discard = () => removeQuietly(temp);
  // Until the temporary file exists there is nothing to clean up; trying anyway under a file that sits
  // where the folder should be would fail with an error of its own and hide this one.
  const handle = await mkdir(folder, { recursive: true })
    .then(() => open(temp, 'wx'))
    .catch((error: unknown) => {
      throw outputUnwritable(target, error);
    });
  try {
    // The file it replaces keeps its permissions: a 0600 report or answers file stays private.
    const replaced = await lstat(target).catch(() => null);
    if (replaced?.isFile()) await handle.chmod(replaced.mode & 0o777);
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await discard();
    throw outputUnwritable(target, error);
  }
  try {
    // Some file systems (network shares) only report a failed write when the file is closed.
    await handle.close();
  } catch (error) {
    await discard();
    throw outputUnwritable(target, error);
  }
  return {
    target,
    temp,
    commit: () =>
      rename(temp, target).catch((error: unknown) => {
        throw outputUnwritable(target, error);
      }),
    discard,
  };
}

/**
 * Writes `target` so that it is either complete or untouched: staged (see `stageFile`), then given the
 * target's name. Without `overwrite`, an existing target is refused (CniError OUTPUT_EXISTS).
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: { overwrite: boolean },
): Promise<void> {
  const staged = await stageFile(target, data);
  try {
    if (options.overwrite) await staged.commit();
    else await linkWithoutClobbering(staged.temp, target);
  } finally {
    await staged.discard();
  }
}

/** link() fails if the target exists, so no other writer can slip in between a check and the write. */
async function linkWithoutClobbering(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw outputExists(target);
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') {
      throw outputUnwritable(target, error);
    }
  }
  const present = await lstat(target).then(
    () => true,
    () => false,
  );
  if (present) throw outputExists(target);
  await rename(temp, target).catch((error: unknown) => {
    throw outputUnwritable(target, error);
  });
}

async function removeQuietly(file: string): Promise<void> {
  await rm(file, { force: true }).catch(() => undefined);
}
