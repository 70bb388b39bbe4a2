import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { CniError } from '../shared/errors.js';

const ANSWERS_FILE = /\.ya?ml$/i;

/**
 * The path of an answers file the page names, inside `folder` and nowhere else: a relative name without
 * `..`, ending in .yaml or .yml, whose folder really is inside `folder` once links are followed, and that is
 * not itself a link (replacing a link would write wherever it points).
 */
export async function confineAnswersFile(folder: string, name: string): Promise<string> {
  const refuse = (why: string) =>
    new CniError('USAGE', `${name}: ${why}`, { hint: 'give a file name such as acme.yaml' });
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
