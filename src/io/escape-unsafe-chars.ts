/**
 * Control characters (they move the cursor, recolour or clear a terminal), line and paragraph separators
 * (editors break the line there), format characters (zero-width, direction overrides that reorder the rest
 * of the line, byte order marks: invisible in a message) and lone surrogates (not encodable as UTF-8).
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** Text from a user's file made safe to echo on one terminal line: each unsafe character as a `\uXXXX` escape. */
export function escapeUnsafeChars(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** `escapeUnsafeChars` for text of several lines: every unsafe character escaped but the line breaks. */
export function escapeUnsafeLines(text: string): string {
  return text.split('\n').map(escapeUnsafeChars).join('\n');
}
