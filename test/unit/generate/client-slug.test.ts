import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientSlug, MAX_SLUG_LENGTH } from '../../../src/generate/client-slug.js';

const SAFE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

describe('clientSlug', () => {
  it.each([
    ['Acme Bank', 'acme-bank'],
    ['  ACME   Bank AG ', 'acme-bank-ag'],
    ['Société Générale', 'societe-generale'],
    ['Müller & Söhne GmbH', 'muller-sohne-gmbh'],
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\System32', 'c-windows-system32'],
    ['a.b..c', 'a-b-c'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['ﬁnance Ⅳ', 'finance-iv'],
    ['CON', 'con-client'],
    ['nul', 'nul-client'],
    ['Com1', 'com1-client'],
    ['LPT9', 'lpt9-client'],
    ['Console Ltd', 'console-ltd'],
  ])('%s → %s', (client, slug) => {
    expect(clientSlug(client)).toBe(slug);
  });

  it('gives names without Latin letters or digits a stable hash, different per name', () => {
    const a = clientSlug('株式会社');
    expect(a).toMatch(/^client-[0-9a-f]{8}$/);
    expect(clientSlug('株式会社')).toBe(a);
    expect(clientSlug('Банк')).not.toBe(a);
    expect(clientSlug('...')).toMatch(/^client-[0-9a-f]{8}$/);
  });

  it('cuts long names at a word boundary, and a single long word at the limit', () => {
    const long = clientSlug('The Very Long Name Of A Multinational Banking And Insurance Group Holding');
    expect(long).toBe('the-very-long-name-of-a-multinational-banking');
    expect(clientSlug('x'.repeat(500))).toBe('x'.repeat(MAX_SLUG_LENGTH));
  });

  it('is always a safe, bounded, non-reserved folder name, and a fixed point', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        (client) => {
          const slug = clientSlug(client);
          expect(slug).toMatch(SAFE);
          expect(slug.length).toBeGreaterThan(0);
          expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
          expect(slug).not.toMatch(RESERVED);
          expect(clientSlug(slug)).toBe(slug);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
