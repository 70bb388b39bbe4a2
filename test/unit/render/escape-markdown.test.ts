import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/render/escape-markdown.js';

/** What GitHub (cmark-gfm), marked and markdown-it with linkify turn into a link in plain text. */
const AUTOLINK = /\b(https?|ftp|mailto|xmpp):|\bwww\.|[\p{L}\p{N}]@[\p{L}\p{N}]|\p{L}\.\p{L}/iu;

describe('escapeMarkdown', () => {
  it.each([
    'Acme see http://evil.example/login',
    'HTTPS://evil.example',
    'or www.evil.example',
    'write to ceo@evil.example',
    'visit evil.com today',
    'mailto:someone',
  ])('leaves no bare URL, address or domain to autolink in %j (security review L7)', (name) => {
    const escaped = escapeMarkdown(name);
    expect(escaped).not.toMatch(AUTOLINK);
    // Each escape is a backslash before punctuation, which Markdown renders as the character itself.
    expect(escaped.replace(/\\(.)/g, '$1')).toBe(name);
  });

  it('keeps a bare ampersand for text pasted into a proposal, and escapes what would start HTML (minor 8)', () => {
    expect(escapeMarkdown('Zürcher Lebens- & Sachversicherung')).toBe('Zürcher Lebens- & Sachversicherung');
    expect(escapeMarkdown('AT&T')).toBe('AT&T');
    for (const name of ['Acme &amp; Co', 'Acme &#38; Co', '<b>Acme</b>', 'a > b']) {
      const escaped = escapeMarkdown(name);
      expect(escaped).not.toMatch(/(?<!\\)[<>]|(?<!\\)&(?=#?\w+;)/);
      expect(escaped.replace(/\\(.)/g, '$1')).toBe(name);
    }
  });

  it('leaves numbers and ordinary text as they are', () => {
    expect(escapeMarkdown('Costs 1,234.56 EUR: 3 clusters, 12.5 %')).toBe(
      'Costs 1,234.56 EUR: 3 clusters, 12.5 %',
    );
  });
});
