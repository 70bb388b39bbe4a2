import fc from 'fast-check';

/** Markup and template syntax a report renderer must print as text, never interpret. */
export const MARKUP_PAYLOADS = [
  '<script>alert(1)</script>',
  '{{constructor}}',
  '{{{constructor.constructor "alert(1)"}}}',
  '</style><style>body{display:none}</style>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE clients; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax a renderer must not evaluate.
  '${process.exit(1)}',
  '{{> partial}}',
  '&amp;&lt;&#x3C;',
] as const;

/** Client names made of path parts: the slug for the output folder must neutralise every one. */
export const PATH_PAYLOADS = [
  '../../etc',
  '/etc/passwd',
  'C:\\Windows',
  'CON',
  'nul.txt',
  'aux',
  'COM1',
  '..',
  '.',
  'a/../../b',
  '\\\\server\\share',
  '~/.ssh/id_rsa',
] as const;

/** Unicode that trips up width, direction, normalisation and encoding. */
const ODD_PIECES = [
  'שלום עולם', // right-to-left text
  'مرحبا',
  '\u202Eevil\u202C', // right-to-left override
  '\u2066isolate\u2069',
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\uFEFF', // BOM in the middle of text
  'e\u0301\u0301\u0301', // stacked combining marks
  'Z\u0351\u0352\u0353\u0354\u0355\u0356',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u0085', // next line (C1)
  '\u2028', // line separator
  '\r',
  '\t',
  'İstanbul ǅ ß ﬁ',
  '　', // ideographic space
  '"',
  "'",
  ': ',
  '#',
  '&a',
  '*a',
  '!!str',
  '%',
  '- ',
  '? ',
  '|',
  '>',
];

/** Short odd text: pieces of hostile Unicode, markup and path syntax glued together, or arbitrary code points. */
export function oddText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...MARKUP_PAYLOADS, ...PATH_PAYLOADS),
    fc
      .array(fc.oneof(fc.constantFrom(...ODD_PIECES), fc.string({ maxLength: 4 })), {
        minLength: 1,
        maxLength: 6,
      })
      .map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 24 }),
    fc.string({ unit: fc.constantFrom(...ODD_PIECES), maxLength: 8 }),
  );
}

/** Up to 2 million characters of one odd unit: cheap to build and to shrink (only the length shrinks). */
export function hugeText(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('x', 'é', '😀', '\u200B', ' ', 'a ', '\n'),
      fc.integer({ min: 1_000, max: 2_000_000 }),
    )
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));
}
