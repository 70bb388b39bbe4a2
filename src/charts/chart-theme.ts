import type { Config } from 'vega-lite';
import type { Criterion } from '../schema/criteria.js';
import type { SupportLevel } from '../schema/dataset.js';
import type { TcoCategory } from '../schema/tco-categories.js';
import { REPORT_FONT_STACK } from './report-font.js';

/**
 * Series that are not options (cost categories, criteria, support levels) take one slate-blue ramp in
 * even lightness steps (CIELAB L* 25 to 89, low chroma): neighbours stay apart in greyscale, and no step
 * can be mistaken for an option's colour (data/options.yaml).
 */
const SLATE = ['#173F55', '#395E74', '#5C7E94', '#829FB4', '#ACC1D1', '#D6E1EA'] as const;

/**
 * Recurring costs darkest, one-off costs lightest; charts stack and list categories in this key order,
 * so lightness changes monotonically along a bar.
 */
export const CATEGORY_COLOURS = {
  subscription: SLATE[0],
  operations: SLATE[1],
  compute: SLATE[2],
  tooling: SLATE[3],
  migration: SLATE[4],
  training: SLATE[5],
} as const satisfies Readonly<Record<TcoCategory, string>>;

export const CRITERION_COLOURS = {
  capability: SLATE[0],
  cost: SLATE[2],
  risk: '#94AFC3',
  simplicity: SLATE[5],
} as const satisfies Readonly<Record<Criterion, string>>;

/** Ordinal: the more an option covers a capability out of the box, the darker the cell. */
export const SUPPORT_LEVEL_COLOURS = {
  none: '#F4F7F9',
  partial: '#CAD9E5',
  'add-on': '#94AFC3',
  'built-in': '#5C7E94',
  enterprise: '#274D63',
} as const satisfies Readonly<Record<SupportLevel, string>>;

/** The status quo is a reference, not a choice: neutral grey, always dashed. */
export const BASELINE_COLOUR = '#6B7280';

/** Ink for text on the darker slate fills. */
export const INK_ON_DARK = '#FFFFFF';

export const INK = '#111827';

/** Space around every chart, and the size of the subtitle lines charts wrap to fit inside it. */
export const CHART_PADDING = 8;
export const SUBTITLE_FONT_SIZE = 11;
export const SECONDARY_INK = '#374151';
const AXIS_LINE = '#9CA3AF';
const GRID_LINE = '#E5E7EB';

/** Neutral greys for series that are not options (e.g. cost categories after the option colours). */
const NEUTRAL_SERIES = ['#6B7280', '#9CA3AF', '#D1D5DB', '#4B5563'];

/** The JSON Schema of the Vega-Lite major version the charts are compiled with, for editors and validators. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * The Vega-Lite config every chart is compiled with: the report font, quiet axes and grid, and the
 * option colours as the default categorical range. Label limits are generous because labels are
 * measured with the real font, so a limit truncates only text that would genuinely not fit.
 */
export const chartTheme: Config = {
  font: REPORT_FONT_STACK,
  background: 'white',
  padding: CHART_PADDING,
  view: { stroke: null },
  title: {
    fontSize: 14,
    fontWeight: 600,
    color: INK,
    anchor: 'start',
    offset: 12,
    subtitleFontSize: SUBTITLE_FONT_SIZE,
    subtitleColor: SECONDARY_INK,
  },
  axis: {
    labelFontSize: 11,
    labelColor: SECONDARY_INK,
    labelLimit: 280,
    labelPadding: 4,
    titleFontSize: 11,
    titleFontWeight: 600,
    titleColor: INK,
    titlePadding: 8,
    domainColor: AXIS_LINE,
    tickColor: AXIS_LINE,
    gridColor: GRID_LINE,
  },
  axisBand: { grid: false, ticks: false },
  legend: {
    labelFontSize: 11,
    labelColor: SECONDARY_INK,
    labelLimit: 280,
    titleFontSize: 11,
    titleFontWeight: 600,
    titleColor: INK,
    symbolType: 'square',
  },
  header: {
    labelFontSize: 11,
    labelColor: SECONDARY_INK,
    titleFontSize: 12,
    titleFontWeight: 600,
    titleColor: INK,
  },
  // Option series set their own colour scale from the result; anything else falls back to neutral greys.
  range: { category: NEUTRAL_SERIES },
  text: { color: INK, fontSize: 11 },
};
