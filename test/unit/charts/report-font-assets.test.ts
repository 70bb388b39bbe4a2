import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { faceMeasure } from '../../../src/charts/face-measure.js';
import {
  REPORT_FONT_WEIGHTS,
  reportFontBytes,
  reportFontFaceCss,
  reportFontMetrics,
} from '../../../src/charts/report-font.js';

const HINT = 'run `npm run fonts` to rebuild assets/fonts/';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The faces the HTML inlines, decoded from the style sheet itself. */
function subsetFaces() {
  return [...reportFontFaceCss().matchAll(/base64,([^)]+)\)/g)].map(([, base64]) =>
    create(Buffer.from(base64 ?? '', 'base64')),
  );
}

/** The text of every label in the chart goldens, entities decoded. */
function chartLabels(): string[] {
  const labels = new Set<string>();
  for (const file of filesUnder('test/golden/charts').filter((f) => f.endsWith('.svg'))) {
    for (const [, text] of readFileSync(file, 'utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)) {
      labels.add(
        (text ?? '')
          .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#x27;|&apos;/g, "'")
          .replace(/&amp;/g, '&')
          .trim(),
      );
    }
  }
  return [...labels];
}

describe('report font assets', () => {
  it('the HTML subset holds every character of the templates, the data and the examples', () => {
    const used = new Set<string>();
    for (const file of ['templates', 'data', 'examples'].flatMap(filesUnder)) {
      for (const char of readFileSync(file, 'utf8')) if (char >= ' ') used.add(char);
    }
    for (const face of subsetFaces()) {
      const covered = new Set(face.characterSet);
      const missing = [...used].filter((char) => !covered.has(char.codePointAt(0) ?? -1));
      expect(missing, HINT).toEqual([]);
    }
  });

  it('the subset covers Latin-1, Latin Extended-A, currency, arrows and the common math signs', () => {
    for (const face of subsetFaces()) {
      const covered = new Set(face.characterSet);
      for (const char of 'ÀÿĀžŒ€£¥₹→←×−≤≥≈…–—“”‘’•€')
        expect(covered.has(char.codePointAt(0) ?? -1), char).toBe(true);
    }
  });

  it('the metrics were taken from the installed Inter', () => {
    const metrics = JSON.parse(readFileSync('assets/fonts/inter-metrics.json', 'utf8')) as {
      faces: Record<string, { sha256: string }>;
    };
    for (const weight of REPORT_FONT_WEIGHTS) {
      const sha256 = createHash('sha256').update(reportFontBytes(weight)).digest('hex');
      expect(metrics.faces[weight]?.sha256, HINT).toBe(sha256);
    }
  });

  it('measures exactly as fontkit shapes: every chart label, and random text', () => {
    const labels = chartLabels();
    expect(labels.length).toBeGreaterThan(100);
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (const weight of REPORT_FONT_WEIGHTS) {
      const font = create(reportFontBytes(weight));
      const measure = faceMeasure(reportFontMetrics(weight));
      const chars = reportFontMetrics(weight).codePoints.map((cp) => String.fromCodePoint(cp));
      const texts = [...labels];
      for (let n = 0; n < 1500; n++) {
        let text = '';
        for (let length = 1 + Math.floor(random() * 20); length > 0; length--) {
          text += chars[Math.floor(random() * chars.length)];
        }
        texts.push(text);
      }
      let measured = 0;
      for (const text of texts) {
        const units = measure(text);
        if (units === undefined) continue;
        measured += 1;
        expect(units, JSON.stringify(text)).toBe(font.layout(text).advanceWidth);
      }
      // Most labels go by the table; the rest (a bracket beside a digit) are shaped by fontkit.
      expect(measured).toBeGreaterThan(texts.length / 2);
    }
  });
});
