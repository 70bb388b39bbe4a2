import { readFile, stat } from 'node:fs/promises';
import type { Answers } from '../schema/answers.js';
import { CniError } from '../shared/errors.js';
import { decodeTextFile } from './decode-text-file.js';
import { parseAnswersText } from './parse-answers-text.js';
import { formatProblem, type Problem } from './problem.js';

/** Answers files are a few kilobytes; anything this large is the wrong file. */
export const MAX_ANSWERS_BYTES = 1024 * 1024;

export { formatProblem };

/**
 * Reads and validates an answers file. Every way it can fail is a CniError naming the file; validation
 * problems come as one line each, `file:line:col  path: message`, after a count. Valid answers come with
 * the warnings about them (implausible combinations), located the same way, for the command to print.
 */
export async function loadAnswers(
  file: string,
): Promise<{ answers: Answers; text: string; warnings: Problem[] }> {
  const text = await readAnswersText(file);
  const result = parseAnswersText(text, file);
  if (result.ok) return { answers: result.answers, text, warnings: result.warnings };
  const count = result.problems.length;
  const lines = [
    `${file}: ${count} ${count === 1 ? 'problem' : 'problems'}`,
    ...result.problems.map(formatProblem),
  ];
  throw new CniError('INPUT_INVALID', lines.join('\n'));
}

/** The text of an answers file, or a one-line CniError naming the file. */
export async function readAnswersText(file: string): Promise<string> {
  // stat before reading: a directory, a device or a huge file is refused without reading a byte.
  const stats = await stat(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  if (stats.isDirectory())
    throw new CniError('INPUT_UNREADABLE', `${file}: is a directory (expected a file)`);
  if (!stats.isFile()) throw new CniError('INPUT_UNREADABLE', `${file}: not a regular file`);
  if (stats.size > MAX_ANSWERS_BYTES) throw tooLarge(file, stats.size);

  const bytes = await readFile(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  // The file may have grown between stat and read.
  if (bytes.length > MAX_ANSWERS_BYTES) throw tooLarge(file, bytes.length);
  return decodeTextFile(bytes, file);
}

function tooLarge(file: string, size: number): CniError {
  return new CniError(
    'INPUT_TOO_LARGE',
    `${file}: too large (got ${size} bytes; expected at most ${MAX_ANSWERS_BYTES} bytes)`,
    { hint: 'an answers file is a few kilobytes of YAML; check that this is the right file' },
  );
}

export function unreadable(file: string, error: unknown): CniError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory (expected a file)'
          : `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  return new CniError('INPUT_UNREADABLE', `${file}: ${reason}`, { cause: error });
}
