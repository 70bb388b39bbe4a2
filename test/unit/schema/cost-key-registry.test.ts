import { describe, expect, it } from 'vitest';
import { PARAMETER_LABELS } from '../../../src/charts/specs/parameter-labels.js';
import { loadDataset } from '../../../src/io/load-dataset.js';
import {
  ASSUMPTION_KEYS,
  COST_KEY_REGISTRY,
  COST_KEYS,
  costKeyDescriptions,
} from '../../../src/schema/assumption-keys.js';

describe('the cost-key registry', () => {
  it('gives every key the data costs a description, a label, a unit kind and words for running text', () => {
    expect(Object.keys(loadDataset().costs).sort()).toEqual([...COST_KEYS].sort());
    for (const key of COST_KEYS) {
      const entry = COST_KEY_REGISTRY[key];
      expect(entry.description).toMatch(/^[A-Z].*\.$/);
      expect(entry.label.length).toBeLessThanOrEqual(36);
      expect(entry.inText).toMatch(/^the [a-zA-Z]/);
      expect(costKeyDescriptions[key]).toBe(entry.description);
      expect(PARAMETER_LABELS[key]).toEqual({ name: entry.label, kind: entry.kind, unit: entry.unit });
    }
  });

  it('opens to the answers file exactly the keys not answered elsewhere (the sidecar’s size is a mesh answer)', () => {
    expect(COST_KEYS.filter((k) => !(ASSUMPTION_KEYS as readonly string[]).includes(k))).toEqual([
      'sidecarCpuMillicores',
      'sidecarMemoryMiB',
    ]);
  });
});
