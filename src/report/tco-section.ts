import { optionsInOrder } from '../result/options-in-order.js';
import { TCO_CATEGORIES, TCO_CATEGORY_LABELS } from '../schema/tco-categories.js';
import { formatNumber, formatPercent, joinAnd, lowerFirst } from '../shared/format.js';
import { runsTodayText } from '../words/baseline-text.js';
import { indicativeShareSentence } from './indicative-share.js';
import type { ReportContext } from './report-context.js';
import type { ChartFigure, MoneyRow, TcoSection } from './report-model.js';
import { meshName } from './situation-section.js';

/** Cost per option: by year, by category, against staying as today, with the simulated range. */
export function tcoSection(ctx: ReportContext): TcoSection {
  const { result } = ctx.sources;
  const { situation } = result;
  const horizon = result.engagement.horizonYears;
  const recommended = result.recommendation.option;
  const winner = ctx.option(recommended);
  const options = optionsInOrder(result);
  const baseline = result.baseline.tco;
  const nodeYears = result.nodesPerYear.reduce((a, b) => a + b, 0);

  const byYear: MoneyRow[] = [
    ...options.map((o) => ({
      label: o.name,
      colour: o.colour,
      cells: o.tco.perYear.map(ctx.money),
      total: ctx.money(o.tco.total),
      emphasis: o.id === recommended,
    })),
    {
      label: 'Today, unchanged',
      colour: null,
      cells: baseline.perYear.map(ctx.money),
      total: ctx.money(baseline.total),
      emphasis: false,
    },
  ];
  const byCategory: MoneyRow[] = options.map((o) => ({
    label: o.name,
    colour: o.colour,
    cells: TCO_CATEGORIES.map((c) => ctx.money(o.tco.byCategory[c])),
    total: ctx.money(o.tco.total),
    emphasis: o.id === recommended,
  }));
  const comparison = options.map((o) => {
    const savings = o.tco.medianSavingsVsBaseline;
    const utilisation = o.operations.teamUtilisation;
    return {
      option: o.name,
      total: ctx.money(o.tco.median),
      savings: savings >= 0 ? ctx.money(savings) : `costs ${ctx.money(-savings)} more`,
      range: `${ctx.money(o.tco.p10)} – ${ctx.money(o.tco.p90)}`,
      perNodeYear: ctx.money(Math.round(o.tco.median / nodeYears)),
      opsHours:
        `${formatNumber(o.operations.hoursPerMonth, 1)} h` +
        (utilisation === null ? '' : `, ${formatPercent(utilisation)} of the team’s network time`),
    };
  });
  const indicative = indicativeShareSentence(ctx);
  const figures = ['tco-by-category', 'cumulative-tco']
    .map((name) => ctx.figure(name))
    .filter((f): f is ChartFigure => f !== null);

  return {
    intro:
      `Every figure is in ${result.currency.code}, over ${horizon} ${horizon === 1 ? 'year' : 'years'}, with the node count ` +
      `growing ${formatNumber(situation.cluster.growthPercentPerYear, 1)} % a year. Recurring costs grow with the estate; ` +
      'migration and training fall in year 1. The year and category tables use the likely value of every input, ' +
      `so that they add up (${ctx.money(winner.tco.likely)} for ${winner.short}, which ` +
      `${formatPercent(winner.tco.likelyPercentile)} of the simulated totals fall below, as most ranges reach further ` +
      'above the likely value than below it); the comparison below gives the median of the simulated scenarios, the basis of every ' +
      'headline figure in this report, with their P10–P90 range. ' +
      `Today, unchanged: a median ${ctx.money(baseline.median)} (P10–P90 ${ctx.money(baseline.p10)} – ${ctx.money(baseline.p90)}).` +
      (indicative === null ? '' : ` ${indicative}`),
    indicative,
    figures,
    yearHeaders: Array.from({ length: horizon }, (_, y) => `Year ${y + 1}`),
    byYear,
    categoryHeaders: TCO_CATEGORIES.map((c) => TCO_CATEGORY_LABELS[c].short),
    byCategory,
    comparison,
    baselineNote:
      `“Today, unchanged” is ${runsTodayText(result.baseline.runsToday)}` +
      `${situation.mesh.current === 'none' ? '' : ` with ${meshName(situation.mesh.current)}`}` +
      `${result.baseline.runsToday.length < 2 ? ' kept as it is' : ', each group kept as it is'}, with nothing ` +
      'added. Savings are measured against it: it is what the client spends if nothing is decided. ' +
      (result.baseline.option === null
        ? 'No path in this report keeps today’s CNI, so this is an approximation.'
        : result.baseline.meetsAllMusts
          ? 'As it is, it meets every must.'
          : `As it is, it misses ${joinAnd(result.baseline.unmetMusts.map((id) => lowerFirst(ctx.capabilityName(id))))}.`),
  };
}
