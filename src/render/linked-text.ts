/** An http(s) URL inside prose: up to whitespace, without trailing punctuation that closes the sentence. */
const URL_PATTERN = /https?:\/\/[^\s<>"]+?(?=[).,;:]*(?:\s|$))/g;

/**
 * Text as HTML in which every http(s) URL is a link, and a long URL may wrap only where a reader expects it:
 * after a slash, or before a dot, hyphen, underscore, query or fragment (the Chicago Manual's rule), so a
 * URL copied from a narrow column is not cut mid-word. Everything is escaped; only `<a>` and `<wbr>` are
 * added.
 */
export function linkedText(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0];
    const start = match.index;
    html += escapeHtml(text.slice(last, start));
    html += `<a href="${escapeHtml(url)}">${breakableUrl(url)}</a>`;
    last = start + url.length;
  }
  return html + escapeHtml(text.slice(last));
}

function breakableUrl(url: string): string {
  const scheme = /^https?:\/\//.exec(url)?.[0] ?? '';
  const rest = url.slice(scheme.length);
  return (
    escapeHtml(scheme) +
    rest
      .split(/(?<=\/)|(?=[.\-_?#&=])/)
      .map(escapeHtml)
      .join('<wbr>')
  );
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"'`=]/g,
    (c) =>
      ({
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&#x27;',
        '`': '&#x60;',
        '=': '&#x3D;',
      })[c] ?? c,
  );
}
