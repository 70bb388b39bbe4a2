/**
 * Text as the inside of a CSS double-quoted string. Everything but letters, digits and spaces becomes a hex
 * escape, so no text can close the string or the style sheet, whatever it holds.
 */
export function cssString(text: string): string {
  let out = '';
  for (const char of text) {
    if (/^[A-Za-z0-9 ]$/.test(char)) out += char;
    else out += `\\${(char.codePointAt(0) ?? 0).toString(16)} `;
  }
  return out;
}
