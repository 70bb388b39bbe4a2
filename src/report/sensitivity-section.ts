import { optionsInOrder } from '../result/options-in-order.js';
import { CRITERION_LABELS, isCriterion } from '../schema/criteria.js';
import { formatNumber, formatPercent, formatQuantity, roundThreshold } from '../shared/format.js';
import type { ReportContext } from './report-context.js';
import type { SensitivitySection } from './report-model.js';

const TORNADO_ROWS = 8;

/** A priority's threshold at one decimal: the last weight that keeps the recommendation, or the first that changes it. */
function priority(threshold: number, current: number, side: 'keeps' | 'changes' = 'keeps'): string {
  return formatNumber(roundThreshold(threshold, current, 0.1, side), 1);
}

/** How far the decision and the cost can move: tornado, priority stability, break-evens, simulation. */
export function sensitivitySection(ctx: ReportContext): SensitivitySection {
  const { result } = ctx.sources;
  const currency = result.currency.code;
  const byKey = new Map(result.assumptions.map((a) => [a.key, a]));
  const tornadoRows = result.tornado.bars.slice(0, TORNADO_ROWS).map((bar) => {
    const parameter = byKey.get(bar.key);
    const unit = parameter?.unit ?? '';
    const low = formatQuantity(bar.low, unit, currency);
    const high = formatQuantity(bar.high, unit, currency);
    return {
      input: parameter === undefined ? bar.key : parameter.description.replace(/\.$/, ''),
      range: `${low.value} – ${high.value} ${high.unit}`.trim(),
      tcoRange: `${ctx.money(bar.tcoAtLow)} – ${ctx.money(bar.tcoAtHigh)}`,
    };
  });
  const weights = result.sensitivity
    .filter((s) => s.kind === 'weight')
    .map((s) => ({
      criterion: isCriterion(s.key) ? CRITERION_LABELS[s.key].name : s.key,
      current: formatNumber(s.current, 1),
      holds: `${priority(s.keepsFrom, s.current)} to ${priority(s.keepsTo, s.current)}`,
      flip:
        s.flipsAt === null || s.newWinner === null
          ? 'no change between 0 and 5'
          : `${ctx.shortName(s.newWinner)} at ${priority(s.flipsAt, s.current, 'changes')} or ${s.flipsAt < s.current ? 'less' : 'more'}`,
    }));
  // A price with a quote target is said once, by the target (its whole-unit price is the break-even's).
  const quoted = new Set<string>(result.quoteTargets.map((t) => t.key));
  const breakEvens = [
    ...result.quoteTargets.map((t) => t.sentence),
    ...result.sensitivity.filter((s) => s.kind === 'assumption' && !quoted.has(s.key)).map((s) => s.sentence),
  ];
  const views = result.stakeholders;
  const stakeholders = views === undefined ? [] : [views.sentence, ...views.views.map((v) => v.sentence)];
  const mc = result.monteCarlo;
  const monteCarloRows = optionsInOrder(result).map((option) => {
    const o = mc.options.find((m) => m.id === option.id);
    return {
      option: option.name,
      pRecommended: o === undefined ? '–' : formatPercent(o.pRecommended),
      pCheapest: o === undefined ? '–' : formatPercent(o.pCheapest),
      p10: o === undefined ? '–' : ctx.money(o.p10),
      p50: o === undefined ? '–' : ctx.money(o.p50),
      p90: o === undefined ? '–' : ctx.money(o.p90),
    };
  });
  return {
    tornado: ctx.figure('tornado'),
    tornadoRows,
    weights,
    breakEvens,
    stakeholders,
    monteCarlo: ctx.figure('monte-carlo'),
    monteCarloRows,
    monteCarloNote:
      `${formatNumber(mc.draws)} plausible worlds, each drawing every uncertain cost input from a triangular ` +
      'distribution over its low, likely and high values, and the judgements consultants differ on (each priority, ' +
      'each option’s fit to each need, the fear of the migration, the weight of new components and the lead a ' +
      'change is asked for; the methodology lists their ranges)' +
      ` (seed ${mc.seed}, so the figures reproduce exactly). "Recommended in" is the share of worlds in which the ` +
      'option is the pick. The client’s own figures are held fixed. Most cost ranges reach further above the likely ' +
      'value than below it, so the simulated median (P50) can sit above the likely-value TCO shown elsewhere.',
    scoreFigure: ctx.figure('score-breakdown'),
  };
}
