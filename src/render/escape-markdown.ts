/**
 * User text inside Markdown: HTML-significant characters become entities (Markdown renderers pass raw
 * HTML through) and the characters that open emphasis, code, links or table cells are backslash-escaped,
 * so a client name renders as written.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}
