import type { TopLevelSpec } from 'vega-lite';
import type { EngineResult, TornadoBar } from '../../result/result-types.js';
import { BASELINE_COLOUR, CRITERION_COLOURS } from '../chart-theme.js';
import { chartFrame, overHorizon } from './chart-frame.js';
import { compactMoney, compactMoneyExpr } from './compact-money.js';
import { LINE_BREAK, SPLIT_LABEL } from './multiline-label.js';
import { optionName } from './option-scale.js';
import { formatParameterRange, PARAMETER_LABELS } from './parameter-labels.js';
import type { Axis, PositionFieldDef, Scale } from './vega-lite-types.js';

/** Beyond the ten widest, bars are slivers that only push the chart off the page. */
const MAX_BARS = 10;
const ROW_HEIGHT = 34;
/** Room beyond the widest swing, as a share of the plotted range, for the money labels at the bar ends. */
const LABEL_HEADROOM = 0.17;
const LOW = 'Input at the low end of its range';
const HIGH = 'Input at the high end of its range';

/**
 * The bars worth drawing: the widest first, up to ten, leaving out any whose two ends print as the same
 * amount (a "$28K to $28K" bar says nothing).
 */
export function shownTornadoBars(result: EngineResult): TornadoBar[] {
  const { currency } = result.engagement;
  return result.tornado.bars
    .filter((b) => compactMoney(b.tcoAtLow, currency) !== compactMoney(b.tcoAtHigh, currency))
    .slice(0, MAX_BARS);
}

export function tornadoTitle(result: EngineResult): string {
  const { currency, horizonYears } = result.engagement;
  return `What moves the ${optionName(result, result.tornado.option)} TCO ${overHorizon(horizonYears)}, ${currency}`;
}

export function tornadoDescription(result: EngineResult): string {
  const { currency, horizonYears } = result.engagement;
  const name = optionName(result, result.tornado.option);
  const top = result.tornado.bars[0];
  if (top === undefined) return `No uncertain input moves the ${name} TCO ${overHorizon(horizonYears)}.`;
  const [lo, hi] = [top.tcoAtLow, top.tcoAtHigh].sort((a, b) => a - b);
  // A label that starts in lower case ("vCPU price") opens the sentence with an article, not a capital.
  const label = PARAMETER_LABELS[top.key].name;
  return (
    `${/^[a-z]/.test(label) ? `The ${label}` : label} moves the ${name} TCO ${overHorizon(horizonYears)} the most, ` +
    `from ${compactMoney(lo ?? 0, currency)} to ${compactMoney(hi ?? 0, currency)}.`
  );
}

/**
 * The recommended option's TCO with one input at a time at the ends of its range, widest swing first;
 * the two colours say which end raises the cost, since for some inputs (hours per engineer) high is cheap.
 */
export function tornadoSpec(result: EngineResult): TopLevelSpec {
  const { currency, horizonYears } = result.engagement;
  const base = result.options.find((o) => o.id === result.tornado.option)?.tco.total ?? 0;
  const bars = shownTornadoBars(result).map((b) => {
    const label = PARAMETER_LABELS[b.key];
    return {
      ...b,
      label: `${label.name}${LINE_BREAK}${formatParameterRange(label, b.low, b.high, currency)}`,
    };
  });
  const segments = bars.flatMap((b) =>
    [
      { end: LOW, tco: b.tcoAtLow },
      { end: HIGH, tco: b.tcoAtHigh },
    ].map((s) => ({
      label: b.label,
      end: s.end,
      base,
      tco: s.tco,
      text: compactMoney(s.tco, currency),
      rightOfBase: s.tco >= base,
      // An end at the likely value draws no bar; its label would sit on the other end's.
      labelled: s.tco !== base,
    })),
  );
  const lowest = Math.min(base, ...segments.map((s) => s.tco));
  const highest = Math.max(base, ...segments.map((s) => s.tco));
  const pad = (highest - lowest) * LABEL_HEADROOM || base * 0.1 || 1;
  const y: PositionFieldDef<string> = {
    field: 'label',
    type: 'nominal',
    sort: bars.map((b) => b.label),
    title: null,
    axis: { labelExpr: SPLIT_LABEL, labelPadding: 8 },
  };
  const scale: Scale = { domain: [Math.max(0, lowest - pad), highest + pad], nice: false, zero: false };
  const axis: Axis = { labelExpr: compactMoneyExpr(currency), title: null, tickCount: 6, grid: true };
  const x = { type: 'quantitative', scale, axis } as const;
  const shown =
    bars.length < result.tornado.bars.length
      ? `The ${bars.length} inputs that move it most, of ${result.tornado.bars.length} uncertain ones.`
      : '';

  return {
    ...chartFrame(
      tornadoTitle(result),
      `TCO ${overHorizon(horizonYears)} with one input at the low or high end of its range and every other at its likely value; the line is the likely TCO. ${shown}`,
    ),
    height: bars.length * ROW_HEIGHT,
    layer: [
      {
        data: { values: segments },
        layer: [
          {
            mark: { type: 'bar', height: { band: 0.66 } },
            encoding: {
              y,
              x: { ...x, field: 'base' },
              x2: { field: 'tco' },
              color: {
                field: 'end',
                type: 'nominal',
                title: null,
                scale: { domain: [LOW, HIGH], range: [CRITERION_COLOURS.risk, CRITERION_COLOURS.capability] },
                legend: { orient: 'bottom', direction: 'horizontal', symbolStrokeWidth: 0 },
              },
            },
          },
          {
            transform: [{ filter: 'datum.labelled && datum.rightOfBase' }],
            mark: { type: 'text', align: 'left', dx: 4 },
            encoding: { y, x: { ...x, field: 'tco' }, text: { field: 'text' } },
          },
          {
            transform: [{ filter: 'datum.labelled && !datum.rightOfBase' }],
            mark: { type: 'text', align: 'right', dx: -4 },
            encoding: { y, x: { ...x, field: 'tco' }, text: { field: 'text' } },
          },
        ],
      },
      {
        data: { values: [{ base, text: `Likely ${compactMoney(base, currency)}` }] },
        layer: [
          {
            mark: { type: 'rule', color: BASELINE_COLOUR, strokeWidth: 1.5 },
            encoding: { x: { ...x, field: 'base' } },
          },
          {
            mark: { type: 'text', y: 0, dy: -6, baseline: 'bottom', color: BASELINE_COLOUR, fontWeight: 600 },
            encoding: { x: { ...x, field: 'base' }, text: { field: 'text' } },
          },
        ],
      },
    ],
  } satisfies TopLevelSpec;
}
