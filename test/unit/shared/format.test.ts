import { describe, expect, it } from 'vitest';
import { formatQuantity, plural, unitFor } from '../../../src/shared/format.js';

describe('counts read correctly', () => {
  it('says "1 day", "2 days" and "1.5 days"', () => {
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(2, 'day')).toBe('2 days');
    expect(plural(1.5, 'day')).toBe('1.5 days');
    expect(plural(0, 'sidecar')).toBe('0 sidecars');
  });

  it('matches a data unit to the value as shown', () => {
    expect(formatQuantity(1, 'days per engineer per new add-on', 'EUR')).toEqual({
      value: '1',
      unit: 'day per engineer per new add-on',
    });
    // Shown as "1", read as one.
    expect(formatQuantity(1.0001, 'days per engineer', 'EUR').unit).toBe('day per engineer');
    expect(formatQuantity(2, 'days per engineer', 'EUR').unit).toBe('days per engineer');
    expect(formatQuantity(1, 'share of team time (0 to 1)', 'EUR').unit).toBe('share of team time (0 to 1)');
    expect(unitFor(1, 'EUR per node-year')).toBe('EUR per node-year');
  });
});
