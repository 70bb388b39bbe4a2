import type { Dataset } from '../schema/dataset.js';
import { baselineText } from '../words/baseline-text.js';
import type { Lexicon } from '../words/lexicon.js';
import { runsToday } from './baseline-plan.js';
import type { Plan } from './build-plan.js';
import { unmetMusts } from './capability-fit.js';
import type { DecisionCore } from './decide-answers.js';
import type { HeadlineTotals } from './headline-totals.js';
import type { ScoreResult } from './score-result.js';

/**
 * Today's set-up kept as it is, as the result states it: described, costed like `baselineFor` (the path it is, or
 * the leanest new install when the clusters run nothing the data describes), and the musts it leaves unmet.
 */
export function baselineResult(
  core: DecisionCore,
  baselineFor: Plan,
  totals: HeadlineTotals,
  lexicon: Lexicon,
  dataset: Dataset,
): ScoreResult['baseline'] {
  const { situation, needs, incumbent } = core;
  const unmet = unmetMusts(baselineFor.fits, needs);
  const { baseline, baselineRange, baselineMedian } = totals;
  const today = runsToday(situation, dataset);
  return {
    description: baselineText(
      {
        today,
        mesh: situation.mesh.current,
        kept: incumbent !== undefined,
        costedLike: baselineFor.option,
        unmetMusts: unmet,
        abandonedNote:
          dataset.currentStacks.find((s) => s.cni === situation.cluster.currentCni)?.abandoned?.note ?? null,
      },
      lexicon,
    ),
    tco: {
      ...baseline,
      p10: Math.round(baselineRange.p10),
      median: baselineMedian,
      p90: Math.round(baselineRange.p90),
      likely: baseline.total,
    },
    option: incumbent?.option.id ?? null,
    meetsAllMusts: incumbent !== undefined && unmet.length === 0,
    unmetMusts: unmet,
    runsToday: today,
  };
}
