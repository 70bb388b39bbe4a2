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

/** `file:line:col  path: message`, the form editors and terminals turn into a link to the spot. */
export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.col}`;
  return problem.path === ''
    ? `${where}  ${problem.message}`
    : `${where}  ${problem.path}: ${problem.message}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.line - b.line || a.col - b.col;
}

/** `cluster.clouds[1]`: keys joined with dots, list indexes in brackets. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
