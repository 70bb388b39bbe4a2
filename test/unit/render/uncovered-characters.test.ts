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
});
