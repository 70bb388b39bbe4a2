import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { REPORT_FONT_FAMILY, reportFontFiles } from '../../../src/charts/report-font.js';
import { measureTextWidth, vegaTextWidth } from '../../../src/charts/text-metrics.js';

const LABEL = 'Isovalent Enterprise for Cilium — kube-proxy replacement, WireGuard & Hubble (24×7)';

/**
 * The advance width resvg gives a text run: the ink box of the run anchored at its start and at its end
 * differ by exactly the advance, whatever the side bearings of the first and last glyphs.
 */
function resvgAdvance(text: string, fontSize: number, fontWeight: number): number {
  const inkLeft = (anchor: 'start' | 'end', x: number): number => {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="100"><text x="${x}" y="60" ` +
      `text-anchor="${anchor}" font-family="${REPORT_FONT_FAMILY}" font-size="${fontSize}" ` +
      `font-weight="${fontWeight}">${text.replace(/&/g, '&amp;')}</text></svg>`;
    const box = new Resvg(svg, {
      font: { fontFiles: reportFontFiles(), loadSystemFonts: false, defaultFontFamily: REPORT_FONT_FAMILY },
    }).getBBox();
    if (box === undefined) throw new Error('resvg drew no text');
    return box.x;
  };
  return 1900 - (inkLeft('end', 1900) - inkLeft('start', 0));
}

describe('text measurement with the bundled font', () => {
  it.each([
    [400, 11],
    [600, 14],
    [700, 11],
  ])('matches the advance resvg renders (weight %i, %ipx)', (weight, size) => {
    const measured = measureTextWidth(LABEL, size, weight);
    expect(Math.abs(measured - resvgAdvance(LABEL, size, weight))).toBeLessThan(0.5);
  });

  it('is far from Vega’s canvas-less estimate of 0.8 em per character', () => {
    const measured = measureTextWidth(LABEL, 11, 400);
    const estimate = 0.8 * LABEL.length * 11;
    expect(measured).toBeLessThan(estimate * 0.8);
    expect(measured).toBeGreaterThan(300);
  });

  it('measures bold wider than regular, and scales with size', () => {
    expect(measureTextWidth(LABEL, 11, 'bold')).toBeGreaterThan(measureTextWidth(LABEL, 11, 400));
    expect(measureTextWidth(LABEL, 22, 400)).toBeCloseTo(2 * measureTextWidth(LABEL, 11, 400), 6);
    expect(measureTextWidth('', 11, 400)).toBe(0);
    expect(measureTextWidth(LABEL, 0, 400)).toBe(0);
  });

  it('answers Vega like its own measure: trimmed text, 11px by default, capped at the label limit', () => {
    expect(vegaTextWidth({}, `  ${LABEL} `)).toBeCloseTo(measureTextWidth(LABEL, 11, 400), 6);
    expect(vegaTextWidth({ fontSize: 14, fontWeight: 'bold' }, LABEL)).toBeCloseTo(
      measureTextWidth(LABEL, 14, 700),
      6,
    );
    expect(vegaTextWidth({ limit: 100 }, LABEL)).toBe(100);
    expect(vegaTextWidth({ limit: 1000 }, LABEL)).toBeCloseTo(measureTextWidth(LABEL, 11, 400), 6);
    expect(vegaTextWidth({}, null)).toBe(0);
    expect(vegaTextWidth({}, 1234)).toBeCloseTo(measureTextWidth('1234', 11, 400), 6);
  });
});
