import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import { faceMeasure } from './face-measure.js';
import { type ReportFontWeight, reportFontBytes, reportFontFace, reportFontMetrics } from './report-font.js';

/** Vega's default text size when a mark sets none (vega-scenegraph `fontSize`). */
const VEGA_DEFAULT_FONT_SIZE = 11;
const CACHE_LIMIT = 20_000;

const require = createRequire(import.meta.url);
const measures = new Map<ReportFontWeight, (text: string) => number | undefined>();
const fonts = new Map<ReportFontWeight, Font>();
const unitWidthCache = new Map<string, number>();

function measureFor(weight: ReportFontWeight): (text: string) => number | undefined {
  let measure = measures.get(weight);
  if (measure === undefined) {
    measure = faceMeasure(reportFontMetrics(weight));
    measures.set(weight, measure);
  }
  return measure;
}

/**
 * The full shaper, for the few strings the metrics table cannot measure. Loaded on first use: importing
 * fontkit and parsing a face's layout tables costs more than measuring every label of a report by table.
 */
function fontFor(weight: ReportFontWeight): Font {
  let font = fonts.get(weight);
  if (font === undefined) {
    const fontkit = require('fontkit') as typeof import('fontkit');
    font = fontkit.create(reportFontBytes(weight));
    fonts.set(weight, font);
  }
  return font;
}

/** Width of `text` in ems, shaped as Chrome and resvg shape it (kerning and default features on). */
function emWidth(text: string, weight: ReportFontWeight): number {
  const key = `${weight}:${text}`;
  let width = unitWidthCache.get(key);
  if (width === undefined) {
    const { unitsPerEm } = reportFontMetrics(weight);
    width = (measureFor(weight)(text) ?? fontFor(weight).layout(text).advanceWidth) / unitsPerEm;
    // Charts are small and repetitive; dropping everything at the cap keeps memory bounded without an LRU.
    if (unitWidthCache.size >= CACHE_LIMIT) unitWidthCache.clear();
    unitWidthCache.set(key, width);
  }
  return width;
}
/** Advance width in pixels of `text` set in the report font at `fontSize` px and CSS `fontWeight`. */
export function measureTextWidth(
  text: string,
  fontSize: number,
  fontWeight?: number | string | null,
): number {
  if (text === '' || !(fontSize > 0)) return 0;
  return emWidth(text, reportFontFace(fontWeight)) * fontSize;
}

/** The properties of a Vega text item that decide its width. */
export interface VegaTextItem {
  readonly fontSize?: number | string | null;
  readonly fontWeight?: number | string | null;
  readonly limit?: number | null;
}

/**
 * Drop-in for vega-scenegraph's `textMetrics.width(item, text)`.
 *
 * Vega calls it from two places with different needs: when computing bounds it wants the width of the
 * label as drawn (after `limit` truncation), and from its own `truncate` it wants raw widths of
 * candidate prefixes. Capping the raw width at `limit` satisfies both: `truncate` still sees every
 * over-long text as not fitting (its test is `width < limit`), and bounds over-estimate a truncated
 * label by less than one character, so nothing is clipped.
 */
export function vegaTextWidth(item: VegaTextItem, text: unknown): number {
  const value = text == null ? '' : String(text).trim();
  const fontSize = item.fontSize == null ? VEGA_DEFAULT_FONT_SIZE : Number(item.fontSize) || 0;
  const width = measureTextWidth(value, fontSize, item.fontWeight);
  const limit = Number(item.limit);
  return limit > 0 ? Math.min(width, limit) : width;
}
