import type { TopLevelSpec } from 'vega-lite';
import type { EngineResult } from '../../result/result-types.js';
import { InternalError } from '../../shared/errors.js';
import { formatNumber, formatPercent, plural } from '../../shared/format.js';
import { CATEGORY_COLOURS, SECONDARY_INK } from '../chart-theme.js';
import { CONTENT_WIDTH, chartFrame, overHorizon } from './chart-frame.js';
import { compactMoney, compactMoneyExpr } from './compact-money.js';
import { type SidecarCosts, sidecarCosts } from './sidecar-costs.js';
import type { Axis, Scale } from './vega-lite-types.js';
import { vegaString } from './vega-string.js';

const KEPT = 'Still needed after the move';
const REMOVED = 'Retired by moving to Istio ambient mode';
const HEIGHT = 240;
const MAX_BAR_WIDTH = 64;
/** Room above the tallest bar for its label. */
const LABEL_HEADROOM = 0.12;

function costsOf(result: EngineResult): SidecarCosts {
  const costs = sidecarCosts(result);
  if (costs === null) throw new InternalError('the sidecar-tax chart needs a client that runs sidecars');
  return costs;
}

export function sidecarTaxTitle(result: EngineResult): string {
  const { currency, horizonYears } = result.engagement;
  return `Sidecar compute cost per year ${overHorizon(horizonYears)}, ${currency}`;
}

export function sidecarTaxDescription(result: EngineResult): string {
  const { currency, horizonYears } = result.engagement;
  const costs = costsOf(result);
  const all = costs.years.reduce((sum, y) => sum + y.all, 0);
  const removed = all - costs.years.reduce((sum, y) => sum + y.kept, 0);
  return (
    `Today's ${plural(costs.today, 'sidecar')} cost ${compactMoney(costs.years[0]?.all ?? 0, currency)} a year in compute; ` +
    `moving them to Istio ambient mode, on any CNI, retires ${compactMoney(removed, currency)} of the ${compactMoney(all, currency)} they cost ${overHorizon(horizonYears)}, ` +
    `for ${compactMoney(
      costs.years.reduce((sum, y) => sum + y.perNode, 0),
      currency,
    )} of per-node ztunnel and CNI agents.`
  );
}

/**
 * Each year's compute for today's sidecars as the estate grows, split into the part still needed after moving
 * the mesh to its sidecar-free mode and the part that move retires. Only for clients that run sidecars (see buildReportCharts).
 */
export function sidecarTaxSpec(result: EngineResult): TopLevelSpec {
  const { currency } = result.engagement;
  const costs = costsOf(result);
  const removedShare = (costs.today - costs.keptAfterMove) / costs.today;
  const values = costs.years.flatMap((y) => [
    { year: `Year ${y.year}`, part: KEPT, order: 0, cost: y.kept },
    { year: `Year ${y.year}`, part: REMOVED, order: 1, cost: y.all - y.kept },
  ]);
  const totals = costs.years.map((y) => ({
    year: `Year ${y.year}`,
    all: y.all,
    text: compactMoney(y.all, currency),
  }));
  const max = Math.max(...costs.years.map((y) => y.all));
  const x = {
    field: 'year',
    type: 'ordinal',
    sort: totals.map((t) => t.year),
    title: null,
    axis: { labelAngle: 0 },
  } as const;
  const scale: Scale = { domain: [0, max * (1 + LABEL_HEADROOM)], nice: false };
  const axis: Axis = { labelExpr: compactMoneyExpr(currency), tickCount: 5 };
  const y = { type: 'quantitative', title: null, scale, axis } as const;
  const removed = `datum.part === ${vegaString(REMOVED)}`;
  // Six tenths of a year's band, but no wider than a bar in a five-year chart: one year is not a slab.
  const barWidth = Math.min(MAX_BAR_WIDTH, (0.6 * CONTENT_WIDTH) / costs.years.length);

  return {
    ...chartFrame(
      sidecarTaxTitle(result),
      `${plural(costs.today, 'sidecar')} today at ${formatNumber(costs.cpuMillicores)} millicores and ` +
        `${formatNumber(costs.memoryMiB)} MiB each, growing with the estate; moving to Istio ambient mode retires ` +
        `${formatPercent(removedShare)} of them on any CNI. Bar labels: the cost of keeping every sidecar.`,
    ),
    height: HEIGHT,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', width: barWidth, strokeWidth: 1 },
        encoding: {
          x,
          y: { ...y, field: 'cost', stack: 'zero' },
          order: { field: 'order' },
          color: {
            field: 'part',
            type: 'nominal',
            title: null,
            scale: { domain: [KEPT, REMOVED], range: [CATEGORY_COLOURS.operations, '#FFFFFF'] },
            legend: { orient: 'bottom', direction: 'horizontal', symbolStrokeColor: SECONDARY_INK },
          },
          // The removed part is drawn as an outline: money that is no longer spent.
          stroke: { condition: { test: removed, value: SECONDARY_INK }, value: null },
          strokeDash: { condition: { test: removed, value: [4, 3] }, value: [1, 0] },
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', baseline: 'bottom', dy: -4, fontWeight: 600 },
        encoding: { x, y: { ...y, field: 'all' }, text: { field: 'text' } },
      },
    ],
  } satisfies TopLevelSpec;
}
