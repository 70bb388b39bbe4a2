import { measureTextWidth } from '../text-metrics.js';

const NO_BREAK_SPACE = '\u00a0';

/**
 * Breaks `text` at spaces into lines no wider than `maxWidth` px in the report font, measured as Vega
 * will draw them; a single word longer than the line stays whole rather than being cut.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, fontWeight = 400): string[] {
  const lines: string[] = [];
  let line = '';
  // "80 %" is one unit: the space before a percent sign (the report's style) must not break.
  const words = text.replace(/ %/g, `${NO_BREAK_SPACE}%`).split(/[ \t\r\n]+/);
  for (const word of words.filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measureTextWidth(candidate, fontSize, fontWeight) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
