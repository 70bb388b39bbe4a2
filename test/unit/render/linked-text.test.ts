import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkedText } from '../../../src/render/linked-text.js';

/** The text a reader sees (and copies): tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('linkedText', () => {
  it('makes each http(s) URL a link, leaving the sentence punctuation outside it', () => {
    const html = linkedText(
      'AWS list price (https://aws.amazon.com/ec2/pricing/on-demand/). See https://x.io.',
    );
    expect(html).toContain('<a href="https://aws.amazon.com/ec2/pricing/on-demand/">');
    expect(html).toContain('<a href="https://x.io">');
    expect(html).toMatch(/<\/a>\)\. See /);
    expect(html.endsWith('</a>.')).toBe(true);
  });

  it('lets a URL wrap only after a slash or before a dot, hyphen, underscore, query or fragment', () => {
    const html = linkedText('https://docs.cilium.io/en/stable/network_policy?x=1#top');
    expect(html).toBe(
      '<a href="https://docs.cilium.io/en/stable/network_policy?x&#x3D;1#top">https://docs<wbr>.cilium<wbr>.io/<wbr>' +
        'en/<wbr>stable/<wbr>network<wbr>_policy<wbr>?x<wbr>&#x3D;1<wbr>#top</a>',
    );
  });

  it('escapes markup around and inside URLs', () => {
    const html = linkedText('<b>"x"</b> https://a.b/<script> & more');
    expect(html).not.toMatch(/<(b|script)>/);
    expect(html).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    expect(html).toContain('&amp; more');
  });

  it('never changes the text a reader sees or copies, whatever it holds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.webUrl({ withQueryParameters: true, withFragments: true }),
            fc.constantFrom(' ', '(', ').', ', ', '<', '&'),
          ),
        ),
        (parts) => {
          const text = parts.join('');
          expect(visibleText(linkedText(text))).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives every link an href equal to the URL it shows', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const html = linkedText(`see ${url} here`);
        const [, href = '', shown = ''] = /<a href="([^"]*)">(.*?)<\/a>/.exec(html) ?? [];
        expect(visibleText(href)).toBe(visibleText(shown));
      }),
      { numRuns: 300 },
    );
  });
});
