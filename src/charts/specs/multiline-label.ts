import type { PositionFieldDef } from './vega-lite-types.js';

/** Labels are split into lines at this character (Vega-Lite has no multi-line axis or header labels). */
export const LINE_BREAK = '|';

/** The label expression that draws a label's lines. */
export const SPLIT_LABEL = `split(datum.label, '${LINE_BREAK}')`;

/**
 * The band axis of a chart with one bar per row, labelled `label` in the given order; a row whose label has
 * a "Recommended" line is set in bold.
 */
export function optionRowAxis(labels: readonly string[]): PositionFieldDef<string> {
  return {
    field: 'label',
    type: 'nominal',
    sort: [...labels],
    title: null,
    axis: {
      labelExpr: SPLIT_LABEL,
      labelPadding: 20,
      labelFontWeight: {
        condition: { test: `indexof(datum.value, '${LINE_BREAK}Recommended') >= 0`, value: 600 },
        value: 400,
      },
    },
  };
}
