import { roundTo } from '../shared/format.js';
import type { Comparison } from './compare-scenarios.js';

/**
 * `compare --json` and comparison.json: the scenarios, every changed answer by key path, and the attribution
 * with each input's share named. Shares are rounded to 6 decimals so the output is byte-identical across
 * platforms; they still add up to each change within a millionth per input.
 */
export function comparisonJson(comparison: Comparison): unknown {
  const r = (x: number) => roundTo(x, 6);
  return {
    comparisonVersion: 1,
    scenarios: comparison.scenarios,
    changes: comparison.comparisons.flatMap((c) =>
      c.changes.map(({ path, from, to, label, fromText, toText }) => ({
        file: c.file,
        against: c.against,
        path,
        from,
        to,
        label,
        fromText,
        toText,
      })),
    ),
    needChanges: comparison.comparisons.flatMap((c) =>
      c.needChanges.map((n) => ({ file: c.file, against: c.against, ...n })),
    ),
    attribution: comparison.comparisons.map((c) => {
      const a = c.attribution;
      return {
        file: c.file,
        against: c.against,
        method: a.method,
        description: a.description,
        grouped: a.grouped,
        evaluations: a.evaluations,
        offRule: a.offRule,
        tcoAttributed: a.tcoAttributed,
        inputs: a.inputs,
        quantities: a.quantities.map((q) => ({
          kind: q.kind,
          option: q.option,
          ...(q.against === undefined ? {} : { against: q.against }),
          from: r(q.from),
          to: r(q.to),
          change: r(q.change),
          shares: a.inputs.map((input, i) => ({ input: input.id, value: r(q.shares[i] ?? 0) })),
        })),
        summary: c.summary,
      };
    }),
    warnings: comparison.warnings,
  };
}
