import type { ReportContext } from './report-context.js';
import { relativeDistance } from './summary-words.js';

/** What would change the decision, at most; one fewer when the close-call note already names what it turns on. */
const MAX_FLIPS = 3;

/**
 * What would change the decision: the sensitivities whose flip point lies nearest today's value; or why nothing
 * single does (every rival ruled out, or no flip within the searched ranges).
 */
export function decisionFlips(ctx: ReportContext, turnsOn: string | null): string[] {
  const { result } = ctx.sources;
  const flips = result.sensitivity
    .filter((s) => s.flipsAt !== null)
    .map((s) => ({ s, distance: relativeDistance(s.current, s.flipsAt ?? s.current) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, turnsOn === null ? MAX_FLIPS : MAX_FLIPS - 1)
    .map(({ s }) => s.sentence);
  if (flips.length > 0) return flips;
  return result.options.filter((o) => o.id !== result.recommendation.option).every((o) => o.disqualified)
    ? [
        'Every rival is ruled out by a must, so no priority or cost input changes the decision; only relaxing ' +
          'one of those musts would.',
      ]
    : ['No change of a single priority or cost input within its searched range makes another option win.'];
}
