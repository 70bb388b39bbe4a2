import { REPORT_FONT_WEIGHTS, reportFontMetrics } from '../charts/report-font.js';

let covered: ReadonlySet<number> | undefined;

/** Code points every bundled face draws (the subset `npm run fonts` wrote), read once per process. */
function coveredCodePoints(): ReadonlySet<number> {
  if (covered === undefined) {
    const [first, ...rest] = REPORT_FONT_WEIGHTS.map((w) => new Set(reportFontMetrics(w).codePoints));
    covered = new Set([...(first ?? [])].filter((cp) => rest.every((face) => face.has(cp))));
  }
  return covered;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The characters of `text` the report font cannot draw, each once, in order of first use: whole grapheme
 * clusters, so an emoji with its variation selector or skin tone is one entry. In the HTML and PDF they fall
 * back to a system font, and vanish where the reader's machine has none, so the consultant is told.
 */
export function uncoveredCharacters(text: string): string[] {
  const faces = coveredCodePoints();
  // Line breaks, tabs and other controls are layout, not glyphs.
  const uncovered = (char: string) => {
    const cp = char.codePointAt(0) ?? 0;
    return cp >= 0x20 && !faces.has(cp) && !/\p{Cc}/u.test(char);
  };
  // Segmenting is slow and a report is mostly covered text: first a cheap scan for any stray character.
  let any = false;
  for (const char of text) {
    if (uncovered(char)) {
      any = true;
      break;
    }
  }
  if (!any) return [];
  const found = new Set<string>();
  for (const { segment } of segmenter.segment(text)) {
    if (!found.has(segment) && Array.from(segment).some(uncovered)) found.add(segment);
  }
  return [...found];
}
