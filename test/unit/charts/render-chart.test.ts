import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartTheme } from '../../../src/charts/chart-theme.js';
import { renderChartPng, renderChartSvg } from '../../../src/charts/render-chart.js';
import { REPORT_FONT_FAMILY, reportFontFiles } from '../../../src/charts/report-font.js';
import { measureTextWidth } from '../../../src/charts/text-metrics.js';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { InternalError } from '../../../src/shared/errors.js';

const LONG_LABEL = 'Flannel with Calico policy, Istio, Submariner and Falco';
const TOO_LONG_LABEL = `${LONG_LABEL}, plus an egress gateway, WireGuard, Prometheus and Grafana`;

function barChart(labels: readonly string[]): TopLevelSpec {
  return {
    width: 320,
    data: { values: labels.map((label, i) => ({ label, cost: 100_000 * (i + 2) })) },
    mark: 'bar',
    encoding: {
      y: { field: 'label', type: 'nominal', title: null, sort: null },
      x: { field: 'cost', type: 'quantitative', title: 'Total cost of ownership (USD)' },
    },
  };
}

/** A line chart with a clipped mark, so the SVG carries a clip path definition. */
const clippedLine: TopLevelSpec = {
  width: 200,
  height: 100,
  data: { values: [1, 2, 3, 4].map((year) => ({ year, cost: year * 1000 })) },
  mark: { type: 'line', clip: true },
  encoding: {
    x: { field: 'year', type: 'quantitative', scale: { domain: [1, 3] } },
    y: { field: 'cost', type: 'quantitative' },
  },
};

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Ink bounds of everything but the white background, as resvg draws it. */
function inkBox(svg: string) {
  const withoutBackground = svg.replace(/<rect width="[\d.]+" height="[\d.]+" fill="white"\/>/, '');
  const box = new Resvg(withoutBackground, {
    font: { fontFiles: reportFontFiles(), loadSystemFonts: false, defaultFontFamily: REPORT_FONT_FAMILY },
  }).getBBox();
  if (box === undefined) throw new Error('nothing drawn');
  return box;
}

describe('renderChartSvg', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives byte-identical SVG for the same spec, whatever was rendered before', async () => {
    const first = await renderChartSvg(clippedLine);
    await renderChartSvg(barChart(['a', 'b']));
    await renderChartSvg(clippedLine, { idPrefix: 'other-' });
    const second = await renderChartSvg(clippedLine);
    expect(second.svg).toBe(first.svg);
    expect(first.svg).not.toMatch(/\d{13}|Date|random/i);
  });

  it('gives clip paths stable ids with a per-chart prefix, and keeps references intact', async () => {
    const { svg } = await renderChartSvg(clippedLine, { idPrefix: 'tco-' });
    const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^tco-\d+$/);
    for (const ref of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref[1]);
    const byDefault = (await renderChartSvg(clippedLine)).svg;
    expect(byDefault).toMatch(/id="c[0-9a-f]{10}-1"/);
  });

  it('puts explicit width, height and viewBox on the root and uses the report font', async () => {
    const chart = await renderChartSvg(barChart(['Cilium OSS', 'Flannel']));
    const root = /^<svg[^>]*>/.exec(chart.svg)?.[0] ?? '';
    expect(root).toContain(`width="${chart.width}"`);
    expect(root).toContain(`height="${chart.height}"`);
    expect(root).toContain(`viewBox="0 0 ${chart.width} ${chart.height}"`);
    const families = new Set([...chart.svg.matchAll(/font-family="([^"]+)"/g)].map((m) => m[1]));
    expect([...families]).toEqual([chartTheme.font]);
    expect(chartTheme.font?.startsWith(`${REPORT_FONT_FAMILY},`)).toBe(true);
  });

  it('references nothing outside the SVG', async () => {
    const { svg } = await renderChartSvg(barChart(['Cilium OSS', 'Flannel']));
    expect(svg).not.toMatch(/<image|<use|xlink:href="(?!#)|href="(?!#)|@import/);
    // The only URLs are the XML namespaces.
    const urls = [...svg.matchAll(/https?:\/\/[^"]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
  });

  it('keeps long category labels whole and inside the canvas', async () => {
    const chart = await renderChartSvg(barChart([LONG_LABEL, 'Cilium OSS', 'Isovalent Enterprise']));
    expect(chart.svg).toContain(`>${LONG_LABEL}</text>`);
    const ink = inkBox(chart.svg);
    expect(ink.x).toBeGreaterThanOrEqual(0);
    expect(ink.y).toBeGreaterThanOrEqual(0);
    expect(ink.x + ink.width).toBeLessThanOrEqual(chart.width);
    expect(ink.y + ink.height).toBeLessThanOrEqual(chart.height);
    // The layout reserved what the label needs (Vega's 0.8 em-per-character guess would leave ~180 px
    // of white on the left): the ink starts right after the padding.
    const labelWidth = measureTextWidth(LONG_LABEL, 11, 400);
    expect(ink.x).toBeLessThan((chartTheme.padding as number) + 4);
    expect(chart.width).toBeLessThan(320 + labelWidth + 60);
  });

  it('truncates a label beyond the label limit with an ellipsis that fits the limit', async () => {
    const chart = await renderChartSvg(barChart([TOO_LONG_LABEL, 'Cilium OSS']));
    const truncated = /<text[^>]*>([^<]*…)<\/text>/.exec(chart.svg)?.[1] ?? '';
    expect(TOO_LONG_LABEL.startsWith(truncated.slice(0, -1))).toBe(true);
    const limit = chartTheme.axis?.labelLimit as number;
    expect(measureTextWidth(truncated, 11, 400)).toBeLessThanOrEqual(limit);
    expect(measureTextWidth(truncated, 11, 400)).toBeGreaterThan(limit - 15);
    expect(inkBox(chart.svg).x).toBeGreaterThanOrEqual(0);
  });

  it('collects compiler warnings instead of printing them', async () => {
    const warn = vi.spyOn(console, 'warn');
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    const { warnings } = await renderChartSvg({
      data: { values: [{ a: 'x', b: 1 }] },
      mark: 'bar',
      encoding: {
        x: { field: 'a', type: 'nominal' },
        y: { field: 'b', type: 'quantitative' },
        shape: { field: 'a' },
      },
    });
    expect(warnings.join('\n')).toMatch(/shape/i);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('refuses charts that load data from a URL', async () => {
    await expect(
      renderChartSvg({ data: { url: 'https://example.com/data.json' }, mark: 'bar' }),
    ).rejects.toBeInstanceOf(InternalError);
  });
});

describe('renderChartPng', () => {
  it('rasterises at twice the SVG size by default, or at the given scale', async () => {
    const chart = await renderChartSvg(barChart([LONG_LABEL, 'Cilium OSS']));
    expect(pngSize(renderChartPng(chart.svg))).toEqual({ width: 2 * chart.width, height: 2 * chart.height });
    expect(pngSize(renderChartPng(chart.svg, 1))).toEqual({ width: chart.width, height: chart.height });
  });
});

describe('chartTheme', () => {
  /** CIELAB lightness, which is what is left of a colour printed in grey. */
  function lightness(hex: string): number {
    const channel = (i: number) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const y = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return 116 * (y > 216 / 24389 ? Math.cbrt(y) : ((24389 / 27) * y) / 116 + 16 / 116) - 16;
  }

  // Four options cannot all sit 20 L* apart on white paper; 12 keeps neighbours apart in greyscale, and each option's
  // own mark (circle, square, triangle, diamond) tells lines apart where lightness alone would not.
  it('gives the options data/options.yaml declares colours at least 12 L* apart, each with its own mark', () => {
    const options = defaultDataset().options;
    const values = options.map((o) => lightness(o.colour));
    for (const [i, a] of values.entries()) {
      for (const b of values.slice(i + 1)) expect(Math.abs(a - b)).toBeGreaterThanOrEqual(12);
    }
    expect(new Set(options.map((o) => o.mark)).size).toBe(options.length);
  });
});
