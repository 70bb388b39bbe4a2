import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CniError } from '../shared/errors.js';

/**
 * Writes `target` so that it is either complete or untouched: the data goes to a temporary file in the
 * same folder (same file system, so the final step is atomic), is flushed to disk, then takes the
 * target's name. Without `overwrite`, an existing target is refused (CniError OUTPUT_EXISTS).
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: { overwrite: boolean },
): Promise<void> {
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(folder, { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) await rename(temp, target);
    else await linkWithoutClobbering(temp, target);
  } catch (error) {
    if (error instanceof CniError) throw error;
    throw unwritable(target, error);
  } finally {
    await rm(temp, { force: true });
  }
}

/** link() fails if the target exists, so no other writer can slip in between a check and the write. */
async function linkWithoutClobbering(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists(target);
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
  }
  const present = await lstat(target).then(
    () => true,
    () => false,
  );
  if (present) throw exists(target);
  await rename(temp, target);
}

function exists(target: string): CniError {
  return new CniError('OUTPUT_EXISTS', `${target}: already exists`, { hint: 'pass --force to overwrite it' });
}

function unwritable(target: string, error: unknown): CniError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'is a directory'
        : code === 'ENOTDIR'
          ? 'a parent of it is not a folder'
          : code === 'ENOSPC'
            ? 'no space left on the device'
            : code === 'EROFS'
              ? 'read-only file system'
              : (code ?? (error instanceof Error ? error.message : String(error)));
  return new CniError('OUTPUT_UNWRITABLE', `${target}: cannot write (${reason})`, { cause: error });
}
