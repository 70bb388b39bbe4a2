/**
 * User text inside Markdown: HTML-significant characters become entities (Markdown renderers pass raw
 * HTML through) and the characters that open emphasis, code, links or table cells are backslash-escaped,
 * so a client name renders as written.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
      // GitHub, marked and markdown-it's linkify turn `http://…`, `www.…`, `a@b.example` and bare domains such
      // as `evil.com` into live links; an escaped `:`, `@` or `.` renders as itself but breaks each pattern.
      .replace(/\b(https?|ftp|mailto|xmpp):/giu, '$1\\:')
      .replace(/(?<=[\p{L}\p{N}])@|(?<=\p{L})\.(?=\p{L})/gu, (c) => `\\${c}`)
  );
}
