import { describe, expect, it } from 'vitest';
import { reportViolations } from './harness/report-target.js';

describe('reportViolations (the report target’s own check can fail)', () => {
  const page = (body: string) => `<html><head></head><body>${body}</body></html>`;

  it('flags a client name that reached the HTML as markup', () => {
    const client = '<b onclick=x>Acme</b>';
    expect(reportViolations({ client, html: page(`<p>${client}</p>`), markdown: '' })).toContain(
      'the client name is not in the HTML as escaped text',
    );
  });

  it('flags script, and numbers lost on the way', () => {
    const found = reportViolations({
      client: 'Acme',
      html: page('<p>Acme</p><script>x</script>'),
      markdown: 'cost NaN',
    });
    expect(found).toEqual(['active content in the HTML', 'Markdown shows NaN']);
  });

  it('accepts an escaped name in a clean page', () => {
    expect(
      reportViolations({ client: 'A & <B>', html: page('<p>A &amp; &lt;B&gt;</p>'), markdown: 'A' }),
    ).toEqual([]);
  });
});
