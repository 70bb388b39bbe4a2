import { describe, expect, it } from 'vitest';
import { uncoveredCharacters } from '../../../src/render/uncovered-characters.js';

describe('uncoveredCharacters', () => {
  it('finds nothing in Western-European text, figures and the report’s own symbols', () => {
    expect(uncoveredCharacters('Zoë’s Café Logística · €1,200 – 5 % ≤ 10 → ok\n\t“Ünïcødé” ™')).toEqual([]);
  });

  it('names each emoji or other script once, in order of first use, as whole characters', () => {
    expect(uncoveredCharacters('Café 🚀 日本 🚀 👍🏽 ok')).toEqual(['🚀', '日', '本', '👍🏽']);
  });

  it('keeps an emoji with its variation selector as one character', () => {
    expect(uncoveredCharacters('I ❤️ k8s')).toEqual(['❤️']);
  });

  it('handles a whole report’s length: only the text around a stray character is segmented', () => {
    const report = `${'<p>Cilium OSS and Flannel</p>'.repeat(12_000)}🚀${'x'.repeat(50_000)}👍🏽`;
    expect(uncoveredCharacters(report)).toEqual(['🚀', '👍🏽']);
  });
});
