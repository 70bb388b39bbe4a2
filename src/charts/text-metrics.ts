import { create, type Font } from 'fontkit';
import { type ReportFontWeight, reportFontBytes, reportFontFace } from './report-font.js';

/** Vega's default text size when a mark sets none (vega-scenegraph `fontSize`). */
const VEGA_DEFAULT_FONT_SIZE = 11;
const CACHE_LIMIT = 20_000;

const fonts = new Map<ReportFontWeight, Font>();
const unitWidthCache = new Map<string, number>();

function fontFor(weight: ReportFontWeight): Font {
  let font = fonts.get(weight);
  if (font === undefined) {
    font = create(reportFontBytes(weight));
    fonts.set(weight, font);
  }
  return font;
}

/** Width of `text` in ems, shaped as Chrome and resvg shape it (kerning and default features on). */
function emWidth(text: string, weight: ReportFontWeight): number {
  const key = `${weight}:${text}`;
  let width = unitWidthCache.get(key);
  if (width === undefined) {
    const font = fontFor(weight);
    width = font.layout(text).advanceWidth / font.unitsPerEm;
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
