import { ASSUMPTION_KEYS, type AssumptionKey } from '../schema/assumption-keys.js';
import type { Dataset, OptionId } from '../schema/dataset.js';
import type { PriceLimit, QuoteTargetFacts } from '../words/quote-target-text.js';
import type { Plan } from './build-plan.js';
import { decideFor, decisionCore, worldsAround } from './decide-answers.js';
import type { Situation } from './derive-situation.js';
import { followShareOfWorlds } from './monte-carlo.js';
import type { ScoreOptions } from './score-answers.js';
import type { ScoreResult } from './score-result.js';

/** Share of simulated draws the option must win at the quoted price for the "confident" target. */
export const QUOTE_CONFIDENCE = 0.8;

/** The search looks up to this multiple of today's price, as the break-even search of the engine does. */
const CEILING_FACTOR = 100;

/** Integer bisection over at most 2^60 whole currency units: far more than any price the schema accepts. */
const MAX_STEPS = 60;

/**
 * How high a price the option can be quoted at and still be chosen:
 * - `upTo`: chosen at `price` (a whole amount of the currency) and below, not at `price + 1`;
 * - `never`: not chosen even at a price of 0;
 * - `beyond`: still chosen at `price`, the top of the range searched (100 times today's price).
 */
/** The vendor-quote target of one option with a subscription, in the engagement currency. */
export interface QuoteTarget extends QuoteTargetFacts {
  readonly option: OptionId;
  /** The assumption that holds the price: `assumptions.<key>` in the answers file. */
  readonly key: AssumptionKey;
}

/**
 * For every option with a subscription (data: `options[].subscriptionKey`), the highest price per unit at which
 * it is recommended, and at which it is recommended in 80 % of the Monte Carlo draws. Each is a bisection over
 * whole currency units on `assumptions.<subscriptionKey>`, with the engine's decision at each probe: the price enters
 * the situation exactly as a client's quote would, so plugging the target back in gives the stated outcome.
 * A lower price only lowers the option's cost, so being chosen is monotone in the price (in every draw too:
 * a quoted price is certain, and every other input keeps its own stream's draws). Pure.
 */
export function quoteTargets(
  situation: Situation,
  dataset: Dataset,
  result: ScoreResult,
  opts: ScoreOptions = {},
): QuoteTarget[] {
  const targets: QuoteTarget[] = [];
  for (const option of dataset.options) {
    const key = option.subscriptionKey;
    if (key === null || !isAssumptionKey(key)) continue;
    const assumption = result.assumptions.find((a) => a.key === key);
    const scored = result.options.find((o) => o.id === option.id);
    if (assumption === undefined || scored === undefined) continue;
    // A figure the client states is theirs on every group of an estate: no group scales it.
    const at = (price: number): Situation => ({
      ...situation,
      stated: { ...situation.stated, [key]: price },
      groups: situation.groups.map((g) => ({
        ...g,
        valueScale: Object.fromEntries(Object.entries(g.valueScale).filter(([k]) => k !== key)),
      })),
    });
    // Each probe asks the engine for the decision alone: the recommendation does not depend on the worlds, and
    // the worlds are drawn only until the share of them the option wins is settled.
    const chosen = (price: number) => decideFor(at(price), dataset).option === option.id;
    // Only this option's cost may follow its price for one run's outcome to bound another's (see confidentTest).
    const ownPrice = dataset.options.filter((o) => o.subscriptionKey === key).length === 1;
    const confident = confidentTest(at, dataset, option.id, ownPrice, opts);
    const ceiling = Math.ceil(Math.max(assumption.value, 1) * CEILING_FACTOR);
    const hint = priceHint(result, key, option.id);
    // The engine's own break-even of this price, when it reports one, brackets the answer to a few runs; the
    // price that wins 80 % of the draws is usually near the one that wins at the likely values.
    const recommended =
      hint === undefined
        ? highestPrice(chosen, ceiling)
        : highestPriceRefined((p) => p <= hint, chosen, ceiling, 0.001);
    targets.push({
      option: option.id,
      name: option.name,
      key,
      unit: unitWithoutCurrency(assumption.unit, result.engagement.currency),
      current: assumption.value,
      recommended,
      confident: highestPriceRefined((p) => limitHolds(recommended, p), confident, ceiling, 0.25),
      confidence: QUOTE_CONFIDENCE,
      unmetMusts: scored.unmetMusts.map((id) => result.needs.find((n) => n.capability === id)?.name ?? id),
      rivalsRuledOut:
        !scored.disqualified && result.options.every((o) => o.id === option.id || o.disqualified),
    });
  }
  return targets;
}

/** One run of the 80 % test: its price, the paths it decided between, and the option's share of each world. */
interface ConfidentRun {
  readonly price: number;
  readonly paths: string;
  readonly shares: Float64Array;
}

/**
 * Whether the option is recommended in at least 80 % of the plausible worlds at a price, each run told what the runs
 * before it settle. With the same paths in the running, the worlds are the same draws at every price, and a lower
 * price only lowers the option's cost (none other's: `ownPrice`), raising its cost score and lowering every other
 * option's, so a world the option wins outright at a price it wins at every lower price, and a world it loses it
 * loses at every higher one. Those worlds take their draws but are not decided again: the wins, and so the answer,
 * are those of a run that decides every world (a test holds the two equal).
 */
function confidentTest(
  at: (price: number) => Situation,
  dataset: Dataset,
  option: OptionId,
  ownPrice: boolean,
  opts: ScoreOptions,
): (price: number) => boolean {
  const runs: ConfidentRun[] = [];
  return (price) => {
    const core = decisionCore(at(price), dataset);
    const paths = pathsKey(core.plans);
    const same = ownPrice ? runs.filter((r) => r.paths === paths) : [];
    const above = same.filter((r) => r.price >= price).sort((a, b) => a.price - b.price)[0];
    const below = same.filter((r) => r.price <= price).sort((a, b) => b.price - a.price)[0];
    const input = worldsAround(core, opts);
    const known = knownWorlds(input.draws, above?.shares, below?.shares);
    const { holds, shares } = followShareOfWorlds(input, option, QUOTE_CONFIDENCE, known);
    runs.push({ price, paths, shares });
    return holds;
  };
}

/** Each world the option won outright at a higher price (1) or lost at a lower one (0); NaN where neither says. */
function knownWorlds(
  draws: number,
  higher: Float64Array | undefined,
  lower: Float64Array | undefined,
): Float64Array | null {
  if (higher === undefined && lower === undefined) return null;
  const known = new Float64Array(draws).fill(Number.NaN);
  for (let d = 0; d < draws; d++) {
    if (higher?.[d] === 1) known[d] = 1;
    else if (lower?.[d] === 0) known[d] = 0;
  }
  return known;
}

/** The paths a decision weighs, as data: what each costs and scores on (a group's slice by its figures alone). */
function pathsKey(plans: readonly Plan[]): string {
  return JSON.stringify(plans, (key, value) =>
    key === 'option' && typeof value === 'object' && value !== null
      ? (value as Plan['option']).id
      : key === 'slice'
        ? { nodeShare: value.nodeShare, sidecarShare: value.sidecarShare, valueScale: value.valueScale }
        : value instanceof Set
          ? [...value]
          : value,
  );
}

/** Whether `limit` says the test holds at `price`. */
function limitHolds(limit: PriceLimit, price: number): boolean {
  return limit.kind === 'beyond' || (limit.kind === 'upTo' && price <= limit.price);
}

/** The highest whole price in [0, ceiling] where `holds` is true, for a `holds` true below some point only. */
export function highestPrice(holds: (price: number) => boolean, ceiling: number): PriceLimit {
  if (!holds(0)) return { kind: 'never' };
  if (holds(ceiling)) return { kind: 'beyond', price: ceiling };
  let [lo, hi] = [0, ceiling];
  for (let step = 0; step < MAX_STEPS && hi - lo > 1; step++) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) lo = mid;
    else hi = mid;
  }
  return { kind: 'upTo', price: lo };
}

/**
 * `highestPrice` of an expensive test (`holds`: an engine run per price) guided by a cheap guess of its answer
 * (`estimate`): the guess, widened by `spread` each way, is checked at both ends (and widened further until
 * one end holds and the other fails), then narrowed to one unit. Exactly what `highestPrice(holds)` returns,
 * with each price run at most once and, for a good guess, in a handful of runs.
 */
export function highestPriceRefined(
  estimate: (price: number) => boolean,
  holds: (price: number) => boolean,
  ceiling: number,
  spread = 0.05,
): PriceLimit {
  const guess = highestPrice(estimate, ceiling);
  const centre = guess.kind === 'never' ? 0 : guess.price;
  let lo = Math.floor(centre * (1 - spread));
  let hi = Math.min(ceiling, Math.ceil(centre * (1 + spread)) + 1);
  // A guess of `beyond` is checked at the ceiling first: one run settles it when the test holds there (whatever
  // holds(lo) would say), and otherwise the top is known to fail, as the widening would have found.
  let hiFails = false;
  if (guess.kind === 'beyond' && hi === ceiling) {
    if (holds(ceiling)) return { kind: 'beyond', price: ceiling };
    hiFails = true;
  }
  // Widen until holds(lo) and not holds(hi), each end checked once; 0 and the ceiling only when reached.
  for (let step = 0; step < MAX_STEPS && !holds(lo); step++) {
    if (lo === 0) return { kind: 'never' };
    [hi, hiFails] = [lo, true];
    lo = Math.floor(lo / 2);
  }
  for (let step = 0; step < MAX_STEPS && !hiFails; step++) {
    if (!holds(hi)) hiFails = true;
    else if (hi === ceiling) return { kind: 'beyond', price: ceiling };
    else [lo, hi] = [hi, Math.min(ceiling, hi * 2)];
  }
  for (let step = 0; step < MAX_STEPS && hi - lo > 1; step++) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) lo = mid;
    else hi = mid;
  }
  return { kind: 'upTo', price: lo };
}

/**
 * Where the engine's break-even search says the option starts or stops winning on this price: the flip to the
 * option when another option is recommended, the top of the range kept when the option itself is. A guess
 * only: the caller checks it against the engine.
 */
function priceHint(result: ScoreResult, key: string, option: OptionId): number | undefined {
  const finding = result.sensitivity.find((s) => s.kind === 'assumption' && s.key === key);
  if (finding === undefined) return undefined;
  if (result.recommendation.option === option) return finding.keepsTo;
  return finding.newWinner === option && finding.flipsAt !== null && finding.flipsAt < finding.current
    ? finding.flipsAt
    : undefined;
}

function isAssumptionKey(key: string): key is AssumptionKey {
  return (ASSUMPTION_KEYS as readonly string[]).includes(key);
}

function unitWithoutCurrency(unit: string, currency: string): string {
  return unit.startsWith(`${currency} `) ? unit.slice(currency.length + 1) : unit;
}
