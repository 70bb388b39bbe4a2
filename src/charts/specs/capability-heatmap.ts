import type { TopLevelSpec } from 'vega-lite';
import { optionsInOrder } from '../../result/options-in-order.js';
import type { EngineResult } from '../../result/result-types.js';
import type { Importance } from '../../schema/answers.js';
import { SUPPORT_LEVELS, type SupportLevel } from '../../schema/dataset.js';
import { cannotRunOn } from '../../words/cannot-run-on.js';
import { IMPORTANCE_LABELS, SUPPORT_LEVEL_LABELS } from '../../words/level-words.js';
import { INK, INK_ON_DARK, SUPPORT_LEVEL_COLOURS } from '../chart-theme.js';
import { measureTextWidth } from '../text-metrics.js';
import { CONTENT_WIDTH, chartFrame } from './chart-frame.js';
import { LINE_BREAK, SPLIT_LABEL } from './multiline-label.js';
import { optionColourScale } from './option-scale.js';
import type { PositionFieldDef } from './vega-lite-types.js';
import { vegaString } from './vega-string.js';
import { wrapText } from './wrap-text.js';

const IMPORTANCE_ORDER: readonly Importance[] = ['must', 'should', 'nice', 'no'];
const DARK_LEVELS: readonly SupportLevel[] = ['built-in', 'enterprise'];
const UNMET_COLOUR = '#B42318';
const ROW_HEIGHT = 26;
const LABEL_FONT_SIZE = 11;
const HEADER_LINE_HEIGHT = 14;
/** Axis label padding plus the y axis's own offset, so the plot width can be known before Vega lays it out. */
const Y_AXIS_GAP = 12;

export function capabilityHeatmapTitle(): string {
  return 'Capability coverage by option (support level)';
}

/**
 * The options in the data's order, as in the capability table the heatmap sits under, so a reader's eye
 * finds an option in the same column in both; the recommended one is marked by a bold header.
 */

export function capabilityHeatmapDescription(result: EngineResult): string {
  const musts = result.needs.filter((n) => n.importance === 'must').length;
  const meeting = optionsInOrder(result)
    .map((o) =>
      o.unmetMusts.length === 0
        ? `${o.name} meets all${o.excludedBy.length > 0 ? ` but ${cannotRunOn(o)}` : ''}`
        : `${o.name} misses ${o.unmetMusts.length}`,
    )
    .join(', ');
  return `Support level of each option for ${result.needs.length} capabilities, ${musts} of them musts for the client: ${meeting}.`;
}

/**
 * Capabilities (rows, musts first) by options (columns, in the capability table's order); cells darken with
 * the level of support, and a red outline marks a must the option cannot meet, which rules it out.
 */
export function capabilityHeatmapSpec(result: EngineResult): TopLevelSpec {
  const options = optionsInOrder(result);
  const needs = [...result.needs].sort(
    (a, b) => IMPORTANCE_ORDER.indexOf(a.importance) - IMPORTANCE_ORDER.indexOf(b.importance),
  );
  const rowLabel = (name: string, importance: Importance) => `${name} · ${IMPORTANCE_LABELS[importance]}`;
  const rows = needs.map((n) => rowLabel(n.name, n.importance));
  const labelWidth = Math.max(...rows.map((r) => measureTextWidth(r, LABEL_FONT_SIZE, 600)));
  const columnWidth = (CONTENT_WIDTH - labelWidth - Y_AXIS_GAP) / options.length;
  const headerLines = options.map((o) => wrapText(o.name, columnWidth - 12, LABEL_FONT_SIZE, 600));
  const headerLineCount = Math.max(...headerLines.map((lines) => lines.length));
  // Vega stacks extra label lines downwards even above the plot; leading blank lines bottom-align the headers.
  const columns = options.map((o, i) => {
    const lines = headerLines[i] ?? [];
    const blank = Array.from({ length: headerLineCount - lines.length }, () => '');
    return { option: o.id, column: [...blank, ...lines].join(LINE_BREAK) };
  });
  const cells = needs.flatMap((n, row) =>
    options.map((o, i) => {
      const level = o.capabilities.find((c) => c.id === n.capability)?.level ?? 'none';
      return {
        row: rows[row],
        column: columns[i]?.column,
        level,
        text: SUPPORT_LEVEL_LABELS[level],
        unmet: o.unmetMusts.includes(n.capability),
      };
    }),
  );
  const anyUnmet = cells.some((c) => c.unmet);
  const recommended = columns.find((c) => c.option === result.recommendation.option)?.column ?? '';
  const y: PositionFieldDef<string> = {
    field: 'row',
    type: 'nominal',
    sort: rows,
    title: null,
    axis: {
      domain: false,
      labelPadding: 8,
      labelFontWeight: {
        condition: { test: `indexof(datum.value, ' · must') >= 0`, value: 600 },
        value: 400,
      },
      labelColor: {
        condition: { test: `indexof(datum.value, ' · not needed') >= 0`, value: '#6B7280' },
        value: INK,
      },
    },
  };
  const x: PositionFieldDef<string> = {
    field: 'column',
    type: 'nominal',
    sort: columns.map((c) => c.column),
    title: null,
    axis: {
      orient: 'top',
      domain: false,
      labelAngle: 0,
      labelPadding: 12 + (headerLineCount - 1) * HEADER_LINE_HEIGHT,
      labelBaseline: 'bottom',
      labelLineHeight: HEADER_LINE_HEIGHT,
      labelExpr: SPLIT_LABEL,
      labelFontWeight: {
        condition: { test: `datum.value === ${vegaString(recommended)}`, value: 600 },
        value: 400,
      },
    },
  };

  return {
    ...chartFrame(
      capabilityHeatmapTitle(),
      'Darker cells cover more out of the box; "Add-on" means a separate component to run. Each capability shows how much the client needs it.' +
        (anyUnmet ? ' Red outline: an unmet must, which rules the option out.' : ''),
    ),
    height: rows.length * ROW_HEIGHT,
    layer: [
      {
        data: { values: cells },
        layer: [
          {
            mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
            encoding: {
              y,
              x,
              color: {
                field: 'level',
                type: 'ordinal',
                title: null,
                scale: {
                  domain: [...SUPPORT_LEVELS],
                  range: SUPPORT_LEVELS.map((l) => SUPPORT_LEVEL_COLOURS[l]),
                },
                legend: {
                  orient: 'bottom',
                  direction: 'horizontal',
                  labelExpr: SUPPORT_LEVELS.reduceRight(
                    (otherwise, l) => `datum.value === '${l}' ? '${SUPPORT_LEVEL_LABELS[l]}' : ${otherwise}`,
                    'datum.value',
                  ),
                  symbolStrokeColor: '#9CA3AF',
                  symbolStrokeWidth: 0.5,
                },
              },
            },
          },
          // Only drawn when some must is unmet: an empty layer is an unlabelled graphic to a screen reader.
          ...(anyUnmet
            ? [
                {
                  transform: [{ filter: 'datum.unmet' }],
                  mark: { type: 'rect' as const, filled: false, stroke: UNMET_COLOUR, strokeWidth: 2.5 },
                  encoding: { y, x },
                },
              ]
            : []),
          {
            mark: { type: 'text', fontSize: LABEL_FONT_SIZE },
            encoding: {
              y,
              x,
              text: { field: 'text' },
              color: {
                condition: {
                  test: `indexof([${DARK_LEVELS.map((l) => `'${l}'`).join(', ')}], datum.level) >= 0`,
                  value: INK_ON_DARK,
                },
                value: INK,
              },
            },
          },
        ],
      },
      {
        // A strip in the option's colour caps each column, as the squares mark the rows of the TCO chart.
        data: { values: columns },
        mark: { type: 'rect', y: -7, y2: -3 },
        encoding: {
          x,
          color: { field: 'option', type: 'nominal', scale: optionColourScale(result), legend: null },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  } satisfies TopLevelSpec;
}
