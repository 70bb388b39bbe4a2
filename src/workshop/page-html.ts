/**
 * The page's HTML: a shell the script fills from the questionnaire. No inline script or style, so the
 * Content-Security-Policy can forbid both.
 */
export function pageHtml(title: string): string {
  const safe = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${safe}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="page.css">
<script src="page.js" defer></script>
</head>
<body>
<noscript>The workshop page needs JavaScript; the terminal interview (cnireport interview) does not.</noscript>
<div id="app" aria-busy="true">Loading the questionnaire…</div>
</body>
</html>
`;
}

/** The page's own policy: its script, style and API only; nothing inline, nothing from elsewhere. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A generated report opened from the page: it inlines its styles, fonts and charts and runs no script, so it
 * gets those and nothing else, sandboxed.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "frame-ancestors 'none'",
  'sandbox',
].join('; ');
