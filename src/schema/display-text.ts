const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * Names and footers go on the report, into file names and onto a terminal. A newline or an escape sequence
 * would break the one-line table or recolour the terminal, a direction override would reorder the text, and
 * a name of only zero-width characters would show as nothing.
 */
export const isDisplayText = (s: string) => !UNPRINTABLE.test(s) && (s === '' || VISIBLE.test(s));

export const DISPLAY_TEXT =
  'one line of visible text (no control characters, direction overrides or unpaired surrogates)';
