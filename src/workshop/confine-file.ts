import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { badAnswersFileName } from '../shared/error-catalogue.js';

const ANSWERS_FILE = /\.ya?ml$/i;

/**
 * The path of an answers file the page names, in `folder` itself and nowhere else: a plain file name (no
 * folder part: the workshop's folder is the one the consultant started it in, and a CI workflow or a manifest
 * in a subfolder is not an answers file; no leading dot), ending in .yaml or .yml, that is not itself a link
 * (replacing a link would write wherever it points).
 */
export async function confineAnswersFile(folder: string, name: string): Promise<string> {
  const refuse = (why: string) => badAnswersFileName(name, why);
  const trimmed = name.trim();
  if (trimmed === '') throw refuse('a file name is needed');
  if (isAbsolute(trimmed) || /^[A-Za-z]:/.test(trimmed) || trimmed.startsWith('\\')) {
    throw refuse('only a name inside the workshop folder is accepted, not an absolute path');
  }
  const parts = trimmed.split(/[\\/]/);
  if (parts.some((part) => part === '..' || part === '.' || part === '')) {
    throw refuse('only a name inside the workshop folder is accepted (no .., no empty parts)');
  }
  if (trimmed.includes('\0')) throw refuse('not a file name');
  if (parts.length > 1)
    throw refuse('only a file in the workshop folder itself is accepted, not in a subfolder');
  if (trimmed.startsWith('.'))
    throw refuse('a hidden file (its name starts with a dot) is not an answers file');
  if (!ANSWERS_FILE.test(trimmed)) throw refuse('an answers file ends in .yaml or .yml');
  const root = await realpath(folder).catch(() => {
    throw refuse('the workshop folder is gone');
  });
  const target = join(root, ...parts);
  const parent = await realpath(dirname(target)).catch(() => {
    throw refuse('its folder does not exist');
  });
  if (!isInside(root, parent)) throw refuse('its folder is outside the workshop folder');
  const stats = await lstat(target).catch(() => null);
  if (stats?.isSymbolicLink()) throw refuse('is a symbolic link; give the file itself');
  if (stats !== null && !stats.isFile()) throw refuse('is not a file');
  return target;
}

/** Whether `path` is `root` or below it; both already free of links. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
