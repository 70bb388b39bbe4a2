import { describe, expect, it } from 'vitest';
import { exampleAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

describe('why a group of an estate stays on its CNI', () => {
  it('reads as a sentence on the stay path, whose short name is no subject', () => {
    const { result } = reportSources(exampleAnswers('eks-plus-onprem'));
    const stay = result.options.find((o) => o.keepsCurrentCni);
    const reasons = (stay?.groups ?? []).map((g) => g.staysBecause).filter((s) => s !== null);
    expect(reasons).toEqual(['RKE2 on premises keeps Canal, as this path keeps the CNI each group runs.']);
    for (const option of result.options)
      for (const group of option.groups ?? []) expect(group.staysBecause ?? '').not.toMatch(/current CNI/);
  });
});

describe('a path ruled out in an estate whose groups differ', () => {
  it('names the groups that lack the must, and only those', () => {
    const { result } = reportSources(exampleAnswers('eks-plus-onprem'));
    const ruledOut = result.options.flatMap((o) => o.because.filter((b) => b.kind === 'ruled-out'));
    expect(ruledOut.length).toBeGreaterThan(0);
    for (const reason of ruledOut) {
      expect(reason.params).toMatchObject({ groups: ['EKS in eu-central-1'] });
      expect(reason.text).toMatch(/ cannot provide vendor support on EKS in eu-central-1, a must: /);
    }
  });
});

describe('what staying as today misses', () => {
  it('counts two unmet musts as both', () => {
    const { result } = reportSources(exampleAnswers('eks-plus-onprem'));
    expect(result.baseline.unmetMusts).toHaveLength(2);
    expect(result.baseline.description).toMatch(
      /; it misses network observability and historical flow retention, both musts$/,
    );
  });
});
