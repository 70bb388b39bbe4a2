import type { TopLevelSpec } from 'vega-lite';
import type { EngineResult } from '../../result/result-types.js';
import { formatNumber, formatPercent } from '../../shared/format.js';
import { INK } from '../chart-theme.js';
import { CONTENT_WIDTH, chartFrame, overHorizon } from './chart-frame.js';
import { compactMoney, compactMoneyExpr } from './compact-money.js';
import { LINE_BREAK, SPLIT_LABEL } from './multiline-label.js';
import { niceTicks } from './nice-ticks.js';
import { optionColourScale, optionsByRank } from './option-scale.js';
import type { Axis, Scale } from './vega-lite-types.js';

const ROW_HEIGHT = 60;
const TICKS = 6;

export function monteCarloTitle(result: EngineResult): string {
  const { currency, horizonYears } = result.engagement;
  return `Simulated TCO ${overHorizon(horizonYears)}, ${currency} (${formatNumber(result.monteCarlo.draws)} draws)`;
}

export function monteCarloDescription(result: EngineResult): string {
  const { currency } = result.engagement;
  const mc = result.monteCarlo;
  const cheapest = [...mc.options].sort((a, b) => b.pCheapest - a.pCheapest)[0];
  const medians = optionsByRank(result)
    .map((o) => `${o.name} ${compactMoney(mc.options.find((m) => m.id === o.id)?.p50 ?? 0, currency)}`)
    .join(', ');
  const lead =
    cheapest === undefined
      ? ''
      : `${optionsByRank(result).find((o) => o.id === cheapest.id)?.name} is cheapest in ${formatPercent(cheapest.pCheapest)} of ${formatNumber(mc.draws)} draws; `;
  return `${lead}median TCO ${medians}.`;
}

/**
 * One small multiple per option on a shared money axis, rather than overlaid histograms: the options'
 * ranges can overlap, and overlaid areas turn to mud in greyscale.
 */
export function monteCarloSpec(result: EngineResult): TopLevelSpec {
  const { currency, horizonYears } = result.engagement;
  const mc = result.monteCarlo;
  const rows = optionsByRank(result).flatMap((o) => {
    const sim = mc.options.find((m) => m.id === o.id);
    if (sim === undefined) return [];
    const header =
      `${o.name}${LINE_BREAK}P10 ${compactMoney(sim.p10, currency)} · median ${compactMoney(sim.p50, currency)} · ` +
      `P90 ${compactMoney(sim.p90, currency)} · cheapest in ${formatPercent(sim.pCheapest)} of draws`;
    return [{ option: o.id, header, sim }];
  });
  const bins = rows.flatMap((r) =>
    r.sim.histogram.map((count, i) => ({
      kind: 'bin',
      option: r.option,
      header: r.header,
      from: mc.bins[i],
      to: mc.bins[i + 1],
      share: count / mc.draws,
    })),
  );
  const quantiles = rows.flatMap((r) =>
    (['p10', 'p50', 'p90'] as const).map((q) => ({
      kind: q,
      option: r.option,
      header: r.header,
      from: r.sim[q],
    })),
  );
  const likely = rows.map((r) => ({
    kind: 'likely',
    option: r.option,
    header: r.header,
    from: result.options.find((o) => o.id === r.option)?.tco.total,
  }));
  const ticks = niceTicks(mc.bins[0] ?? 0, mc.bins[mc.bins.length - 1] ?? 0, TICKS);
  const scale: Scale = { domain: ticks.domain, nice: false, zero: false };
  const axis: Axis = {
    labelExpr: compactMoneyExpr(currency),
    values: ticks.values,
    grid: true,
    labelFlush: true,
  };
  const money = { type: 'quantitative', title: null, scale, axis } as const;
  const frame = chartFrame(
    monteCarloTitle(result),
    `Each cost input drawn from its low–likely–high range (triangular), ${overHorizon(horizonYears)}; bar height is the share of draws, scaled per option. Solid line: median (P50); dashed: P10 and P90; triangle: the base-case TCO.`,
  );

  return {
    title: frame.title,
    data: { values: [...bins, ...quantiles, ...likely] },
    facet: {
      row: {
        field: 'header',
        type: 'nominal',
        sort: rows.map((r) => r.header),
        title: null,
        header: {
          labelOrient: 'top',
          labelAnchor: 'start',
          labelAngle: 0,
          labelAlign: 'left',
          labelPadding: 4,
          labelExpr: SPLIT_LABEL,
          labelFontWeight: 400,
          labelColor: INK,
        },
      },
    },
    spacing: 14,
    spec: {
      // Facets cannot autosize to fit. The domain starts and ends on a tick, whose 1 px grid line pokes out
      // half a pixel on each side, and Vega rounds bounds outwards: two pixels less is exactly one column.
      width: CONTENT_WIDTH - 2,
      height: ROW_HEIGHT,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'bin'" }],
          mark: { type: 'rect' },
          encoding: {
            x: { ...money, field: 'from' },
            x2: { field: 'to' },
            y: { field: 'share', type: 'quantitative', axis: null },
            y2: { datum: 0 },
            color: { field: 'option', type: 'nominal', scale: optionColourScale(result), legend: null },
          },
        },
        {
          transform: [{ filter: "indexof(['p10', 'p50', 'p90'], datum.kind) >= 0" }],
          mark: { type: 'rule', color: INK, strokeWidth: 1.5 },
          encoding: {
            x: { ...money, field: 'from' },
            strokeDash: {
              field: 'kind',
              type: 'nominal',
              scale: {
                domain: ['p10', 'p50', 'p90'],
                range: [
                  [4, 3],
                  [1, 0],
                  [4, 3],
                ],
              },
              legend: null,
            },
          },
        },
        {
          // The base case the TCO chart shows: next to the median it shows which way the ranges are skewed.
          transform: [{ filter: "datum.kind === 'likely'" }],
          mark: { type: 'point', shape: 'triangle-up', filled: true, size: 70, color: INK, yOffset: 5 },
          encoding: { x: { ...money, field: 'from' }, y: { datum: 0, type: 'quantitative', axis: null } },
        },
      ],
    },
    // Each option's histogram fills its row: rows are read for shape, and their shares differ tenfold.
    resolve: { scale: { y: 'independent', x: 'shared' } },
  } satisfies TopLevelSpec;
}
