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
/** UTF-16 units either side of a character within which its grapheme cluster lies (emoji ZWJ sequences). */
const CLUSTER_REACH = 64;

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
  // Segmenting a whole report is slow (ICU's cost grows faster than the text), so only the few characters
  // around each uncovered one are segmented, to take the whole grapheme cluster it belongs to.
  const found = new Set<string>();
  let skipTo = 0;
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    if (i >= skipTo && uncovered(char)) {
      const from = Math.max(0, i - CLUSTER_REACH);
      const cluster = segmenter.segment(text.slice(from, i + CLUSTER_REACH)).containing(i - from);
      if (cluster !== undefined) {
        found.add(cluster.segment);
        skipTo = from + cluster.index + cluster.segment.length;
      }
    }
    i += char.length;
  }
  return [...found];
}
