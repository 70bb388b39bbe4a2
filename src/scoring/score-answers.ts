import type { Answers } from '../schema/answers.js';
import { CAPABILITY_IDS, type Dataset } from '../schema/dataset.js';
import { roundTo } from '../shared/format.js';
import { NOT_COSTED } from '../words/baseline-text.js';
import { baselineResult } from './baseline-result.js';
import { changeDecision } from './change-decision.js';
import { ipvsOffYear } from './compute-tco.js';
import { type DecisionCore, decisionCore, isCloseCall, worldsAround } from './decide-answers.js';
import { decisionLexicon } from './decision-lexicon.js';
import { decisionReasons } from './decision-reasons.js';
import { deriveSituation } from './derive-situation.js';
import { headlineTotals } from './headline-totals.js';
import { runMonteCarlo } from './monte-carlo.js';
import { type OptionResultContext, optionResult } from './option-result.js';
import { recommendationResult } from './recommendation-result.js';
import { roundMonteCarlo } from './round-monte-carlo.js';
import { roundSidecarTax } from './round-sidecar-tax.js';
import type { ScoreResult } from './score-result.js';
import { sensitivityEntries } from './sensitivity-entries.js';
import { sidecarTax } from './sidecar-tax.js';
import { tornadoResult } from './tornado-result.js';

export interface ScoreOptions {
  /** Monte Carlo draws; default from data/model.yaml. */
  readonly draws?: number;
  /** Monte Carlo seed; default from data/model.yaml. Same seed, same numbers. */
  readonly seed?: number;
}

/**
 * The decision engine: needs, per-option stacks, TCO, weighted scores, recommendation, sensitivity and Monte Carlo,
 * all from validated answers and the data set. Pure: no I/O, no clock.
 */
export function scoreAnswers(answers: Answers, dataset: Dataset, opts: ScoreOptions = {}): ScoreResult {
  return scoreDecision(decisionCore(deriveSituation(answers, dataset), dataset), dataset, opts);
}

/**
 * `scoreAnswers` from its steps 1-3 already taken (`decisionCore` of the client's situation and the same data): for
 * a caller that reads the decision's set-up too, so the engine derives it once.
 */
export function scoreDecision(core: DecisionCore, dataset: Dataset, opts: ScoreOptions = {}): ScoreResult {
  // 1-3. needs, each option's best stack, and the decision at the likely figures (see decisionCore); then count
  // the plausible worlds in which that decision still holds
  const { situation, parameters, base, plans, ctx, evaluated, weights, incumbent, winner, ranked } = core;
  const { model } = dataset;
  const { baseline: baselineFor, draws, seed } = worldsAround(core, opts);
  const { summary: monteCarlo, verdict } = runMonteCarlo(
    ctx,
    evaluated,
    parameters,
    base,
    weights,
    draws,
    seed,
    incumbent?.option.id ?? null,
    winner.id,
    baselineFor,
  );
  const closeCall = isCloseCall(core, verdict, dataset);
  // 4. explanations, quoting the same rounded totals the tables show
  const lexicon = decisionLexicon(core, dataset);
  const totals = headlineTotals(core, monteCarlo, baselineFor, model);
  const change = changeDecision(core);
  const reasonsOf = decisionReasons(core, totals, change, lexicon, dataset);
  const optionContext: OptionResultContext = {
    core,
    model,
    totals,
    monteCarlo,
    lexicon,
    order: (id) => dataset.options.findIndex((o) => o.id === id),
    indicativeKeys: parameters.filter((p) => p.kind === 'placeholder').map((p) => p.key),
    offYear: ipvsOffYear(situation, model) ?? 0,
  };
  const { fx } = situation;
  return {
    resultVersion: 1,
    dataVersion: dataset.meta.dataVersion,
    engagement: {
      client: situation.engagement.client,
      currency: situation.engagement.currency,
      horizonYears: situation.engagement.horizonYears,
    },
    recommendation: recommendationResult(
      core,
      { verdict, closeCall },
      reasonsOf(winner),
      change,
      lexicon,
      dataset,
    ),
    options: ranked.map((o, i) => optionResult(o, i + 1, reasonsOf(o), optionContext)),
    baseline: baselineResult(core, baselineFor, totals, lexicon, dataset),
    needs: CAPABILITY_IDS.map((id) => ({
      ...core.needs[id],
      name: dataset.capabilities.find((c) => c.id === id)?.name ?? id,
    })),
    priorities: weights,
    sensitivity: sensitivityEntries(core, dataset, lexicon),
    tornado: tornadoResult(core),
    monteCarlo: roundMonteCarlo(monteCarlo),
    assumptions: parameters.map((p) => ({
      ...p,
      value: roundTo(p.value, 6),
      low: roundTo(p.low, 6),
      high: roundTo(p.high, 6),
    })),
    currency: {
      code: situation.engagement.currency,
      perUsd: base.perUsd,
      source: fx.source,
      origin: fx.origin,
      month: fx.month,
      vintage: fx.vintage,
    },
    sidecarTax: roundSidecarTax(sidecarTax(situation, dataset, base.values, plans)),
    notCosted: [...NOT_COSTED],
  };
}
