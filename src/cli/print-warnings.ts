import { formatProblem, type Problem } from '../io/problem.js';
import type { CliIo } from './cli-io.js';
import { paint } from './paint.js';

/** Warnings about answers that are valid but implausible: on stderr, located, never changing the exit code. */
export function printWarnings(io: CliIo, warnings: readonly Problem[]): void {
  for (const warning of warnings) {
    io.err(`${paint(io.errColor, 'yellow', 'warning:')} ${formatProblem(warning)}\n`);
  }
}
