import type { TopLevelSpec } from 'vega-lite';
import { chartFrame } from '../../charts/specs/chart-frame.js';
import type { Scale } from '../../charts/specs/vega-lite-types.js';
import { wrapText } from '../../charts/specs/wrap-text.js';
import { signedScore } from '../compare-scenarios.js';

const GAIN = '#15803D';
const LOSS = '#B91C1C';
const ROW_HEIGHT = 30;

/** One bar per changed answer: its Shapley share of the change in the lead, right for gains, left for losses. */
export function attributionSpec(
  title: string,
  subtitle: string,
  shares: readonly { readonly label: string; readonly value: number }[],
): TopLevelSpec {
  const rows = shares.map((s) => ({
    label: wrapText(s.label, 200, 11).join('|'),
    value: s.value,
    text: signedScore(s.value),
    gain: s.value >= 0 ? 'gain' : 'loss',
  }));
  const extent = Math.max(0.01, ...rows.map((r) => Math.abs(r.value))) * 1.35;
  const scale: Scale = { domain: [-extent, extent], nice: false };
  const y = {
    field: 'label',
    type: 'nominal',
    sort: rows.map((r) => r.label),
    title: null,
    axis: { labelExpr: "split(datum.label, '|')", labelPadding: 8 },
  } as const;
  const x = {
    field: 'value',
    type: 'quantitative',
    scale,
    axis: { title: null, tickCount: 5, grid: true },
  } as const;
  return {
    ...chartFrame(title, subtitle),
    height: Math.max(1, rows.length) * ROW_HEIGHT,
    data: { values: rows },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          x,
          color: {
            field: 'gain',
            type: 'nominal',
            scale: { domain: ['gain', 'loss'], range: [GAIN, LOSS] },
            legend: null,
          },
        },
      },
      {
        mark: {
          type: 'text',
          dx: { expr: 'datum.value >= 0 ? 4 : -4' },
          align: { expr: "datum.value >= 0 ? 'left' : 'right'" },
        },
        encoding: { x, text: { field: 'text' } },
      },
      {
        mark: { type: 'rule', color: '#6B7280' },
        encoding: { x: { datum: 0, type: 'quantitative', scale } },
      },
    ],
  } as TopLevelSpec;
}
