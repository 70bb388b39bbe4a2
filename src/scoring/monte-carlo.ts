import type { Model, OptionId } from '../schema/dataset.js';
import { roundTo } from '../shared/format.js';
import type { Plan } from './build-plan.js';
import { closeCallShareAt } from './close-call-share.js';
import type { Scenario } from './compute-tco.js';
import { type DrawnWorlds, drawWorlds, type Track, type WorldsInput } from './draw-worlds.js';
import type { ChangeHurdle, DecisionContext, OptionEvaluation, Weights } from './evaluate-options.js';
import type { Parameter } from './resolve-parameters.js';

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
  const { winners, totals, baselineTotals, tracks } = drawn;
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
    options: likely.map((o, i) => optionSpread(o, i, drawn, draws, lo, width)),
  };
  return { summary, verdict };
}

/** One option across the worlds: its shares of the wins and of the cheapest worlds, its TCO's spread and its histogram over bins of `width` from `lo`. */
function optionSpread(
  o: OptionEvaluation,
  i: number,
  drawn: DrawnWorlds,
  draws: number,
  lo: number,
  width: number,
): MonteCarloOption {
  const sorted = drawn.totals[i] as Float64Array;
  const histogram = new Array<number>(BIN_COUNT).fill(0);
  let below = 0;
  for (const x of sorted) {
    const b = Math.min(BIN_COUNT - 1, Math.floor((x - lo) / width));
    histogram[b] = (histogram[b] ?? 0) + 1;
    if (x < o.tco.total) below++;
  }
  return {
    id: o.id,
    pRecommended: (drawn.wins[i] ?? 0) / draws,
    pCheapest: (drawn.cheapestCount[i] ?? 0) / draws,
    p10: quantile(sorted, 0.1),
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    likelyPercentile: below / draws,
    histogram,
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
