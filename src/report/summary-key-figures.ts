import { formatNumber, formatPercent } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import type { ExecutiveSummary } from './report-model.js';

/** The summary's three key figures: the median TCO, what it saves (or costs) against today, and the confidence. */
export function summaryKeyFigures(ctx: ReportContext): ExecutiveSummary['keyFigures'] {
  const { result } = ctx.sources;
  const rec = result.recommendation;
  const winner = ctx.option(rec.option);
  const horizon = result.engagement.horizonYears;
  const savings = winner.tco.medianSavingsVsBaseline;
  const { baseline } = result;
  return [
    {
      label: `Median TCO over ${horizon} ${horizon === 1 ? 'year' : 'years'}`,
      value: ctx.money(winner.tco.median),
      note: `median of the simulated scenarios; P10–P90 ${ctx.money(winner.tco.p10)} – ${ctx.money(winner.tco.p90)}; ${ctx.money(winner.tco.likely)} at the likely figures`,
    },
    {
      label: savings >= 0 ? 'Saved against today' : 'More than today',
      value: ctx.money(Math.abs(savings)),
      note: `medians; ${
        baseline.meetsAllMusts
          ? 'against keeping today’s set-up, which meets every must'
          : baseline.option === null
            ? 'against the leanest install with nothing added'
            : `against keeping today’s set-up, which misses ${baseline.unmetMusts.length} ${baseline.unmetMusts.length === 1 ? 'must' : 'musts'}`
      }`,
    },
    {
      label: 'Confidence',
      value: formatPercent(rec.confidence),
      note: `share of ${formatNumber(result.monteCarlo.draws)} plausible worlds in which it is still the pick; ${
        rec.worlds.rival === null || rec.worlds.rivalShare === 0
          ? 'no other option is the pick in any of them'
          : `${ctx.shortName(rec.worlds.rival)} in ${formatPercent(rec.worlds.rivalShare)}`
      }`,
    },
  ];
}
