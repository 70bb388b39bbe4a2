import { describe, expect, it } from 'vitest';
import { exampleAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

describe('why a group of an estate stays on its CNI', () => {
  it('reads as a sentence on the stay path, whose short name is no subject', () => {
    const { result } = reportSources(exampleAnswers('eks-plus-onprem'));
    const stay = result.options.find((o) => o.keepsCurrentCni);
    const reasons = (stay?.groups ?? []).map((g) => g.staysBecause).filter((s) => s !== null);
    expect(reasons).toEqual(['RKE2 on premises stays on Canal, which this path keeps as it is.']);
    for (const option of result.options)
      for (const group of option.groups ?? []) expect(group.staysBecause ?? '').not.toMatch(/current CNI/);
  });
});
