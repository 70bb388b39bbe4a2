import {
  CAPABILITY_IDS,
  type CapabilityId,
  type Dataset,
  type Model,
  type OptionId,
} from '../schema/dataset.js';
import { roundTo } from '../shared/format.js';
import type { Plan } from './build-plan.js';
import { meetsAMust } from './capability-fit.js';
import { closeCallShareAt } from './close-call-share.js';
import { computeTco, type Scenario } from './compute-tco.js';
import {
  type ChangeHurdle,
  CRITERIA,
  type Criterion,
  type CriterionScores,
  type DecisionContext,
  type OptionEvaluation,
  type Weights,
  weightedScore,
} from './evaluate-options.js';
import { type InputStream, inputStream } from './input-stream.js';
import type { Parameter, ParameterValues } from './resolve-parameters.js';
import { sampleTriangular } from './sample-triangular.js';
import { PRIORITY_MAX } from './sensitivity.js';

export interface MonteCarloOption {
  readonly id: OptionId;
  /** Share of the plausible worlds in which the option is what a careful consultant would recommend. */
  readonly pRecommended: number;
  /** Share of draws in which the option has the lowest TCO. */
  readonly pCheapest: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** Share of draws whose TCO is below the TCO at likely values: where the headline figure sits. */
  readonly likelyPercentile: number;
  /** Draw counts per TCO bin; bins are shared by all options (see MonteCarloResult.bins). */
  readonly histogram: readonly number[];
}

/** The simulated spread of a cost with no decision attached (staying as today): P10, median and P90. */
export interface SimulatedRange {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

/** One judgement drawn in every world, with its range and the reason for it (data/model.yaml). */
export interface WorldJudgement {
  readonly id:
    | 'prioritySpread'
    | 'levelSpread'
    | 'migrationFear'
    | 'newComponentWeight'
    | 'changeHurdle'
    | 'softMustHeld';
  readonly low: number;
  readonly likely: number;
  readonly high: number;
  readonly reason: string;
}

export interface MonteCarloResult {
  readonly draws: number;
  readonly seed: number;
  readonly distribution: 'triangular';
  /** What was drawn: the cost defaults with a range, the add-on efforts, the priorities and the judgements. */
  readonly varied: readonly string[];
  /** Priorities drawn within this many points of the stated ones; capability judgements within levelSpread. */
  readonly prioritySpread: number;
  readonly levelSpread: number;
  readonly bins: readonly number[];
  readonly options: readonly MonteCarloOption[];
  /** The change rule at the likely figures: the path run today and the lead each change must have over it. */
  readonly hurdle: ChangeHurdle;
  /** Staying as today, costed in the same draws as the options, so that every headline figure is a median. */
  readonly baseline: SimulatedRange | null;
  /** The structural judgements each world draws, with their ranges and reasons. */
  readonly judgements: readonly WorldJudgement[];
  /** A close call: a rival is the pick in at least `share` of the worlds, or the lead is under `band` standard deviations of it. */
  readonly closeCallRule: {
    readonly share: number;
    readonly band: number;
    /** Standard errors of sampling allowed below `share`. */
    readonly z: number;
    /** The rival's share of the worlds drawn from which a close call is flagged. */
    readonly shareAtWorlds: number;
  };
}

/** What the worlds vary, as a fact (src/words/varied-draw-text.ts words it for result.json's `varied`). */
export type VariedDraw =
  | { readonly kind: 'cost'; readonly key: string }
  | { readonly kind: 'addonEffort'; readonly addon: string }
  | { readonly kind: 'judgement'; readonly judgement: WorldJudgement['id'] };

/** The worlds' summary as the engine returns it: what was varied as facts; the result words them. */
export type MonteCarloSummary = Omit<MonteCarloResult, 'varied'> & { readonly varied: readonly VariedDraw[] };

const judged = (ids: readonly WorldJudgement['id'][]): VariedDraw[] =>
  ids.map((judgement) => ({ kind: 'judgement', judgement }));

/** One draw that moves the decision toward a rival: the worlds the rival wins drew it higher (or lower). */
export interface WorldDriver {
  /**
   * `priority.<criterion>`, `migrationFear`, `changeHurdle`, `newComponentWeight`, `fit.<option>`,
   * `softMust.<capability>`, `cost.<key>` or `addon.<id>`.
   */
  readonly key: string;
  readonly direction: 'higher' | 'lower';
  /** Difference of the draw's mean between the rival's worlds and the pick's, in standard deviations of the draw. */
  readonly effect: number;
}

/** How the pick fares across the worlds: its share, its strongest rival's, and what the rival's worlds drew. */
export interface WorldsVerdict {
  readonly share: number;
  readonly rival: OptionId | null;
  readonly rivalShare: number;
  /** How many worlds were drawn: the shares above are known to within their sampling error at this count. */
  readonly worlds: number;
  /** Standard deviation across the worlds of the pick's lead over the rival (after each world's change hurdle). */
  readonly leadSpread: number | null;
  /** The draws that most separate the rival's worlds from the pick's, strongest first. */
  readonly drivers: readonly WorldDriver[];
}

const BIN_COUNT = 24;
/** A draw counts as a driver when the rival's worlds drew it at least this many standard deviations apart. */
const DRIVER_EFFECT = 0.2;
const MAX_DRIVERS = 3;
/** Fewer rival worlds than this say nothing reliable about what drives them. */
const MIN_RIVAL_WORLDS = 20;

function quantile(sorted: Float64Array, q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i] as number;
}

/** Standard deviation of a − b over the draws. */
function spreadOfDifference(a: Float64Array, b: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < a.length; i++) mean += (a[i] as number) - (b[i] as number);
  mean /= a.length;
  let sq = 0;
  for (let i = 0; i < a.length; i++) sq += ((a[i] as number) - (b[i] as number) - mean) ** 2;
  return Math.sqrt(sq / a.length);
}

/** The judgements' ranges as the report states them. */
export function worldJudgements(model: Model): WorldJudgement[] {
  const w = model.decision.worlds;
  return [
    {
      id: 'prioritySpread',
      low: -w.prioritySpread.spread,
      likely: 0,
      high: w.prioritySpread.spread,
      reason: w.prioritySpread.reason.trim(),
    },
    {
      id: 'levelSpread',
      low: -w.levelSpread.spread,
      likely: 0,
      high: w.levelSpread.spread,
      reason: w.levelSpread.reason.trim(),
    },
    { id: 'migrationFear', ...w.migrationFear, reason: w.migrationFear.reason.trim() },
    {
      id: 'newComponentWeight',
      low: w.newComponentWeight.low,
      likely: model.newComponentWeight,
      high: w.newComponentWeight.high,
      reason: w.newComponentWeight.reason.trim(),
    },
    { id: 'changeHurdle', ...w.changeHurdle, reason: w.changeHurdle.reason.trim() },
    {
      id: 'softMustHeld',
      low: w.softMustHeld.share,
      likely: w.softMustHeld.share,
      high: w.softMustHeld.share,
      reason: w.softMustHeld.reason.trim(),
    },
  ];
}

/**
 * The change rule at the likely figures: while staying is a contender, an option that changes the data plane must
 * lead it by the likely change hurdle (0 when the migration's counted cost and risk are the whole of it).
 */
export function likelyHurdle(
  likely: readonly OptionEvaluation[],
  incumbent: OptionId | null,
  model: Model,
): ChangeHurdle {
  const fewest = Math.min(...likely.map((o) => o.blockers));
  const stay = likely.find((o) => o.id === incumbent && o.blockers === fewest);
  if (stay === undefined) return { incumbent: null, hurdles: {} };
  const hurdles: Partial<Record<OptionId, number>> = {};
  for (const o of likely) {
    if (o !== stay && o.blockers === fewest && o.plan.migratesCni) {
      hurdles[o.id] = model.decision.worlds.changeHurdle.likely;
    }
  }
  return { incumbent: stay.id, hurdles };
}

/** A named series of one draw per world, as a deviation from its likely value (0 at the likely world). */
interface Track {
  readonly key: string;
  readonly values: Float64Array;
}

/** What the plausible worlds are drawn around: the decision at the likely figures and the draws to make. */
export interface WorldsInput {
  readonly ctx: DecisionContext;
  readonly likely: readonly OptionEvaluation[];
  readonly parameters: readonly Parameter[];
  readonly base: Scenario;
  readonly weights: Weights;
  readonly draws: number;
  readonly seed: number;
  readonly incumbent: OptionId | null;
  /** Staying as today: its add-ons are drawn in every world (so the draws are the same with or without it). */
  readonly baseline: Plan | null;
}

/**
 * Draws `draws` plausible worlds and decides each as a careful consultant would. A world draws every cost default and
 * add-on effort from its triangular range, and the judgements on which senior consultants differ: each priority
 * within `prioritySpread` of the workshop's weight, each option's fit to each need within `levelSpread`, how much
 * the live migration is feared, how much a component new to the team weighs, the lead a change of data plane must
 * have over staying, and whether a must that rests on advice is held. Each world's winner is the best score among
 * the options with the fewest unmet musts in that world, after that world's change hurdle.
 */
export function runMonteCarlo(
  ctx: DecisionContext,
  likely: readonly OptionEvaluation[],
  parameters: readonly Parameter[],
  base: Scenario,
  weights: Weights,
  draws: number,
  seed: number,
  incumbent: OptionId | null,
  pick: OptionId,
  baseline: Plan | null = null,
): { readonly summary: MonteCarloSummary; readonly verdict: WorldsVerdict } {
  const input = { ctx, likely, parameters, base, weights, draws, seed, incumbent, baseline };
  const drawn = drawWorlds(input, true);
  const { wins, winners, totals, baselineTotals, cheapestCount, tracks } = drawn;
  const { uncertain, addons, softMusts, prioritySpread, levelSpread } = drawn;
  const model = ctx.dataset.model;
  const verdict = verdictOf(input, drawn, pick, (pickIndex, rivalIndex) =>
    drivers(
      [
        ...tracks.priority,
        tracks.fear,
        tracks.newComponentWeight,
        tracks.hurdle,
        ...tracks.fit.filter((_, i) => i === pickIndex || i === rivalIndex),
        ...tracks.soft,
        ...tracks.cost,
        ...tracks.addon,
      ],
      winners,
      pickIndex,
      rivalIndex,
    ),
  );

  for (const t of totals) t.sort();
  baselineTotals.sort();
  const lo = Math.min(...totals.map((t) => t[0] as number));
  const hi = Math.max(...totals.map((t) => t[t.length - 1] as number));
  const width = hi > lo ? (hi - lo) / BIN_COUNT : 1;
  const bins = Array.from({ length: BIN_COUNT + 1 }, (_, i) => lo + i * width);
  const summary: MonteCarloSummary = {
    draws,
    seed,
    distribution: 'triangular',
    varied: [
      ...uncertain.map((p) => ({ kind: 'cost' as const, key: p.key })),
      ...addons.map((a) => ({ kind: 'addonEffort' as const, addon: a.id })),
      ...judged(prioritySpread > 0 ? ['prioritySpread'] : []),
      ...judged(levelSpread > 0 ? ['levelSpread'] : []),
      ...judged(['migrationFear', 'newComponentWeight', 'changeHurdle']),
      ...judged(softMusts.length > 0 ? ['softMustHeld'] : []),
    ],
    prioritySpread,
    levelSpread,
    bins,
    hurdle: likelyHurdle(likely, incumbent, model),
    baseline:
      baseline === null
        ? null
        : {
            p10: quantile(baselineTotals, 0.1),
            p50: quantile(baselineTotals, 0.5),
            p90: quantile(baselineTotals, 0.9),
          },
    judgements: worldJudgements(model),
    closeCallRule: {
      share: model.decision.closeCallShare,
      band: model.decision.closeCallBand,
      z: model.decision.closeCallZ.z,
      shareAtWorlds: roundTo(closeCallShareAt(model.decision, draws), 4),
    },
    options: likely.map((o, i) => {
      const sorted = totals[i] as Float64Array;
      const histogram = new Array<number>(BIN_COUNT).fill(0);
      let below = 0;
      for (const x of sorted) {
        const b = Math.min(BIN_COUNT - 1, Math.floor((x - lo) / width));
        histogram[b] = (histogram[b] ?? 0) + 1;
        if (x < o.tco.total) below++;
      }
      return {
        id: o.id,
        pRecommended: (wins[i] ?? 0) / draws,
        pCheapest: (cheapestCount[i] ?? 0) / draws,
        p10: quantile(sorted, 0.1),
        p50: quantile(sorted, 0.5),
        p90: quantile(sorted, 0.9),
        likelyPercentile: below / draws,
        histogram,
      };
    }),
  };
  return { summary, verdict };
}

/** The worlds as drawn: each option's wins, and (when recorded) what each world drew and cost. */
interface DrawnWorlds {
  /** Worlds drawn: fewer than asked when `settled` stopped the draws early. */
  readonly done: number;
  readonly wins: readonly number[];
  /** Each option's score in each world after that world's change hurdle. */
  readonly adjusted: readonly Float64Array[];
  readonly winners: Int32Array;
  readonly totals: readonly Float64Array[];
  readonly baselineTotals: Float64Array;
  readonly cheapestCount: readonly number[];
  readonly tracks: {
    readonly priority: readonly Track[];
    readonly fear: Track;
    readonly newComponentWeight: Track;
    readonly hurdle: Track;
    readonly fit: readonly Track[];
    readonly soft: readonly Track[];
    readonly cost: readonly Track[];
    readonly addon: readonly Track[];
  };
  readonly uncertain: readonly Parameter[];
  readonly addons: readonly Dataset['addons'][number][];
  readonly softMusts: readonly CapabilityId[];
  readonly prioritySpread: number;
  readonly levelSpread: number;
}

/**
 * The worlds of `runMonteCarlo`: world d takes the d-th draw of each input's own stream (`inputStream`). With `record` off, only the decision in each world
 * is kept (no cost of staying, no totals or draws recorded: a decision needs none of them); `settled`, asked after
 * each world with the wins so far, stops the draws once the answer sought can no longer change.
 */
function drawWorlds(
  input: WorldsInput,
  record: boolean,
  settled?: (wins: readonly number[], done: number) => boolean,
  followed?: FollowedOption,
): DrawnWorlds {
  const { ctx, likely, parameters, base, weights, draws, seed, incumbent, baseline } = input;
  const model = ctx.dataset.model;
  const worlds = model.decision.worlds;
  const prioritySpread = worlds.prioritySpread.spread;
  const levelSpread = worlds.levelSpread.spread;
  // Each input draws from its own stream, keyed as its track is: adding an input changes no other input's draws.
  const stream = (key: string): InputStream => inputStream(seed, key);
  const uncertain = parameters.filter((p) => p.uncertain);
  const costed = baseline === null ? ctx.plans : [...ctx.plans, baseline];
  const addonIds = [...new Set(costed.flatMap((p) => p.addons.map((a) => a.id)))];
  const addons = addonIds.flatMap((id) => ctx.dataset.addons.filter((a) => a.id === id));
  const n = likely.length;
  const plans = likely.map((o) => o.plan);
  // Unrecorded series have no room: a store past a typed array's end is ignored.
  const recorded = record ? draws : 0;
  const totals = Array.from({ length: n }, () => new Float64Array(recorded));
  const adjusted = Array.from({ length: n }, () => new Float64Array(draws));
  const winners = new Int32Array(draws);
  const cheapestCount = new Array<number>(n).fill(0);
  const baselineTotals = new Float64Array(baseline === null ? 0 : recorded);
  const wins = new Array<number>(n).fill(0);
  const values: ParameterValues = { ...base.values };
  // One scenario, its values and add-on hours overwritten in place by each draw: the draws allocate nothing
  // they do not keep.
  const addonHours: Record<string, { ops: number; setup: number }> = {};
  for (const a of addons) addonHours[a.id] = { ops: 0, setup: 0 };
  const scenario: Scenario = { ...base, values, addonHours };

  const softMusts = CAPABILITY_IDS.filter((id) => ctx.needs[id].importance === 'must' && ctx.needs[id].soft);
  const relaxedWeight = model.importanceWeights.should ?? 0;
  // Each option's judged needs: importance weight, likely level value, the soft must it is (index, or -1), and
  // whether the option misses that must (a blocker a relaxed world lifts).
  const judged = likely.map((o) =>
    CAPABILITY_IDS.flatMap((id: CapabilityId) => {
      const weight = model.importanceWeights[ctx.needs[id].importance] ?? 0;
      return weight > 0
        ? [
            {
              weight,
              soft: softMusts.indexOf(id),
              value: model.levelValues[o.plan.fits[id].level] ?? 0,
              missed: ctx.needs[id].importance === 'must' && !meetsAMust(o.plan.fits[id].level),
              draw: stream(`fit.${o.id}.${id}`),
            },
          ]
        : [];
    }),
  );
  const migrationPenalty = likely.map((o) => o.risks.find((r) => r.id === 'cni-migration')?.penalty ?? 0);
  const otherPenalty = likely.map(
    (o, i) => o.risks.reduce((s, r) => s + r.penalty, 0) - (migrationPenalty[i] as number),
  );
  const stay = incumbent === null ? -1 : likely.findIndex((o) => o.id === incumbent);
  const fear = worlds.migrationFear;
  const fearLow = Math.log(fear.low / fear.likely);
  const fearHigh = Math.log(fear.high / fear.likely);
  const ncw = worlds.newComponentWeight;
  const ncwLikely = Math.min(Math.max(model.newComponentWeight, ncw.low), ncw.high);
  const hurdle = worlds.changeHurdle;

  // The draws a rival's worlds may differ in, recorded as deviations from the likely world.
  const track = (key: string): Track => ({ key, values: new Float64Array(recorded) });
  const priorityTracks = CRITERIA.map((c) => track(`priority.${c}`));
  const fearTrack = track('migrationFear');
  const ncwTrack = track('newComponentWeight');
  const hurdleTrack = track('changeHurdle');
  const fitTracks = likely.map((o) => track(`fit.${o.id}`));
  const softTracks = softMusts.map((id) => track(`softMust.${id}`));
  const costTracks = uncertain.map((p) => track(`cost.${p.key}`));
  const addonTracks = addons.map((a) => track(`addon.${a.id}`));
  const costDraws = costTracks.map((t) => stream(t.key));
  const addonDraws = addons.map((a) => ({
    ops: stream(`addon.${a.id}.ops`),
    setup: stream(`addon.${a.id}.setup`),
  }));
  const priorityDraws = priorityTracks.map((t) => stream(t.key));
  const fearDraw = stream(fearTrack.key);
  const ncwDraw = stream(ncwTrack.key);
  const hurdleDraw = stream(hurdleTrack.key);
  const softDraws = softTracks.map((t) => stream(t.key));

  // A world whose outcome is already known still takes its draw from every stream, so later worlds draw as before.
  const passWorld = () => {
    for (const draw of costDraws) draw();
    for (const draw of addonDraws) {
      draw.ops();
      draw.setup();
    }
    for (const draw of priorityDraws) draw();
    fearDraw();
    ncwDraw();
    hurdleDraw();
    for (const draw of softDraws) draw();
    for (const needs of judged) for (const j of needs) j.draw();
  };

  const criteria: CriterionScores[] = likely.map((o) => ({ ...o.criteria }));
  const w: Weights = { ...weights };
  const drawn = new Float64Array(n);
  const scores = new Float64Array(n);
  const blockers = new Int32Array(n);
  const relaxed = new Uint8Array(softMusts.length);
  let done = 0;
  for (let d = 0; d < draws; d++) {
    const known = followed?.known?.[d] ?? Number.NaN;
    if (followed !== undefined && !Number.isNaN(known)) {
      passWorld();
      wins[followed.index] = (wins[followed.index] ?? 0) + known;
      followed.shares[d] = known;
      done = d + 1;
      if (settled?.(wins, done)) break;
      continue;
    }
    for (let k = 0; k < uncertain.length; k++) {
      const p = uncertain[k] as Parameter;
      values[p.key] = sampleTriangular(p.low, p.value, p.high, (costDraws[k] as InputStream)());
      (costTracks[k] as Track).values[d] = p.high > p.low ? (values[p.key] - p.value) / (p.high - p.low) : 0;
    }
    for (let k = 0; k < addons.length; k++) {
      const a = addons[k] as (typeof addons)[number];
      const o = a.opsHoursPerClusterMonth;
      const s = a.setupHoursPerCluster;
      const hours = addonHours[a.id] as { ops: number; setup: number };
      const draw = addonDraws[k] as (typeof addonDraws)[number];
      hours.ops = sampleTriangular(o.low, o.likely, o.high, draw.ops());
      hours.setup = sampleTriangular(s.low, s.likely, s.high, draw.setup());
      (addonTracks[k] as Track).values[d] = o.high > o.low ? (hours.ops - o.likely) / (o.high - o.low) : 0;
    }
    let weightSum = 0;
    for (let k = 0; k < CRITERIA.length; k++) {
      const c = CRITERIA[k] as Criterion;
      const lo = Math.max(0, weights[c] - prioritySpread);
      const hi = Math.min(PRIORITY_MAX, weights[c] + prioritySpread);
      w[c] = lo + (hi - lo) * (priorityDraws[k] as InputStream)();
      (priorityTracks[k] as Track).values[d] = w[c] - weights[c];
      weightSum += w[c];
    }
    if (weightSum === 0) Object.assign(w, weights);
    if (baseline !== null && record)
      baselineTotals[d] = computeTco(baseline, ctx.situation, scenario, model).total;
    const fearFactor = fear.likely * Math.exp(sampleTriangular(fearLow, 0, fearHigh, fearDraw()));
    fearTrack.values[d] = Math.log(fearFactor / fear.likely);
    const newWeight = sampleTriangular(ncw.low, ncwLikely, ncw.high, ncwDraw());
    ncwTrack.values[d] = newWeight - ncwLikely;
    const h = sampleTriangular(hurdle.low, hurdle.likely, hurdle.high, hurdleDraw());
    hurdleTrack.values[d] = h - hurdle.likely;
    for (let k = 0; k < softTracks.length; k++) {
      relaxed[k] = (softDraws[k] as InputStream)() < worlds.softMustHeld.share ? 0 : 1;
      (softTracks[k] as Track).values[d] = 1 - (relaxed[k] as number);
    }

    let fewest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const plan = plans[i] as Plan;
      const c = criteria[i] as CriterionScores;
      drawn[i] = computeTco(plan, ctx.situation, scenario, model).total;
      (totals[i] as Float64Array)[d] = drawn[i] as number;
      let sum = 0;
      let wsum = 0;
      let deviation = 0;
      let freed = 0;
      const needs = judged[i] as (typeof judged)[number];
      for (let m = 0; m < needs.length; m++) {
        const j = needs[m] as (typeof needs)[number];
        const lo = Math.max(0, j.value - levelSpread);
        const hi = Math.min(1, j.value + levelSpread);
        const level = sampleTriangular(lo, j.value, hi, j.draw());
        const isRelaxed = j.soft >= 0 && relaxed[j.soft] === 1;
        const weight = isRelaxed ? relaxedWeight : j.weight;
        sum += weight * level;
        wsum += weight;
        deviation += weight * (level - j.value);
        if (isRelaxed && j.missed) freed++;
      }
      (fitTracks[i] as Track).values[d] = wsum > 0 ? deviation / wsum : 0;
      c.capability = wsum > 0 ? sum / wsum : 1;
      c.risk = 1 - Math.min(1, (otherPenalty[i] as number) + fearFactor * (migrationPenalty[i] as number));
      blockers[i] = (likely[i] as OptionEvaluation).blockers - freed;
      fewest = Math.min(fewest, blockers[i] as number);
    }
    // Cost and complexity as criterionScores measures them, with this world's options in the running.
    for (let i = 0; i < n; i++) {
      let min = Number.POSITIVE_INFINITY;
      let leanest = Number.POSITIVE_INFINITY;
      for (let j = 0; j < n; j++) {
        if (blockers[i] === fewest && blockers[j] !== fewest) continue;
        const peer = plans[j] as Plan;
        min = Math.min(min, drawn[j] as number);
        leanest = Math.min(leanest, peer.components.length + newWeight * peer.newComponents.length);
      }
      const plan = plans[i] as Plan;
      const c = criteria[i] as CriterionScores;
      const total = drawn[i] as number;
      const complexity = plan.components.length + newWeight * plan.newComponents.length;
      c.cost = total > 0 ? min / total : 1;
      c.simplicity = complexity > 0 ? leanest / complexity : 1;
      scores[i] = weightedScore(c, w);
    }
    const stayEligible = stay >= 0 && blockers[stay] === fewest;
    let best = Number.NEGATIVE_INFINITY;
    let tied = 0;
    for (let i = 0; i < n; i++) {
      const changes = stayEligible && i !== stay && (plans[i] as Plan).migratesCni;
      const a = (scores[i] as number) - (changes ? h : 0);
      (adjusted[i] as Float64Array)[d] = a;
      if (blockers[i] !== fewest) continue;
      if (a > best + 1e-12) {
        best = a;
        tied = 1;
      } else if (Math.abs(a - best) <= 1e-12) tied++;
    }
    // Options tied in a world share it: identical options tie at one half each.
    let first = -1;
    for (let i = 0; i < n; i++) {
      if (blockers[i] === fewest && Math.abs(((adjusted[i] as Float64Array)[d] as number) - best) <= 1e-12) {
        wins[i] = (wins[i] ?? 0) + 1 / tied;
        if (first === -1) first = i;
      }
    }
    winners[d] = first;
    if (followed !== undefined) {
      const f = followed.index;
      const won =
        blockers[f] === fewest && Math.abs(((adjusted[f] as Float64Array)[d] as number) - best) <= 1e-12;
      followed.shares[d] = won ? 1 / tied : 0;
    }
    done = d + 1;
    if (record) {
      const cheapest = drawn.indexOf(Math.min(...drawn));
      cheapestCount[cheapest] = (cheapestCount[cheapest] ?? 0) + 1;
    }
    if (settled?.(wins, done)) break;
  }
  return {
    done,
    wins,
    adjusted,
    winners,
    totals,
    baselineTotals,
    cheapestCount,
    tracks: {
      priority: priorityTracks,
      fear: fearTrack,
      newComponentWeight: ncwTrack,
      hurdle: hurdleTrack,
      fit: fitTracks,
      soft: softTracks,
      cost: costTracks,
      addon: addonTracks,
    },
    uncertain,
    addons,
    softMusts,
    prioritySpread,
    levelSpread,
  };
}

/**
 * The pick's share of the worlds, its strongest rival's and the spread of its lead: all that the recommendation's
 * confidence and the close-call rule need (`runMonteCarlo`'s verdict without what drives the rival), drawn without
 * costing staying or recording the draws.
 */
export function worldsShare(input: WorldsInput, pick: OptionId): Omit<WorldsVerdict, 'drivers'> {
  const { drivers: _, ...share } = verdictOf(input, drawWorlds(input, false), pick, () => []);
  return share;
}

/**
 * Whether `option` is the pick in at least `share` of the worlds, its share rounded to 4 decimals as the result
 * states it: exactly what `runMonteCarlo` would say, but the draws stop as soon as the remaining worlds cannot
 * change the answer (its wins only grow, and by at most one a world).
 */
export function winsShareOfWorlds(input: WorldsInput, option: OptionId, share: number): boolean {
  return followShareOfWorlds(input, option, share, null).holds;
}

/** An option followed through the worlds of one run (only with `record` off: the other options' wins are not counted in a known world). */
interface FollowedOption {
  readonly index: number;
  /** The option's share of each world where it is already known (0 or 1), NaN elsewhere: such a world is drawn, not decided. */
  readonly known: Float64Array | null;
  /** Receives the option's share of each world drawn: 1, 1/tied or 0. */
  readonly shares: Float64Array;
}

/** `winsShareOfWorlds`, and the option's share of each world drawn: 1, 1/tied or 0, NaN past the last world drawn. */
export interface FollowedShares {
  readonly holds: boolean;
  readonly shares: Float64Array;
}

/**
 * `winsShareOfWorlds`, told the option's share of some worlds beforehand (`known`: 0 or 1 per world, NaN where
 * not known), for a search that runs the same worlds again with one thing changed: those worlds take their draws
 * but are not decided again. Exactly `winsShareOfWorlds` when `known` is right.
 */
export function followShareOfWorlds(
  input: WorldsInput,
  option: OptionId,
  share: number,
  known: Float64Array | null,
): FollowedShares {
  const shares = new Float64Array(input.draws).fill(Number.NaN);
  const i = input.likely.findIndex((o) => o.id === option);
  if (i === -1) return { holds: false, shares };
  const stated = (wins: number) => roundTo(wins / input.draws, 4);
  // A margin for the floating-point sum of the remaining worlds' shares (each 1 or 1/tied).
  const slack = 1e-6;
  const drawn = drawWorlds(
    input,
    false,
    (wins, done) =>
      stated(wins[i] ?? 0) >= share || stated((wins[i] ?? 0) + (input.draws - done) + slack) < share,
    { index: i, known, shares },
  );
  return { holds: stated(drawn.wins[i] ?? 0) >= share, shares };
}

/** The pick's and its strongest rival's shares of the worlds, the spread of the lead between them, and the drivers. */
function verdictOf(
  input: WorldsInput,
  drawn: DrawnWorlds,
  pick: OptionId,
  driversOf: (pickIndex: number, rivalIndex: number) => WorldDriver[],
): WorldsVerdict {
  const { likely, draws } = input;
  const { wins, adjusted } = drawn;
  const pickIndex = likely.findIndex((o) => o.id === pick);
  const rivalIndex = wins.reduce(
    (best, x, i) =>
      i !== pickIndex && (best === -1 || x > (wins[best] as number) + 1e-9 || isBetterTie(i, best, x))
        ? i
        : best,
    -1,
  );
  function isBetterTie(i: number, best: number, x: number): boolean {
    return (
      Math.abs(x - (wins[best] as number)) <= 1e-9 &&
      (likely[i] as OptionEvaluation).blockers <= (likely[best] as OptionEvaluation).blockers &&
      (likely[i] as OptionEvaluation).score > (likely[best] as OptionEvaluation).score
    );
  }
  return {
    share: (wins[pickIndex] ?? 0) / draws,
    rival: rivalIndex === -1 ? null : (likely[rivalIndex] as OptionEvaluation).id,
    rivalShare: rivalIndex === -1 ? 0 : (wins[rivalIndex] ?? 0) / draws,
    worlds: draws,
    leadSpread:
      rivalIndex === -1
        ? null
        : spreadOfDifference(adjusted[pickIndex] as Float64Array, adjusted[rivalIndex] as Float64Array),
    drivers: rivalIndex === -1 ? [] : driversOf(pickIndex, rivalIndex),
  };
}

/**
 * The draws that separate the worlds the rival wins from those the pick wins: each draw's mean in the rival's worlds
 * minus its mean in the pick's, over its standard deviation across all worlds.
 */
function drivers(tracks: readonly Track[], winners: Int32Array, pick: number, rival: number): WorldDriver[] {
  let rivalWorlds = 0;
  let pickWorlds = 0;
  for (const x of winners) {
    if (x === rival) rivalWorlds++;
    else if (x === pick) pickWorlds++;
  }
  if (rivalWorlds < MIN_RIVAL_WORLDS || pickWorlds < MIN_RIVAL_WORLDS) return [];
  const found: WorldDriver[] = [];
  for (const t of tracks) {
    let all = 0;
    let sq = 0;
    let r = 0;
    let p = 0;
    for (let d = 0; d < winners.length; d++) {
      const v = t.values[d] as number;
      all += v;
      sq += v * v;
      if (winners[d] === rival) r += v;
      else if (winners[d] === pick) p += v;
    }
    const mean = all / winners.length;
    const sd = Math.sqrt(Math.max(0, sq / winners.length - mean * mean));
    if (sd === 0) continue;
    const effect = (r / rivalWorlds - p / pickWorlds) / sd;
    if (Math.abs(effect) >= DRIVER_EFFECT) {
      found.push({ key: t.key, direction: effect > 0 ? 'higher' : 'lower', effect });
    }
  }
  return found.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect)).slice(0, MAX_DRIVERS);
}
