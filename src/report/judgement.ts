import type { OptionResult } from '../result/result-types.js';
import { currentCniNames } from '../schema/display-names.js';
import { formatNumber, formatPercent, joinAnd, lowerFirst } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import type { Judgement } from './report-model.js';

/** Why change (or not), how sure, and what each path was given and left without: the reasoning a client can check. */
export function judgement(ctx: ReportContext): Judgement {
  const { result } = ctx.sources;
  const { cluster } = result.situation;
  const rec = result.recommendation;
  const winner = ctx.option(rec.option);
  const mc = result.monteCarlo;
  return {
    change: changeSentence(ctx),
    certainty:
      `Confidence is the share of ${formatNumber(mc.draws)} plausible worlds in which ${winner.short} is still what a ` +
      'careful consultant would recommend. Each world draws every estimated cost from its range and the judgements ' +
      'on which senior consultants differ: each priority within ' +
      `${formatNumber(mc.prioritySpread, 1)} point${mc.prioritySpread === 1 ? '' : 's'} of the workshop’s weight, ` +
      `each judgement of how well an option meets a need within ${formatNumber(mc.levelSpread, 2)} on a 0–1 scale, ` +
      'how much the migration is feared, how much a component new to the team weighs, and the lead a change of data ' +
      'plane is asked to have over staying. ' +
      (rec.closeCall
        ? `It is a close call: ${ctx.shortName(rec.worlds.rival ?? rec.runnerUp)} is the pick in ${formatPercent(rec.worlds.rivalShare)} of those worlds.`
        : `${rec.worlds.rival === null || rec.worlds.rivalShare === 0 ? 'No other option is the pick in any of them.' : `${ctx.shortName(rec.worlds.rival)} is the pick in ${formatPercent(rec.worlds.rivalShare)} of them, too few to call it close.`}`) +
      ` Every headline cost is the median of the simulated totals (${ctx.money(winner.tco.median)} here), with ` +
      'the P10–P90 range; the yearly and category tables show the total at the likely value of every input ' +
      `(${ctx.money(winner.tco.likely)}), which ${formatPercent(winner.tco.likelyPercentile)} of the simulated totals ` +
      'fall below, because most ranges reach further above the likely value than below it.' +
      (cluster.currentCni === 'none' ? '' : ` ${incumbentSentence(ctx)}`),
    stacks: result.options
      .filter((o) => o.excludedBy.length === 0)
      .map((o) => ({
        option: o.name,
        items: stackItems(ctx, o),
      })),
  };
}

function changeSentence(ctx: ReportContext): string {
  const { result } = ctx.sources;
  const { cluster } = result.situation;
  const rec = result.recommendation;
  const c = rec.change;
  const current = currentCniNames(cluster);
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
      `Staying on ${current} is recommended: it costs no migration and carries no change risk` +
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

function incumbentSentence(ctx: ReportContext): string {
  const { result } = ctx.sources;
  const b = result.baseline;
  return b.option === null
    ? ''
    : b.meetsAllMusts
      ? 'Today’s set-up, with nothing added, already meets every must.'
      : `Today’s set-up, with nothing added, misses ${joinAnd(b.unmetMusts.map((id) => lowerFirst(ctx.capabilityName(id))))}.`;
}

function stackItems(ctx: ReportContext, o: OptionResult): string[] {
  const items: string[] = [];
  const closedMusts = o.capabilities.filter(
    (c) => c.importance === 'must' && c.via.length > 0 && c.level === 'add-on',
  );
  for (const c of closedMusts) {
    items.push(`${ctx.capabilityName(c.id)} (must): met with ${joinAnd(c.via)}, costed in its TCO.`);
  }
  for (const id of o.unmetMusts) {
    const c = o.capabilities.find((x) => x.id === id);
    items.push(
      `${ctx.capabilityName(id)} (must): ${c?.level === 'partial' ? 'met only in part, which rules this path out' : 'not met, which rules this path out'}.`,
    );
  }
  for (const d of o.stack.decisions) items.push(d.reason);
  if (items.length === 0) items.push('Nothing to add: it meets what the client needs as it is.');
  return items;
}
