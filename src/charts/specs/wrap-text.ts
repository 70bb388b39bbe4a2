import { measureTextWidth } from '../text-metrics.js';

const NO_BREAK_SPACE = '\u00a0';

/**
 * Breaks `text` at spaces into lines no wider than `maxWidth` px in the report font, measured as Vega
 * will draw them; a single word longer than the line stays whole rather than being cut.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, fontWeight = 400): string[] {
  const width = (s: string) => measureTextWidth(s, fontSize, fontWeight);
  const space = width(' ');
  // Shaping a whole candidate line per word is quadratic and costs tens of milliseconds for a subtitle;
  // summing word widths is exact but for kerning across spaces, so only a near miss is shaped in full.
  const margin = fontSize / 2;
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  // "80 %" is one unit: the space before a percent sign (the report's style) must not break.
  const words = text.replace(/ %/g, `${NO_BREAK_SPACE}%`).split(/[ \t\r\n]+/);
  for (const word of words.filter((w) => w !== '')) {
    const wordWidth = width(word);
    if (line === '') {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    const candidate = `${line} ${word}`;
    const estimate = lineWidth + space + wordWidth;
    if (estimate <= maxWidth - margin || (estimate <= maxWidth + margin && width(candidate) <= maxWidth)) {
      line = candidate;
      lineWidth = estimate;
    } else {
      lines.push(line);
      line = word;
      lineWidth = wordWidth;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
