import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../../src/shared/did-you-mean.js';

describe('didYouMean', () => {
  const keys = ['clusters', 'nodes', 'podsPerNode', 'services', 'clouds'];

  it.each([
    ['nodse', 'nodes'],
    ['Nodes', 'nodes'],
    ['podPerNode', 'podsPerNode'],
    ['service', 'services'],
    ['cluster', 'clusters'],
  ])('suggests %s → %s', (input, expected) => {
    expect(didYouMean(input, keys)).toBe(expected);
  });

  it('prefers the candidate with the longer shared prefix on a tie', () => {
    expect(didYouMean('azr', ['aws', 'azure'])).toBe('azure');
  });

  it.each(['x', 'foo', 'latency', 'zzzzzzzz'])('suggests nothing for the unrelated %s', (input) => {
    expect(didYouMean(input, keys)).toBeUndefined();
  });
});
