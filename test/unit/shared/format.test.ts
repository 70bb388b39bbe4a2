import { describe, expect, it } from 'vitest';
import {
  chartMoney,
  formatQuantity,
  moneyStep,
  plural,
  roundThreshold,
  unitFor,
} from '../../../src/shared/format.js';

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

describe('rounding rules', () => {
  it('prints a threshold as the last value that keeps the recommendation or the first that changes it', () => {
    // A flip at 8,323.60 above today's 1,500: kept up to 8,323, changed from 8,324.
    expect(roundThreshold(8323.6, 1500, 1)).toBe(8323);
    expect(roundThreshold(8323.6, 1500, 1, 'changes')).toBe(8324);
    // Below today's value the sides swap.
    expect(roundThreshold(1.65, 3, 0.1)).toBe(1.7);
    expect(roundThreshold(1.65, 3, 0.1, 'changes')).toBe(1.6);
    // A threshold already on the step stays where it is.
    expect(roundThreshold(977, 1100, 1, 'changes')).toBe(977);
    expect(roundThreshold(0.3, 1, 0.1)).toBe(0.3);
    expect(Object.is(roundThreshold(0, 3, 0.1), 0)).toBe(true);
  });

  it('steps money thresholds at whole units from 100, at four significant digits below', () => {
    expect(moneyStep(8323.6)).toBe(1);
    expect(moneyStep(0.04048)).toBeCloseTo(0.00001, 12);
  });

  it('writes money in a chart exactly below 10,000 and compactly above', () => {
    expect(chartMoney(2772, 'EUR')).toBe('€2,772');
    expect(chartMoney(28_460, 'USD')).toBe('$28.5K');
    expect(chartMoney(1_234_567, 'USD')).toBe('$1.23M');
  });
});
