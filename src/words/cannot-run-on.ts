import type { OptionResult } from '../result/result-types.js';
import { joinAnd } from '../shared/format.js';

/** "cannot run on Google Kubernetes Engine": why the client's platforms rule a path out; '' where none does. */
export function cannotRunOn(o: OptionResult): string {
  if (o.excludedBy.length === 0) return '';
  return `cannot run on ${joinAnd([...new Set(o.excludedBy.map((e) => e.platform))])}`;
}
