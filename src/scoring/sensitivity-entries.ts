import type { Dataset } from '../schema/dataset.js';
import { roundTo } from '../shared/format.js';
import type { Lexicon } from '../words/lexicon.js';
import { sensitivityText } from '../words/sensitivity-text.js';
import type { DecisionCore } from './decide-answers.js';
import { defaultParameters } from './resolve-parameters.js';
import type { SensitivityEntry } from './score-result.js';
import { breakEven, keyProbes, weightSensitivity } from './sensitivity.js';

/**
 * How far each priority and each key figure can move before the pick changes: the weights' stability intervals,
 * then the break-even of each probed figure, rounded and worded as the result states them.
 */
export function sensitivityEntries(
  core: DecisionCore,
  dataset: Dataset,
  lexicon: Lexicon,
): SensitivityEntry[] {
  const { situation, parameters, base, weights, ctx, evaluated, hurdle, plans, winner } = core;
  const subscriptionKeys = [
    ...new Set(plans.flatMap((p) => (p.option.subscriptionKey === null ? [] : [p.option.subscriptionKey]))),
  ];
  const money = new Set(parameters.filter((p) => dataset.costs[p.key].money).map((p) => p.key as string));
  const findings = [
    ...weightSensitivity(evaluated, weights, winner.id, hurdle),
    ...keyProbes(
      base,
      parameters,
      defaultParameters(situation, dataset),
      dataset.model.breakEvenCountRange,
      subscriptionKeys,
    ).map((p) => breakEven(ctx, base, weights, p, winner.id, hurdle)),
  ];
  return findings.map((f) => ({
    ...f,
    current: roundTo(f.current, 4),
    keepsFrom: roundTo(f.keepsFrom, 4),
    keepsTo: roundTo(f.keepsTo, 4),
    flipsAt: f.flipsAt === null ? null : roundTo(f.flipsAt, 4),
    sentence: sensitivityText(f, lexicon, {
      winner: winner.id,
      money: money.has(f.key),
    }),
  }));
}
