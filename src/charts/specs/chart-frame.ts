import { CHART_PADDING, SUBTITLE_FONT_SIZE } from '../chart-theme.js';
import { wrapText } from './wrap-text.js';

/** Every report chart is this wide in CSS pixels, padding included: one A4 text column. */
export const REPORT_CHART_WIDTH = 640;

/** Width available to text that spans the chart, such as the subtitle. */
export const CONTENT_WIDTH = REPORT_CHART_WIDTH - 2 * CHART_PADDING;

export interface ChartFrame {
  readonly title: { text: string; subtitle: string[] };
  readonly width: number;
  readonly autosize: { type: 'fit-x'; contains: 'padding' };
}

/**
 * Title and sizing shared by the single-view charts: the plot stretches so the whole chart, axes and
 * legends included, is exactly one column wide; the subtitle wraps to that width.
 */
export function chartFrame(title: string, subtitle: string): ChartFrame {
  return {
    title: { text: title, subtitle: wrapText(subtitle, CONTENT_WIDTH, SUBTITLE_FONT_SIZE) },
    width: REPORT_CHART_WIDTH,
    autosize: { type: 'fit-x', contains: 'padding' },
  };
}

/** "over 5 years", for titles that must name the horizon. */
export function overHorizon(years: number): string {
  return `over ${years} ${years === 1 ? 'year' : 'years'}`;
}
