import { formatNumber, formatPercent, joinAnd } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import { listNames } from './summary-words.js';

/**
 * The summary's first sentence: the pick (when no path meets every must, that first; a stay that adds to today's
 * set-up, saying what), its median and P10-P90 over the horizon, and its share of the plausible worlds.
 */
export function summaryHeadline(ctx: ReportContext): string {
  const { result } = ctx.sources;
  const rec = result.recommendation;
  const winner = ctx.option(rec.option);
  const horizon = result.engagement.horizonYears;
  const stays = rec.option === rec.change.incumbent;
  const range = `${ctx.money(winner.tco.p10)} – ${ctx.money(winner.tco.p90)}`;
  // When no path meets every must, the client reads that first: the pick is the closest, not a path that complies.
  const noPathMeets = rec.meetsAllMusts
    ? ''
    : `No path meets every must the client set: the closest, ${rec.name}, does not fully meet ${listNames(ctx, winner.unmetMusts)}. `;
  // Staying can still add to today's set-up; a finance reader must see why it costs more than today: what it
  // lacks where a must is unmet, else the add-ons themselves.
  const added =
    stays && result.baseline.option === rec.option ? winner.stack.addons.filter((a) => a.isNew) : [];
  const lacks = added.length > 0 ? result.baseline.unmetMusts : [];
  // What is kept goes by its own name where the path's would say twice that something is added ("Calico with
  // add-ons, and adding what it lacks"); an estate's path already names each group's CNI.
  const [only, ...more] = result.baseline.runsToday;
  const keptName = only !== undefined && more.length === 0 ? only.name : rec.name;
  const kept =
    added.length === 0
      ? `keeping what the clusters run today, ${rec.name},`
      : lacks.length > 0
        ? `keeping what the clusters run today, ${keptName}, and adding what it lacks, ${listNames(ctx, lacks)},`
        : `keeping what the clusters run today, ${keptName}, and adding ${joinAnd(added.map((a) => a.name))},`;
  return (
    noPathMeets +
    `We recommend ${stays ? kept : rec.name} for ${result.engagement.client}: ` +
    `it costs a median ${ctx.money(winner.tco.median)} over ${horizon} ${horizon === 1 ? 'year' : 'years'} (P10–P90 ${range}) and stays ` +
    `the recommendation in ${formatPercent(rec.confidence)} of ${formatNumber(result.monteCarlo.draws)} plausible worlds in which the costs and the judgements ` +
    'consultants differ on vary together.'
  );
}
