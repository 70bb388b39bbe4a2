// biome-ignore lint/style/noRestrictedImports: the one asset loader of the core; it reads the bundled font files, nothing else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { InternalError } from '../shared/errors.js';
import type { FaceMetrics } from './face-measure.js';

/**
 * The report's single typeface. Chart SVG and PNG are measured and drawn with these TTF files (resvg reads
 * only TrueType/OpenType); the HTML and PDF inline WOFF2 subsets of the same faces (assets/fonts/, written
 * by `npm run fonts`), so a label has the width it was measured with everywhere.
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

/** assets/ ships beside dist/ and src/, both two levels below the package root. */
const ASSETS = new URL('../../assets/fonts/', import.meta.url);

const require = createRequire(import.meta.url);
const bytesCache = new Map<ReportFontWeight, Uint8Array>();
let fontFaceCssCache: string | undefined;
let metricsCache: Readonly<Record<string, FaceMetrics>> | undefined;

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

/** Advance widths, kerning and substitution contexts of one face, for measuring without parsing the font. */
export function reportFontMetrics(weight: ReportFontWeight): FaceMetrics {
  metricsCache ??= (JSON.parse(readFileSync(new URL('inter-metrics.json', ASSETS), 'utf8')) as MetricsFile)
    .faces;
  const metrics = metricsCache[weight];
  if (metrics === undefined)
    throw new InternalError(`assets/fonts/inter-metrics.json lacks weight ${weight}`);
  return metrics;
}

interface MetricsFile {
  readonly faces: Readonly<Record<string, FaceMetrics>>;
}

/**
 * `@font-face` rules with the subset faces inlined as WOFF2 data URIs, so the HTML report needs no files and
 * no network. Characters outside the subset (say a client name in Japanese) fall back to the system fonts.
 */
export function reportFontFaceCss(): string {
  fontFaceCssCache ??= REPORT_FONT_WEIGHTS.map(
    (weight) =>
      `@font-face{font-family:'${REPORT_FONT_FAMILY}';font-style:normal;font-weight:${weight};font-display:block;` +
      `src:url(data:font/woff2;base64,${toBase64(readFileSync(new URL(`inter-${weight}.woff2`, ASSETS)))}) format('woff2');}`,
  ).join('\n');
  return fontFaceCssCache;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
