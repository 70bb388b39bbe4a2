import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { exactly, makeDataset } from '../../helpers/make-dataset.js';

describe('makeDataset', () => {
  it('is the shipped data but for what the test states, merged key by key', () => {
    const shipped = defaultDataset();
    const made = makeDataset({
      set: {
        costs: { engineerCostPerYear: exactly(100_000) },
        model: { ipvsDefaultOff: { month: '2031-01' } },
      },
      options: { flannel: { name: 'Flannel (test)' } },
    });
    expect(made.costs.engineerCostPerYear).toMatchObject({ low: 100_000, likely: 100_000, high: 100_000 });
    expect(made.costs.engineerCostPerYear.source).toBe(shipped.costs.engineerCostPerYear.source);
    expect(made.model.ipvsDefaultOff).toEqual({ ...shipped.model.ipvsDefaultOff, month: '2031-01' });
    expect(made.options.find((o) => o.id === 'flannel')?.name).toBe('Flannel (test)');
    expect(made.options.map((o) => o.id)).toEqual(shipped.options.map((o) => o.id));
    expect(made.platforms).toEqual(shipped.platforms);
  });

  it('refuses data that could not ship: the schema and its cross-file checks run', () => {
    expect(() => makeDataset({ set: { costs: { engineerCostPerYear: exactly(-1) } } })).toThrow(
      /engineerCostPerYear/,
    );
    expect(() => makeDataset({ options: { flannel: { colour: '#fffff' } } })).toThrow(/colour/);
    expect(() => makeDataset({ options: { 'no-such-option': { name: 'x' } } })).toThrow(
      'makeDataset: no options entry no-such-option',
    );
  });
});
