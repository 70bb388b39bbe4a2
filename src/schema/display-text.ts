/**
 * Control characters, unpaired surrogates, line and paragraph separators, and format characters (\p{Cf}: the
 * direction marks, overrides and isolates, zero-width space, word joiner, byte order mark, soft hyphen, tag
 * characters) except the two joiners, which Persian, the Indic scripts and emoji sequences need.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]|(?![\u200c\u200d])\p{Cf}/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * Names and footers go on the report, into file names and onto a terminal. A newline or an escape sequence
 * would break the one-line table or recolour the terminal, a direction override or mark would reorder the
 * text, an invisible character would make two names that look the same differ (`Acme` and `Acme` with a
 * zero-width space get one slug and two reports), and a name of only zero-width characters would show as
 * nothing.
 */
export const isDisplayText = (s: string) => !UNPRINTABLE.test(s) && (s === '' || VISIBLE.test(s));

export const DISPLAY_TEXT =
  'one line of visible text (no control characters, direction marks or overrides, invisible characters such as zero-width spaces, or unpaired surrogates)';
