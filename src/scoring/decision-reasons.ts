import type { Dataset } from '../schema/dataset.js';
import type { Lexicon } from '../words/lexicon.js';
import { describeReason } from '../words/reason-text.js';
import type { DecisionCore } from './decide-answers.js';
import type { OptionEvaluation } from './evaluate-options.js';
import { type ExplainContext, reasonsAgainst, reasonsFor } from './explain.js';
import type { HeadlineTotals } from './headline-totals.js';
import type { ChangeDecision, DescribedReason } from './score-result.js';

/**
 * The reasons for the pick and against each other option, worded, quoting the same rounded totals and medians the
 * tables show.
 */
export function decisionReasons(
  core: DecisionCore,
  totals: HeadlineTotals,
  change: ChangeDecision,
  lexicon: Lexicon,
  dataset: Dataset,
): (o: OptionEvaluation) => DescribedReason[] {
  const { needs, weights, plans, winner, evaluated } = core;
  const explain: ExplainContext = {
    dataset,
    needs,
    weights,
    totals: Object.fromEntries([...totals.summaries].map(([id, t]) => [id, t.total])),
    medians: Object.fromEntries(plans.map((p) => [p.option.id, totals.simulated(p.option.id).median])),
    change,
  };
  const forWinner = reasonsFor(winner, evaluated, explain).map((r) => describeReason(r, lexicon));
  return (o) =>
    o.id === winner.id
      ? forWinner
      : reasonsAgainst(o, winner, explain).map((r) => describeReason(r, lexicon));
}
