import { formatNumber, formatPercent, joinAnd, lowerFirst } from '../shared/format.js';
import { turnsOnSentence } from '../words/turns-on-sentence.js';
import { indicativeShareSentence } from './indicative-share.js';
import { judgement } from './judgement.js';
import type { ReportContext } from './report-context.js';
import type { ExecutiveSummary } from './report-model.js';

const MAX_REASONS = 5;
/** What would change the decision, at most; one fewer when the close-call note already names what it turns on. */
const MAX_FLIPS = 3;
/** A placeholder sways the decision when it drives the winner's cost or a change of this share of it flips it. */
const PLACEHOLDER_SWAY = 0.5;

/** The first page a client reads: the decision, why, what comes second and what would change it. */
export function executiveSummary(ctx: ReportContext): ExecutiveSummary {
  const { result } = ctx.sources;
  const rec = result.recommendation;
  const winner = ctx.option(rec.option);
  const runnerUp = ctx.option(rec.runnerUp);
  const horizon = result.engagement.horizonYears;
  const confidence = formatPercent(rec.confidence);
  const draws = formatNumber(result.monteCarlo.draws);
  const savings = winner.tco.medianSavingsVsBaseline;

  const stays = rec.option === rec.change.incumbent;
  const median = ctx.money(winner.tco.median);
  const range = `${ctx.money(winner.tco.p10)} – ${ctx.money(winner.tco.p90)}`;
  // When no path meets every must, the client reads that first: the pick is the closest, not a path that complies.
  const noPathMeets = rec.meetsAllMusts
    ? ''
    : `No path meets every must the client set: the closest, ${rec.name}, does not fully meet ${listNames(ctx, winner.unmetMusts)}. `;
  // Staying can still add what today's set-up lacks; a finance reader must see why it costs more than today.
  const lacks =
    stays && result.baseline.option === rec.option && winner.stack.addons.some((a) => a.isNew)
      ? result.baseline.unmetMusts
      : [];
  // What is kept goes by its own name where the path's would say twice that something is added ("Calico with
  // add-ons, and adding what it lacks"); an estate's path already names each group's CNI.
  const [only, ...more] = result.baseline.runsToday;
  const keptName = only !== undefined && more.length === 0 ? only.name : rec.name;
  const kept =
    lacks.length === 0
      ? `keeping what the clusters run today, ${rec.name},`
      : `keeping what the clusters run today, ${keptName}, and adding what it lacks, ${listNames(ctx, lacks)},`;
  const headline =
    noPathMeets +
    `We recommend ${stays ? kept : rec.name} for ${result.engagement.client}: ` +
    `it costs a median ${median} over ${horizon} ${horizon === 1 ? 'year' : 'years'} (P10–P90 ${range}) and stays ` +
    `the recommendation in ${confidence} of ${draws} plausible worlds in which the costs and the judgements ` +
    'consultants differ on vary together.';

  const rivals = result.options.filter((o) => o.id !== rec.option);
  const runnerUpSentence = runnerUp.disqualified
    ? `No other option meets every must the client set.`
    : `${runnerUp.name} comes second, scoring ${formatScore(runnerUp.score)} against ${formatScore(winner.score)}` +
      ` at a median ${ctx.money(runnerUp.tco.median)} over the horizon.`;

  const change = rec.change;
  const rival = rec.worlds.rival ?? rec.runnerUp;
  const turnsOn = rec.closeCall
    ? turnsOnSentence(rec.closeBecause, Object.fromEntries(result.options.map((o) => [o.id, o.short])))
    : null;
  const flips = result.sensitivity
    .filter((s) => s.flipsAt !== null)
    .map((s) => ({ s, distance: relativeDistance(s.current, s.flipsAt ?? s.current) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, turnsOn === null ? MAX_FLIPS : MAX_FLIPS - 1)
    .map(({ s }) => s.sentence);

  const closeCall = !rec.closeCall
    ? null
    : change.stayed && change.challenger !== null
      ? `This is a close call: ${ctx.shortName(change.challenger)} scores ${formatScore(change.lead ?? 0)} points ` +
        `higher at the likely figures, less than the ${formatScore(change.hurdle ?? 0)} points a change of data plane ` +
        'is asked to lead staying by. Firm up the inputs named under sensitivity before deciding either way.'
      : `This is a close call: ${rec.name} is what a careful consultant would recommend in ${confidence} of the ` +
        `plausible worlds, ${ctx.shortName(rival)} in ${formatPercent(rec.worlds.rivalShare)}. ` +
        (turnsOn ??
          `${rec.name} leads ${ctx.shortName(rec.runnerUp)} by ` +
            `${rec.margin === null ? 'a narrow margin' : `${formatScore(rec.margin)} points on the 0–1 scale`}, ` +
            `inside the ${formatScore(rec.worlds.leadSpread ?? 0)} points that lead varies by across those worlds.`) +
        ` Treat ${ctx.shortName(rival)} as a credible alternative and firm up ` +
        `${turnsOn === null ? 'the inputs named under sensitivity' : 'those judgements'} before committing.`;

  const ruledOut = result.options
    .filter((o) => o.disqualified)
    .map((o) =>
      o.excludedBy.length > 0
        ? `${o.name} is ruled out: it cannot run on ${joinAnd(o.excludedBy.map((e) => e.platform))}.`
        : `${o.name} is ruled out: it does not fully meet ${listNames(ctx, o.unmetMusts)}, which the client must have.`,
    );

  const placeholders = result.assumptions.filter((a) => a.kind === 'placeholder' && a.origin === 'default');
  const placeholderWarning =
    placeholders.length === 0
      ? null
      : `${placeholders.map((a) => a.description.replace(/\.$/, '')).join('; ')}: ` +
        `${placeholders.length === 1 ? 'an indicative price' : 'indicative prices'}; no vendor quote yet. ` +
        `${indicativeShareSentence(ctx, false) ?? ''} `.trimStart() +
        `The figures that rest on ${placeholders.length === 1 ? 'it' : 'them'} will move once a quote is in.`;

  const placeholderKeys = new Set<string>(placeholders.map((a) => a.key));
  const placeholderMatters =
    result.tornado.bars.some((b) => placeholderKeys.has(b.key)) ||
    result.sensitivity.some(
      (s) =>
        placeholderKeys.has(s.key) &&
        s.flipsAt !== null &&
        relativeDistance(s.current, s.flipsAt) <= PLACEHOLDER_SWAY,
    );

  return {
    optionId: rec.option,
    optionName: rec.name,
    confidence,
    headline,
    reasons: rec.reasons.slice(0, MAX_REASONS),
    runnerUp: runnerUpSentence,
    flips:
      flips.length > 0
        ? flips
        : rivals.every((o) => o.disqualified)
          ? [
              'Every rival is ruled out by a must, so no priority or cost input changes the decision; only relaxing ' +
                'one of those musts would.',
            ]
          : [
              'No change of a single priority or cost input within its searched range makes another option win.',
            ],
    closeCall,
    turnsOn,
    ruledOut,
    keyFigures: [
      {
        label: `Median TCO over ${horizon} ${horizon === 1 ? 'year' : 'years'}`,
        value: median,
        note: `median of the simulated scenarios; P10–P90 ${range}; ${ctx.money(winner.tco.likely)} at the likely figures`,
      },
      {
        label: savings >= 0 ? 'Saved against today' : 'More than today',
        value: ctx.money(Math.abs(savings)),
        note: `medians; ${
          result.baseline.meetsAllMusts
            ? 'against keeping today’s set-up, which meets every must'
            : result.baseline.option === null
              ? 'against the leanest install with nothing added'
              : `against keeping today’s set-up, which misses ${result.baseline.unmetMusts.length} ${result.baseline.unmetMusts.length === 1 ? 'must' : 'musts'}`
        }`,
      },
      {
        label: 'Confidence',
        value: confidence,
        note: `share of ${draws} plausible worlds in which it is still the pick; ${
          rec.worlds.rival === null || rec.worlds.rivalShare === 0
            ? 'no other option is the pick in any of them'
            : `${ctx.shortName(rec.worlds.rival)} in ${formatPercent(rec.worlds.rivalShare)}`
        }`,
      },
    ],
    placeholderWarning,
    placeholderMatters,
    judgement: judgement(ctx),
  };
}

function formatScore(x: number): string {
  return x.toFixed(2);
}

function relativeDistance(current: number, flipsAt: number): number {
  return Math.abs(flipsAt - current) / Math.max(Math.abs(current), 1e-9);
}

function listNames(ctx: ReportContext, ids: readonly string[]): string {
  return joinAnd(ids.map((id) => lowerFirst(ctx.capabilityName(id))));
}
