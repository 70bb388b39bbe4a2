import fc from 'fast-check';

/** A change to the bytes of a file that no YAML-aware edit makes. Plain data, so counterexamples print. */
export type TextEdit =
  | { kind: 'bom' }
  | { kind: 'crlf' }
  | { kind: 'cr' }
  | { kind: 'tabs'; at: number }
  | { kind: 'splice'; at: number; cut: number; insert: string }
  | { kind: 'truncate'; at: number };

/** Text edits: BOM, Windows and old-Mac line endings, tab indentation, random splices and truncation. */
export function textEdit(): fc.Arbitrary<TextEdit> {
  const at = fc.nat();
  return fc.oneof(
    fc.constant({ kind: 'bom' as const }),
    fc.constant({ kind: 'crlf' as const }),
    fc.constant({ kind: 'cr' as const }),
    fc.record({ kind: fc.constant('tabs' as const), at }),
    fc.record({
      kind: fc.constant('splice' as const),
      at,
      cut: fc.nat(12),
      insert: fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom(
          ': ',
          '\n',
          '\t',
          '- ',
          '[',
          '{',
          '&x ',
          '*x',
          '!!binary ',
          '"',
          '|\n',
          '---\n',
          '\u0000',
        ),
      ),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at }),
  );
}

export function applyTextEdit(text: string, edit: TextEdit): string {
  const spot = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (edit.kind) {
    case 'bom':
      return `\uFEFF${text}`;
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'tabs': {
      // Indentation on one line, picked by `at`, becomes a tab: the mistake an editor without YAML support makes.
      const lines = text.split('\n');
      const indented = lines.flatMap((line, i) => (/^ +\S/.test(line) ? [i] : []));
      const line = indented[edit.at % Math.max(1, indented.length)];
      if (line !== undefined) lines[line] = (lines[line] ?? '').replace(/^ +/, '\t');
      return lines.join('\n');
    }
    case 'splice': {
      const from = spot(edit.at);
      return text.slice(0, from) + edit.insert + text.slice(from + edit.cut);
    }
    case 'truncate':
      return text.slice(0, spot(edit.at));
  }
}
