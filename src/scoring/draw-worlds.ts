import {
  CAPABILITY_IDS,
  type CapabilityId,
  type Dataset,
  type Model,
  type OptionId,
} from '../schema/dataset.js';
import type { Plan } from './build-plan.js';
import { meetsAMust } from './capability-fit.js';
import { computeTco, type Scenario } from './compute-tco.js';
import {
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

/** A named series of one draw per world, as a deviation from its likely value (0 at the likely world). */
export interface Track {
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

/** The draws a rival's worlds may differ in, recorded as deviations from the likely world. */
interface WorldTracks {
  readonly priority: readonly Track[];
  readonly fear: Track;
  readonly newComponentWeight: Track;
  readonly hurdle: Track;
  readonly fit: readonly Track[];
  readonly soft: readonly Track[];
  readonly cost: readonly Track[];
  readonly addon: readonly Track[];
}

/** The worlds as drawn: each option's wins, and (when recorded) what each world drew and cost. */
export interface DrawnWorlds {
  /** Worlds drawn: fewer than asked when `settled` stopped the draws early. */
  readonly done: number;
  readonly wins: readonly number[];
  /** Each option's score in each world after that world's change hurdle. */
  readonly adjusted: readonly Float64Array[];
  readonly winners: Int32Array;
  readonly totals: readonly Float64Array[];
  readonly baselineTotals: Float64Array;
  readonly cheapestCount: readonly number[];
  readonly tracks: WorldTracks;
  readonly uncertain: readonly Parameter[];
  readonly addons: readonly Dataset['addons'][number][];
  readonly softMusts: readonly CapabilityId[];
  readonly prioritySpread: number;
  readonly levelSpread: number;
}

/** An option followed through the worlds of one run (only with `record` off: the other options' wins are not counted in a known world). */
export interface FollowedOption {
  readonly index: number;
  /** The option's share of each world where it is already known (0 or 1), NaN elsewhere: such a world is drawn, not decided. */
  readonly known: Float64Array | null;
  /** Receives the option's share of each world drawn: 1, 1/tied or 0. */
  readonly shares: Float64Array;
}

/** One need of one option as every world judges it: its weight, its likely level value and its draw. */
interface JudgedNeed {
  readonly weight: number;
  /** The soft must this need is (index into the soft musts), or -1. */
  readonly soft: number;
  readonly value: number;
  /** The option misses this must: a blocker a world that relaxes it lifts. */
  readonly missed: boolean;
  readonly draw: InputStream;
}

/** Each drawn input's own stream, keyed as its track is. */
interface WorldStreams {
  readonly cost: readonly InputStream[];
  readonly addon: readonly { readonly ops: InputStream; readonly setup: InputStream }[];
  readonly priority: readonly InputStream[];
  readonly fear: InputStream;
  readonly newComponentWeight: InputStream;
  readonly hurdle: InputStream;
  readonly soft: readonly InputStream[];
}

/** The judgements one world drew, overwritten by the next. */
interface WorldJudgements {
  fearFactor: number;
  newWeight: number;
  hurdle: number;
  /** The fewest unmet musts of any option in this world. */
  fewest: number;
}

/**
 * Everything the worlds share: what is drawn and how, what they keep, and the scratch each world overwrites in
 * place (one scenario, one set of weights and criteria) so that the draws allocate nothing they do not keep.
 */
interface WorldsSetUp extends Omit<DrawnWorlds, 'done'> {
  readonly input: WorldsInput;
  readonly model: Model;
  readonly record: boolean;
  readonly plans: readonly Plan[];
  readonly judged: readonly (readonly JudgedNeed[])[];
  readonly relaxedWeight: number;
  readonly migrationPenalty: readonly number[];
  readonly otherPenalty: readonly number[];
  /** The index of the option run today, or -1. */
  readonly stay: number;
  readonly fearLow: number;
  readonly fearHigh: number;
  readonly ncwLikely: number;
  readonly streams: WorldStreams;
  readonly wins: number[];
  readonly cheapestCount: number[];
  readonly values: ParameterValues;
  readonly addonHours: Record<string, { ops: number; setup: number }>;
  readonly scenario: Scenario;
  readonly criteria: readonly CriterionScores[];
  readonly w: Weights;
  readonly drawn: Float64Array;
  readonly scores: Float64Array;
  readonly blockers: Int32Array;
  readonly relaxed: Uint8Array;
  readonly world: WorldJudgements;
}

/**
 * The worlds of `runMonteCarlo`: world d takes the d-th draw of each input's own stream (`inputStream`). With `record` off, only the decision in each world
 * is kept (no cost of staying, no totals or draws recorded: a decision needs none of them); `settled`, asked after
 * each world with the wins so far, stops the draws once the answer sought can no longer change.
 */
export function drawWorlds(
  input: WorldsInput,
  record: boolean,
  settled?: (wins: readonly number[], done: number) => boolean,
  followed?: FollowedOption,
): DrawnWorlds {
  const s = setUpWorlds(input, record);
  const { wins } = s;
  let done = 0;
  for (let d = 0; d < input.draws; d++) {
    const known = followed?.known?.[d] ?? Number.NaN;
    if (followed !== undefined && !Number.isNaN(known)) {
      passWorld(s);
      wins[followed.index] = (wins[followed.index] ?? 0) + known;
      followed.shares[d] = known;
      done = d + 1;
      if (settled?.(wins, done)) break;
      continue;
    }
    drawInputs(s, d);
    scoreOptions(s, d);
    scoreAgainstPeers(s);
    decideWorld(s, d, followed);
    done = d + 1;
    if (record) {
      const cheapest = s.drawn.indexOf(Math.min(...s.drawn));
      s.cheapestCount[cheapest] = (s.cheapestCount[cheapest] ?? 0) + 1;
    }
    if (settled?.(wins, done)) break;
  }
  const { adjusted, winners, totals, baselineTotals, cheapestCount, tracks, uncertain, addons, softMusts } =
    s;
  const { prioritySpread, levelSpread } = s;
  return {
    done,
    wins,
    adjusted,
    winners,
    totals,
    baselineTotals,
    cheapestCount,
    tracks,
    uncertain,
    addons,
    softMusts,
    prioritySpread,
    levelSpread,
  };
}

function setUpWorlds(input: WorldsInput, record: boolean): WorldsSetUp {
  const { ctx, likely, parameters, base, weights, draws, seed, incumbent, baseline } = input;
  const model = ctx.dataset.model;
  const worlds = model.decision.worlds;
  const uncertain = parameters.filter((p) => p.uncertain);
  const costed = baseline === null ? ctx.plans : [...ctx.plans, baseline];
  const addonIds = [...new Set(costed.flatMap((p) => p.addons.map((a) => a.id)))];
  const addons = addonIds.flatMap((id) => ctx.dataset.addons.filter((a) => a.id === id));
  const n = likely.length;
  // Unrecorded series have no room: a store past a typed array's end is ignored.
  const recorded = record ? draws : 0;
  const values: ParameterValues = { ...base.values };
  const addonHours: Record<string, { ops: number; setup: number }> = {};
  for (const a of addons) addonHours[a.id] = { ops: 0, setup: 0 };
  const softMusts = CAPABILITY_IDS.filter((id) => ctx.needs[id].importance === 'must' && ctx.needs[id].soft);
  const migrationPenalty = likely.map((o) => o.risks.find((r) => r.id === 'cni-migration')?.penalty ?? 0);
  const fear = worlds.migrationFear;
  const ncw = worlds.newComponentWeight;
  const tracks = worldTracks(likely, softMusts, uncertain, addons, recorded);
  return {
    input,
    model,
    record,
    uncertain,
    addons,
    softMusts,
    prioritySpread: worlds.prioritySpread.spread,
    levelSpread: worlds.levelSpread.spread,
    plans: likely.map((o) => o.plan),
    judged: judgedNeeds(input, softMusts),
    relaxedWeight: model.importanceWeights.should ?? 0,
    migrationPenalty,
    otherPenalty: likely.map(
      (o, i) => o.risks.reduce((sum, r) => sum + r.penalty, 0) - (migrationPenalty[i] as number),
    ),
    stay: incumbent === null ? -1 : likely.findIndex((o) => o.id === incumbent),
    fearLow: Math.log(fear.low / fear.likely),
    fearHigh: Math.log(fear.high / fear.likely),
    ncwLikely: Math.min(Math.max(model.newComponentWeight, ncw.low), ncw.high),
    tracks,
    streams: worldStreams(seed, tracks, addons),
    totals: Array.from({ length: n }, () => new Float64Array(recorded)),
    adjusted: Array.from({ length: n }, () => new Float64Array(draws)),
    winners: new Int32Array(draws),
    cheapestCount: new Array<number>(n).fill(0),
    baselineTotals: new Float64Array(baseline === null ? 0 : recorded),
    wins: new Array<number>(n).fill(0),
    values,
    addonHours,
    scenario: { ...base, values, addonHours },
    criteria: likely.map((o) => ({ ...o.criteria })),
    w: { ...weights },
    drawn: new Float64Array(n),
    scores: new Float64Array(n),
    blockers: new Int32Array(n),
    relaxed: new Uint8Array(softMusts.length),
    world: { fearFactor: 0, newWeight: 0, hurdle: 0, fewest: 0 },
  };
}

/**
 * Each option's judged needs (those with an importance weight): the weight, the likely level's value, the soft must
 * it is, whether the option misses that must, and the stream its level is drawn from.
 */
function judgedNeeds(input: WorldsInput, softMusts: readonly CapabilityId[]): JudgedNeed[][] {
  const { ctx, likely, seed } = input;
  const model = ctx.dataset.model;
  return likely.map((o) =>
    CAPABILITY_IDS.flatMap((id: CapabilityId) => {
      const weight = model.importanceWeights[ctx.needs[id].importance] ?? 0;
      return weight > 0
        ? [
            {
              weight,
              soft: softMusts.indexOf(id),
              value: model.levelValues[o.plan.fits[id].level] ?? 0,
              missed: ctx.needs[id].importance === 'must' && !meetsAMust(o.plan.fits[id].level),
              draw: inputStream(seed, `fit.${o.id}.${id}`),
            },
          ]
        : [];
    }),
  );
}

function worldTracks(
  likely: readonly OptionEvaluation[],
  softMusts: readonly CapabilityId[],
  uncertain: readonly Parameter[],
  addons: readonly Dataset['addons'][number][],
  recorded: number,
): WorldTracks {
  const track = (key: string): Track => ({ key, values: new Float64Array(recorded) });
  return {
    priority: CRITERIA.map((c) => track(`priority.${c}`)),
    fear: track('migrationFear'),
    newComponentWeight: track('newComponentWeight'),
    hurdle: track('changeHurdle'),
    fit: likely.map((o) => track(`fit.${o.id}`)),
    soft: softMusts.map((id) => track(`softMust.${id}`)),
    cost: uncertain.map((p) => track(`cost.${p.key}`)),
    addon: addons.map((a) => track(`addon.${a.id}`)),
  };
}

/** Each input draws from its own stream, keyed as its track is: adding an input changes no other input's draws. */
function worldStreams(
  seed: number,
  tracks: WorldTracks,
  addons: readonly Dataset['addons'][number][],
): WorldStreams {
  const stream = (key: string): InputStream => inputStream(seed, key);
  return {
    cost: tracks.cost.map((t) => stream(t.key)),
    addon: addons.map((a) => ({
      ops: stream(`addon.${a.id}.ops`),
      setup: stream(`addon.${a.id}.setup`),
    })),
    priority: tracks.priority.map((t) => stream(t.key)),
    fear: stream(tracks.fear.key),
    newComponentWeight: stream(tracks.newComponentWeight.key),
    hurdle: stream(tracks.hurdle.key),
    soft: tracks.soft.map((t) => stream(t.key)),
  };
}

/** A world whose outcome is already known still takes its draw from every stream, so later worlds draw as before. */
function passWorld(s: WorldsSetUp): void {
  const { streams } = s;
  for (const draw of streams.cost) draw();
  for (const draw of streams.addon) {
    draw.ops();
    draw.setup();
  }
  for (const draw of streams.priority) draw();
  streams.fear();
  streams.newComponentWeight();
  streams.hurdle();
  for (const draw of streams.soft) draw();
  for (const needs of s.judged) for (const j of needs) j.draw();
}

/** World d's draws: the costs and add-on efforts into the scenario, the priorities, and the judgements. */
function drawInputs(s: WorldsSetUp, d: number): void {
  const { uncertain, addons, values, addonHours, streams, tracks, w, world, model } = s;
  const { weights, baseline } = s.input;
  const worlds = model.decision.worlds;
  for (let k = 0; k < uncertain.length; k++) {
    const p = uncertain[k] as Parameter;
    values[p.key] = sampleTriangular(p.low, p.value, p.high, (streams.cost[k] as InputStream)());
    (tracks.cost[k] as Track).values[d] = p.high > p.low ? (values[p.key] - p.value) / (p.high - p.low) : 0;
  }
  for (let k = 0; k < addons.length; k++) {
    const a = addons[k] as (typeof addons)[number];
    const o = a.opsHoursPerClusterMonth;
    const setup = a.setupHoursPerCluster;
    const hours = addonHours[a.id] as { ops: number; setup: number };
    const draw = streams.addon[k] as WorldStreams['addon'][number];
    hours.ops = sampleTriangular(o.low, o.likely, o.high, draw.ops());
    hours.setup = sampleTriangular(setup.low, setup.likely, setup.high, draw.setup());
    (tracks.addon[k] as Track).values[d] = o.high > o.low ? (hours.ops - o.likely) / (o.high - o.low) : 0;
  }
  let weightSum = 0;
  for (let k = 0; k < CRITERIA.length; k++) {
    const c = CRITERIA[k] as Criterion;
    const lo = Math.max(0, weights[c] - s.prioritySpread);
    const hi = Math.min(PRIORITY_MAX, weights[c] + s.prioritySpread);
    w[c] = lo + (hi - lo) * (streams.priority[k] as InputStream)();
    (tracks.priority[k] as Track).values[d] = w[c] - weights[c];
    weightSum += w[c];
  }
  if (weightSum === 0) Object.assign(w, weights);
  if (baseline !== null && s.record)
    s.baselineTotals[d] = computeTco(baseline, s.input.ctx.situation, s.scenario, model).total;
  const fear = worlds.migrationFear;
  world.fearFactor = fear.likely * Math.exp(sampleTriangular(s.fearLow, 0, s.fearHigh, streams.fear()));
  tracks.fear.values[d] = Math.log(world.fearFactor / fear.likely);
  const ncw = worlds.newComponentWeight;
  world.newWeight = sampleTriangular(ncw.low, s.ncwLikely, ncw.high, streams.newComponentWeight());
  tracks.newComponentWeight.values[d] = world.newWeight - s.ncwLikely;
  const hurdle = worlds.changeHurdle;
  world.hurdle = sampleTriangular(hurdle.low, hurdle.likely, hurdle.high, streams.hurdle());
  tracks.hurdle.values[d] = world.hurdle - hurdle.likely;
  for (let k = 0; k < tracks.soft.length; k++) {
    s.relaxed[k] = (streams.soft[k] as InputStream)() < worlds.softMustHeld.share ? 0 : 1;
    (tracks.soft[k] as Track).values[d] = 1 - (s.relaxed[k] as number);
  }
}

/**
 * Each option in world d: its cost, its capability at this world's levels, its risk at this world's fear of the
 * migration, and its unmet musts once this world's relaxed musts are lifted; the fewest of those go to the world.
 */
function scoreOptions(s: WorldsSetUp, d: number): void {
  const { plans, criteria, drawn, totals, judged, relaxed, blockers, levelSpread, relaxedWeight } = s;
  const { ctx, likely } = s.input;
  let fewest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i] as Plan;
    const c = criteria[i] as CriterionScores;
    drawn[i] = computeTco(plan, ctx.situation, s.scenario, s.model).total;
    (totals[i] as Float64Array)[d] = drawn[i] as number;
    let sum = 0;
    let wsum = 0;
    let deviation = 0;
    let freed = 0;
    const needs = judged[i] as (typeof judged)[number];
    for (let m = 0; m < needs.length; m++) {
      const j = needs[m] as JudgedNeed;
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
    (s.tracks.fit[i] as Track).values[d] = wsum > 0 ? deviation / wsum : 0;
    c.capability = wsum > 0 ? sum / wsum : 1;
    c.risk =
      1 - Math.min(1, (s.otherPenalty[i] as number) + s.world.fearFactor * (s.migrationPenalty[i] as number));
    blockers[i] = (likely[i] as OptionEvaluation).blockers - freed;
    fewest = Math.min(fewest, blockers[i] as number);
  }
  s.world.fewest = fewest;
}

/** Cost and complexity as criterionScores measures them, with this world's options in the running; then each score. */
function scoreAgainstPeers(s: WorldsSetUp): void {
  const { plans, criteria, drawn, blockers, scores, w } = s;
  const { fewest, newWeight } = s.world;
  const n = plans.length;
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
}

/**
 * World d's winner: the best score, after this world's change hurdle, among the options with the fewest unmet
 * musts. Options tied in a world share it: identical options tie at one half each.
 */
function decideWorld(s: WorldsSetUp, d: number, followed: FollowedOption | undefined): void {
  const { plans, blockers, scores, adjusted, wins, stay } = s;
  const { fewest, hurdle } = s.world;
  const n = plans.length;
  const stayEligible = stay >= 0 && blockers[stay] === fewest;
  let best = Number.NEGATIVE_INFINITY;
  let tied = 0;
  for (let i = 0; i < n; i++) {
    const changes = stayEligible && i !== stay && (plans[i] as Plan).migratesCni;
    const a = (scores[i] as number) - (changes ? hurdle : 0);
    (adjusted[i] as Float64Array)[d] = a;
    if (blockers[i] !== fewest) continue;
    if (a > best + 1e-12) {
      best = a;
      tied = 1;
    } else if (Math.abs(a - best) <= 1e-12) tied++;
  }
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (blockers[i] === fewest && Math.abs(((adjusted[i] as Float64Array)[d] as number) - best) <= 1e-12) {
      wins[i] = (wins[i] ?? 0) + 1 / tied;
      if (first === -1) first = i;
    }
  }
  s.winners[d] = first;
  if (followed !== undefined) {
    const f = followed.index;
    const won =
      blockers[f] === fewest && Math.abs(((adjusted[f] as Float64Array)[d] as number) - best) <= 1e-12;
    followed.shares[d] = won ? 1 / tied : 0;
  }
}
