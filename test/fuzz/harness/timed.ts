import { CniError } from '../../../src/shared/errors.js';
import type { Outcome } from './fuzz-target.js';

/** Runs a library call as the CLI would judge it: a CniError is exit 1, any other throw is exit 2. */
export async function timed(call: () => Promise<unknown>): Promise<Outcome> {
  const start = performance.now();
  try {
    const value = await call();
    return { exit: 0, ms: performance.now() - start, value, message: '' };
  } catch (error) {
    const ms = performance.now() - start;
    if (error instanceof CniError) return { exit: 1, ms, message: error.message };
    return { exit: 2, ms, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
