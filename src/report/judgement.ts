import { formatNumber, joinAnd, lowerFirst } from '../shared/format.js';
import { runsTodayText } from '../words/baseline-text.js';
import type { ReportContext } from './report-context.js';
import type { Judgement } from './report-model.js';

/** Why change the data plane, or why not: the reasoning a client can check. */
export function judgement(ctx: ReportContext): Judgement {
  return { change: changeSentence(ctx) };
}

function changeSentence(ctx: ReportContext): string {
  const { result } = ctx.sources;
  const { cluster } = result.situation;
  const rec = result.recommendation;
  const c = rec.change;
  const current = runsTodayText(result.baseline.runsToday);
  if (cluster.currentCni === 'none') {
    return 'The clusters have no network yet, so nothing is migrated: each path is installed as the clusters are built.';
  }
  if (c.incumbent === null) {
    return `The clusters run ${current} today, which no path in this report keeps, so every path is a change of data plane.`;
  }
  const stay = ctx.option(c.incumbent);
  if (rec.option !== c.incumbent && c.lead === null) {
    const missing =
      stay.excludedBy.length > 0
        ? 'cannot run on the client’s platforms'
        : `does not fully meet ${joinAnd(stay.unmetMusts.map((id) => lowerFirst(ctx.capabilityName(id))))}`;
    return `Changing from ${current} is recommended: staying on ${stay.short}, even with what it can add, ${missing}, which the client must have.`;
  }
  if (c.stayed && c.challenger !== null) {
    return (
      `Staying on ${current} is recommended. ${ctx.shortName(c.challenger)} scores ` +
      `${formatNumber(c.lead ?? 0, 3)} points higher at the likely figures, less than the ` +
      `${formatNumber(c.hurdle ?? 0, 3)} points a change of data plane is asked to lead staying by beyond its ` +
      'counted cost and risk.'
    );
  }
  if (rec.option === c.incumbent) {
    const unmet = result.baseline.unmetMusts.length;
    return (
      `Staying on ${current} is recommended: it needs no data-plane migration and carries none of its risk` +
      (unmet === 0
        ? ', and today’s set-up already meets every must.'
        : `, and adding what it lacks closes the ${unmet === 1 ? 'must' : `${unmet} musts`} today’s set-up misses.`)
    );
  }
  if (!rec.change.changesDataPlane) {
    return `The recommendation keeps the ${current} data plane and changes who stands behind it.`;
  }
  return (
    `Changing from ${current} is recommended: ${ctx.shortName(rec.option)} leads staying on ${stay.short} by ` +
    `${formatNumber(c.lead ?? 0, 3)} points after paying for the migration and its risk, which are weighed once, in ` +
    'its cost and its risk score.'
  );
}
