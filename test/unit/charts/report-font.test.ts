import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import {
  REPORT_FONT_FAMILY,
  REPORT_FONT_WEIGHTS,
  reportFontBytes,
  reportFontFace,
  reportFontFaceCss,
  reportFontFiles,
} from '../../../src/charts/report-font.js';

describe('report font', () => {
  it('bundles Inter regular, semibold and bold as TrueType files', () => {
    expect(reportFontFiles()).toHaveLength(3);
    for (const file of reportFontFiles()) expect(file).toMatch(/\.ttf$/);
    for (const weight of REPORT_FONT_WEIGHTS) {
      const bytes = reportFontBytes(weight);
      // TrueType outlines: sfnt version 0x00010000 (resvg does not read WOFF/WOFF2).
      expect([...bytes.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
      // The semibold face's legacy family name is 'Inter SemiBold'; its typographic family is Inter.
      expect(create(bytes).familyName.startsWith(REPORT_FONT_FAMILY)).toBe(true);
    }
  });

  it('reads each file once', () => {
    expect(reportFontBytes(400)).toBe(reportFontBytes(400));
  });

  it('picks the face a browser would pick for each requested weight', () => {
    expect(reportFontFace(undefined)).toBe(400);
    expect(reportFontFace('normal')).toBe(400);
    expect(reportFontFace(300)).toBe(400);
    expect(reportFontFace(500)).toBe(400);
    expect(reportFontFace('600')).toBe(600);
    expect(reportFontFace(600)).toBe(600);
    expect(reportFontFace('bold')).toBe(700);
    expect(reportFontFace(900)).toBe(700);
  });

  it('inlines every face as a WOFF2 subset in @font-face rules, kerning kept', () => {
    const css = reportFontFaceCss();
    expect(css.match(/@font-face/g)).toHaveLength(3);
    for (const weight of REPORT_FONT_WEIGHTS) expect(css).toContain(`font-weight:${weight};`);
    expect(css).toContain("font-family:'Inter'");
    expect(css).toContain('font-display:block');
    expect(css).not.toMatch(/url\((?!data:font\/woff2;base64,)/);
    // Under 200 KB of base64 for the three faces, where the full TTFs took 1.4 MB.
    expect(css.length).toBeLessThan(200_000);
    for (const [, base64] of css.matchAll(/base64,([^)]+)\)/g)) {
      const face = create(Buffer.from(base64 ?? '', 'base64'));
      expect(face.familyName.startsWith(REPORT_FONT_FAMILY)).toBe(true);
      expect(face.availableFeatures).toEqual(expect.arrayContaining(['kern', 'calt', 'tnum']));
    }
  });
});
