import { formatGot } from '../shared/format-got.js';
import { escapeUnsafeChars } from './escape-unsafe-chars.js';

/** One thing wrong with an answers file, located where the user has to fix it. */
export interface Problem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  /** Dotted path of the value, e.g. `cluster.nodes` or `cluster.clouds[1]`; '' for the whole document. */
  path: string;
  /** One line: what is wrong with the value found, and what was expected. */
  message: string;
}

/**
 * `file:line:col  path: message`, the form editors and terminals turn into a link to the spot. Keys and
 * values quoted from the file may hold newlines or terminal escapes; they are escaped to keep one line.
 */
export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.col}`;
  const what = problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
  return `${where}  ${escapeUnsafeChars(what)}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.line - b.line || a.col - b.col;
}

const PLAIN_KEY = /^[A-Za-z_][\w-]*$/;

/**
 * `cluster.clouds[1]`: keys joined with dots, list indexes in brackets. A key that is not a plain name (empty,
 * blank, with dots, spaces or symbols) is quoted in brackets, `[" "]`, so the user can see which key it is.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (!PLAIN_KEY.test(String(segment))) out += `[${formatGot(String(segment))}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
