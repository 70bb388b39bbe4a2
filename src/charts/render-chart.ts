import { createHash } from 'node:crypto';
import { Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { InternalError } from '../shared/errors.js';
import { chartTheme, VEGA_LITE_SCHEMA } from './chart-theme.js';
import { REPORT_FONT_FAMILY, reportFontFiles } from './report-font.js';
import { type VegaTextItem, vegaTextWidth } from './text-metrics.js';

/** A chart as an SVG document, with its size in CSS pixels and what the compiler had to say about it. */
export interface RenderedChart {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Vega-Lite and Vega warnings, in order. Never printed: the caller decides whether to show them. */
  readonly warnings: readonly string[];
}

export interface RenderChartOptions {
  /**
   * Prefix of the ids of clip paths and gradients inside the SVG. Charts inlined side by side in one
   * HTML page need distinct ids; by default it is derived from the spec, so it is stable across runs.
   */
  readonly idPrefix?: string;
}

// vega-typings leave out `textMetrics`; it is the documented hook for measuring text without canvas.
const { textMetrics } = vega as unknown as {
  textMetrics: { width: (item: VegaTextItem, text: unknown) => number };
};

/** Every load Vega might attempt fails: charts carry their data inline and reference nothing. */
const refusingLoader: vega.Loader = {
  load: (uri) => Promise.reject(new InternalError(`chart tried to load ${uri}; charts must use inline data`)),
  sanitize: (uri) =>
    Promise.reject(new InternalError(`chart referenced ${uri}; charts must be self-contained`)),
  http: (uri) => Promise.reject(new InternalError(`chart tried to fetch ${uri}`)),
  file: (name) => Promise.reject(new InternalError(`chart tried to read ${name}`)),
};

/**
 * The spec as the tool compiles it and as charts/<name>.vl.json carries it: with its `$schema` and the whole
 * theme as its `config`, so stock Vega-Lite and Vega (or the Vega Editor) draw from the file alone what the
 * report shows. Specs are built without a config of their own; the theme is the only one.
 */
export function standaloneSpec(spec: TopLevelSpec): TopLevelSpec {
  if (spec.config !== undefined) throw new InternalError('chart specs take their config from the theme');
  return { $schema: VEGA_LITE_SCHEMA, ...spec, config: chartTheme };
}

/** Renders a Vega-Lite spec to a standalone, deterministic SVG drawn in the report font. */
export async function renderChartSvg(
  spec: TopLevelSpec,
  options: RenderChartOptions = {},
): Promise<RenderedChart> {
  // Without node-canvas Vega estimates text at 0.8 em per character; measure with the real font instead.
  textMetrics.width = vegaTextWidth;

  const warnings: string[] = [];
  const errors: string[] = [];
  const logger = collectingLogger(warnings, errors);
  // Compiled from the standalone spec alone, exactly as anyone reusing the .vl.json file would.
  const vgSpec = compile(standaloneSpec(spec), { logger }).spec;
  for (const data of vgSpec.data ?? []) {
    if ('url' in data)
      throw new InternalError(`chart data "${data.name}" has a url; charts must use inline data`);
  }

  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', loader: refusingLoader, logger });
  try {
    const rawSvg = await view.toSVG();
    // Vega logs dataflow errors instead of throwing them; a chart that hit one is wrong, not just ugly.
    if (errors.length > 0) throw new InternalError(`chart failed to render: ${errors.join('; ')}`);
    const svg = renameDefIds(rawSvg, options.idPrefix ?? defaultIdPrefix(spec));
    const { width, height } = svgSize(svg);
    return { svg, width, height, warnings };
  } finally {
    view.finalize();
  }
}

/** Rasterises a chart SVG with the bundled font only, on white, at `scale`× its CSS pixel size. */
export function renderChartPng(svg: string, scale = 2): Uint8Array {
  return new Resvg(svg, pngOptions(scale)).render().asPng();
}

/**
 * `renderChartPng` with the rendering on libuv's thread pool, so this thread stays free meanwhile (for the
 * browser's replies while a PDF prints): the same pixels.
 */
export async function renderChartPngAsync(svg: string, scale = 2): Promise<Uint8Array> {
  return (await renderAsync(svg, pngOptions(scale))).asPng();
}

/** resvg's options for the report's charts and the deck's logo: the bundled font only, on white. */
export function pngOptions(scale: number): ResvgRenderOptions {
  return {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: {
      fontFiles: reportFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: REPORT_FONT_FAMILY,
      sansSerifFamily: REPORT_FONT_FAMILY,
    },
  };
}

function collectingLogger(warnings: string[], errors: string[]): vega.LoggerInterface {
  let level = vega.Warn;
  const text = (args: unknown[]): string =>
    args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      errors.push(text(args));
      return logger;
    },
    warn(...args: unknown[]) {
      if (level >= vega.Warn) warnings.push(text(args));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

function defaultIdPrefix(spec: TopLevelSpec): string {
  return `c${createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 10)}-`;
}

/**
 * Vega numbers clip paths and gradients with process-wide counters, so the same chart gets different
 * ids depending on what was rendered before it. Renumbering by order of appearance makes the output
 * depend on the spec alone.
 */
function renameDefIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\bid="([^"]+)"/g)) {
    const id = match[1];
    if (id !== undefined && !renamed.has(id)) renamed.set(id, `${prefix}${renamed.size + 1}`);
  }
  if (renamed.size === 0) return svg;
  return svg.replace(/\b(id="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) => {
    const next = renamed.get(id);
    return next === undefined ? whole : `${lead}${next}`;
  });
}

function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0) || !/\sviewBox="/.test(root)) {
    throw new InternalError('Vega produced an SVG without width, height and viewBox');
  }
  return { width, height };
}
