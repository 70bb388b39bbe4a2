import { formatPercent } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import { formatScore } from './summary-words.js';

/**
 * For a close call, what makes it one: the change rule kept the client where they are, or a rival wins a material
 * share of the worlds (`turnsOn`, when the engine named what it turns on; else the lead against its spread).
 */
export function closeCallNote(ctx: ReportContext, turnsOn: string | null): string | null {
  const rec = ctx.sources.result.recommendation;
  if (!rec.closeCall) return null;
  const change = rec.change;
  const rival = rec.worlds.rival ?? rec.runnerUp;
  return change.stayed && change.challenger !== null
    ? `This is a close call: ${ctx.shortName(change.challenger)} scores ${formatScore(change.lead ?? 0)} points ` +
        `higher at the likely figures, less than the ${formatScore(change.hurdle ?? 0)} points a change of data plane ` +
        'is asked to lead staying by. Firm up the inputs named under sensitivity before deciding either way.'
    : `This is a close call: ${rec.name} is what a careful consultant would recommend in ${formatPercent(rec.confidence)} of the ` +
        `plausible worlds, ${ctx.shortName(rival)} in ${formatPercent(rec.worlds.rivalShare)}. ` +
        (turnsOn ??
          `${rec.name} leads ${ctx.shortName(rec.runnerUp)} by ` +
            `${rec.margin === null ? 'a narrow margin' : `${formatScore(rec.margin)} points on the 0–1 scale`}, ` +
            `inside the ${formatScore(rec.worlds.leadSpread ?? 0)} points that lead varies by across those worlds.`) +
        ` Treat ${ctx.shortName(rival)} as a credible alternative and firm up ` +
        `${turnsOn === null ? 'the inputs named under sensitivity' : 'those judgements'} before committing.`;
}
