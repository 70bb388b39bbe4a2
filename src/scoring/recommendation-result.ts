import type { Dataset } from '../schema/dataset.js';
import { InternalError } from '../shared/errors.js';
import { roundTo } from '../shared/format.js';
import { closeCallText } from '../words/close-call-text.js';
import type { Lexicon } from '../words/lexicon.js';
import { closeBecause } from './close-because.js';
import type { DecisionCore } from './decide-answers.js';
import type { WorldsVerdict } from './monte-carlo.js';
import type { ChangeDecision, DescribedReason, ScoreResult } from './score-result.js';

/** What the decision weighs the recommendation by: the worlds' verdict on the pick and whether it is a close call. */
export interface Confidence {
  readonly verdict: WorldsVerdict;
  readonly closeCall: boolean;
}

/**
 * The recommendation as the result states it: the pick, its share of the plausible worlds, for a close call what
 * would tip it, its rival and margin, and the reasons for it (`because`, already worded).
 */
export function recommendationResult(
  core: DecisionCore,
  { verdict, closeCall }: Confidence,
  because: readonly DescribedReason[],
  change: ChangeDecision,
  lexicon: Lexicon,
  dataset: Dataset,
): ScoreResult['recommendation'] {
  const { winner, ranked, margin, weights } = core;
  const runnerUp = ranked[1];
  if (runnerUp === undefined) throw new InternalError('fewer than two options');
  const addonNames = Object.fromEntries(dataset.addons.map((a) => [a.id, a.name]));
  return {
    option: winner.id,
    name: winner.plan.option.name,
    confidence: roundTo(verdict.share, 2),
    closeCall,
    closeBecause: closeCall
      ? closeBecause(verdict).map((d) => ({
          ...d,
          text: closeCallText(d, lexicon, { priorities: weights, addons: addonNames }),
        }))
      : [],
    worlds: {
      rival: verdict.rival,
      rivalShare: roundTo(verdict.rivalShare, 4),
      leadSpread: verdict.leadSpread === null ? null : roundTo(verdict.leadSpread, 4),
    },
    margin: margin === null ? null : roundTo(margin, 4),
    runnerUp: runnerUp.id,
    meetsAllMusts: winner.unmetMusts.length === 0,
    reasons: because.map((r) => r.text),
    because,
    change,
  };
}
