import type { z } from 'zod';
import { formatPath } from './problem.js';

type Issue = z.core.$ZodIssue;

/**
 * The issues worth a message, in order. zod goes on checking a value after its type is wrong, so a string
 * where a list belongs (`clouds: aws, azure`) is also "too long (10 characters)", measured as text; and a
 * refinement still runs on a value that failed a basic check (a date that is not YYYY-MM-DD is also "not a
 * calendar date"). Only the first says something: after a wrong type nothing else at that path is kept,
 * after any other failure no refinement (`custom`) is.
 */
export function meaningfulIssues(issues: readonly Issue[]): Issue[] {
  const first = new Map<string, Issue['code']>();
  return issues.filter((issue) => {
    const key = formatPath(issue.path);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, issue.code);
      return true;
    }
    if (earlier === 'invalid_type') return false;
    return !(issue.code === 'custom' && earlier !== 'custom');
  });
}
