/**
 * User text inside Markdown: the characters that open raw HTML, emphasis, code, links or table cells are
 * backslash-escaped (CommonMark renders `\<` as `<`), so a client name renders as written; report.md is
 * also pasted into proposals as plain text, so a bare `&` stays as it is (`Lebens- & Sach…`, not `&amp;`)
 * and only one that would start an entity (`&amp;`, `&#38;`) is escaped.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(/[\\`*_[\]|~<>]|&(?=#?[\p{L}\p{N}]+;)/gu, (c) => `\\${c}`)
      // GitHub, marked and markdown-it's linkify turn `http://…`, `www.…`, `a@b.example` and bare domains such
      // as `evil.com` into live links; an escaped `:`, `@` or `.` renders as itself but breaks each pattern.
      .replace(/\b(https?|ftp|mailto|xmpp):/giu, '$1\\:')
      .replace(/(?<=[\p{L}\p{N}])@|(?<=\p{L})\.(?=\p{L})/gu, (c) => `\\${c}`)
  );
}
