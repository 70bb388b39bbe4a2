// biome-ignore lint/style/noRestrictedImports: the one asset loader of the core; it reads the bundled font files, nothing else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The report's single typeface. HTML, PDF, chart SVG and chart PNG all use these same TTF files, so a
 * label measured for a chart has the width it is drawn with everywhere. TTF (not WOFF2) because resvg
 * reads only TrueType/OpenType.
 */
export const REPORT_FONT_FAMILY = 'Inter';

/**
 * The font-family value written into HTML and SVG. The fallbacks only matter for a chart SVG opened on
 * its own on a machine without Inter; they are close in width, so labels still fit.
 */
export const REPORT_FONT_STACK = `${REPORT_FONT_FAMILY}, 'Helvetica Neue', Arial, sans-serif`;

export type ReportFontWeight = 400 | 600 | 700;

const FACE_FILES: Readonly<Record<ReportFontWeight, string>> = {
  400: '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  600: '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  700: '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
};

export const REPORT_FONT_WEIGHTS: readonly ReportFontWeight[] = [400, 600, 700];

const require = createRequire(import.meta.url);
const bytesCache = new Map<ReportFontWeight, Uint8Array>();
let fontFaceCssCache: string | undefined;

/** Absolute paths of the bundled font files, for resvg's `fontFiles`. */
export function reportFontFiles(): string[] {
  return REPORT_FONT_WEIGHTS.map((weight) => require.resolve(FACE_FILES[weight]));
}

/** The TTF bytes of one face, read once per process. */
export function reportFontBytes(weight: ReportFontWeight): Uint8Array {
  let bytes = bytesCache.get(weight);
  if (bytes === undefined) {
    bytes = readFileSync(require.resolve(FACE_FILES[weight]));
    bytesCache.set(weight, bytes);
  }
  return bytes;
}

/**
 * The face a CSS-conforming renderer picks for a requested weight, given the faces bundled here
 * (CSS Fonts 4 §5.2: up to 500 prefer lighter, above 500 prefer heavier). Keyword and numeric
 * weights as Vega and CSS write them.
 */
export function reportFontFace(weight: number | string | undefined | null): ReportFontWeight {
  const numeric =
    weight === 'bold' || weight === 'bolder' ? 700 : typeof weight === 'number' ? weight : Number(weight);
  if (!Number.isFinite(numeric) || numeric <= 500) return 400;
  return numeric <= 600 ? 600 : 700;
}

/** `@font-face` rules with the fonts inlined as data URIs, so the HTML report needs no files and no network. */
export function reportFontFaceCss(): string {
  fontFaceCssCache ??= REPORT_FONT_WEIGHTS.map(
    (weight) =>
      `@font-face{font-family:'${REPORT_FONT_FAMILY}';font-style:normal;font-weight:${weight};font-display:block;` +
      `src:url(data:font/ttf;base64,${toBase64(reportFontBytes(weight))}) format('truetype');}`,
  ).join('\n');
  return fontFaceCssCache;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
