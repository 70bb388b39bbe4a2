import type { Config } from 'vega-lite';
import { REPORT_FONT_STACK } from './report-font.js';

/**
 * One colour per option, the same in every chart and in the report's tables. Light, mid and dark
 * (CIELAB L* ≈ 78, 54, 26) so the three stay apart when a client prints the report in black and white;
 * the hues (amber, teal, indigo) also stay apart for the common colour-vision deficiencies.
 */
export const OPTION_COLOURS = {
  flannel: '#F2B45C',
  'cilium-oss': '#2A8C9E',
  'isovalent-enterprise': '#3D2C8D',
} as const satisfies Readonly<Record<string, string>>;

const INK = '#111827';
const SECONDARY_INK = '#374151';
const AXIS_LINE = '#9CA3AF';
const GRID_LINE = '#E5E7EB';

/** Neutral greys for series that are not options (e.g. cost categories after the option colours). */
const NEUTRAL_SERIES = ['#6B7280', '#9CA3AF', '#D1D5DB', '#4B5563'];

/**
 * The Vega-Lite config every chart is compiled with: the report font, quiet axes and grid, and the
 * option colours as the default categorical range. Label limits are generous because labels are
 * measured with the real font, so a limit truncates only text that would genuinely not fit.
 */
export const chartTheme: Config = {
  font: REPORT_FONT_STACK,
  background: 'white',
  padding: 8,
  view: { stroke: null },
  title: {
    fontSize: 14,
    fontWeight: 600,
    color: INK,
    anchor: 'start',
    offset: 12,
    subtitleFontSize: 11,
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
  range: {
    category: [
      OPTION_COLOURS.flannel,
      OPTION_COLOURS['cilium-oss'],
      OPTION_COLOURS['isovalent-enterprise'],
      ...NEUTRAL_SERIES,
    ],
  },
  text: { color: INK, fontSize: 11 },
};
