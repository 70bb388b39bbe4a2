import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';

/**
 * A tag for one version of a file, like an HTTP ETag: its path, inode, size and modification time in
 * nanoseconds. Every atomic write gives the file a new inode, so two saves within one clock tick differ too.
 * Null when there is no file.
 */
export async function fileVersion(path: string): Promise<string | null> {
  const stats = await stat(path, { bigint: true }).catch(() => null);
  if (stats === null) return null;
  return createHash('sha256')
    .update(`${path}\0${stats.ino}\0${stats.size}\0${stats.mtimeNs}`)
    .digest('base64url')
    .slice(0, 22);
}

/** What an answers file has at its top level; a CI workflow, a manifest or a compose file has not both. */
const ANSWERS_KEYS = [/^version\s*:/m, /^engagement\s*:/m];
/** An answers file is at most 1 MiB (load-answers.ts); the first 64 KiB hold its top-level keys. */
const HEAD_BYTES = 64 * 1024;

/** Whether the file at `path` looks like a cnireport answers file, judged by its top-level keys. */
export async function looksLikeAnswersFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return false;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    return ANSWERS_KEYS.every((key) => key.test(head));
  } finally {
    await handle.close();
  }
}
