import { readFile, stat } from 'node:fs/promises';
import type { Answers } from '../schema/answers.js';
import {
  fileProblems,
  isDirectory,
  notRegularFile,
  tooLarge,
  unreadable,
} from '../shared/error-catalogue.js';
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
  throw fileProblems(file, result.problems.map(formatProblem));
}

/** The text of an answers file, or a one-line CniError naming the file. */
export async function readAnswersText(file: string): Promise<string> {
  // stat before reading: a directory, a device or a huge file is refused without reading a byte.
  const stats = await stat(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  if (stats.isDirectory()) throw isDirectory(file);
  if (!stats.isFile()) throw notRegularFile(file);
  if (stats.size > MAX_ANSWERS_BYTES) throw answersTooLarge(file, stats.size);

  const bytes = await readFile(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  // The file may have grown between stat and read.
  if (bytes.length > MAX_ANSWERS_BYTES) throw answersTooLarge(file, bytes.length);
  return decodeTextFile(bytes, file);
}

function answersTooLarge(file: string, size: number) {
  return tooLarge(
    file,
    `${size} bytes`,
    `${MAX_ANSWERS_BYTES} bytes`,
    'an answers file is a few kilobytes of YAML; check that this is the right file',
  );
}
