import { describe, expect, it } from 'vitest';
import { salvageDraft } from '../../../src/questionnaire/salvage-draft.js';

describe('salvageDraft', () => {
  it('keeps every answer valid on its own, drops the rest and unknown keys', () => {
    const draft = salvageDraft({
      version: 1,
      engagement: { client: null, currency: 'EUR', horizonYears: 42 },
      cluster: { nodes: 240, clouds: ['aws', 'aws'], colour: 'blue' },
      mesh: { current: 'istio', sidecars: 2400 },
      needs: { encryption: 'must', l7Policy: 'maybe' },
      typo: { x: 1 },
    });
    expect(draft).toEqual({
      engagement: { currency: 'EUR' },
      cluster: { nodes: 240 },
      mesh: { current: 'istio', sidecars: 2400 },
      needs: { encryption: 'must' },
    });
  });

  it('keeps answers that only clash with others, for the interview to ask again', () => {
    expect(salvageDraft({ cluster: { nodes: 1, podsPerNode: 1 }, mesh: { sidecars: 50 } })).toEqual({
      cluster: { nodes: 1, podsPerNode: 1 },
      mesh: { sidecars: 50 },
    });
  });

  it.each([null, 'text', [1, 2], 7])('finds nothing in %j', (data) => {
    expect(salvageDraft(data)).toEqual({});
  });
});
