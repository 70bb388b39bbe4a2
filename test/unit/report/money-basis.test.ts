import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../src/report/build-report-model.js';
import { exampleAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

function methodologyOf(example: string): string {
  return buildReportModel(reportSources(exampleAnswers(example), { draws: 50 })).methodology.paragraphs.join(
    '\n',
  );
}

describe('the methodology on the money’s basis', () => {
  it('names the rate and its month, the fleet’s upkeep for this client and what ambient mode adds', () => {
    const text = methodologyOf('regulated-bank');
    expect(text).toMatch(
      /converted at [\d.]+ EUR per USD: the European Central Bank’s reference rates, averaged over \w+ \d{4}/,
    );
    expect(text).toMatch(
      /each further cluster 30 % of it \(an estimate, drawn from 15 % to 60 % in the simulation\)/,
    );
    expect(text).toMatch(/For this client’s 6 clusters that is the upkeep of 2\.5 clusters, not 6\./);
    expect(text).toMatch(
      /shares its control plane \(istiod\), so it adds about 3 engineer-hours a cluster-month/,
    );
    expect(text).not.toMatch(/fleetMarginalClusterShare|istio-ambient|\.yaml/);
  });

  it('converts nothing in US dollars and has no fleet to explain for one cluster', () => {
    const text = methodologyOf('small-team-basic');
    expect(text).toContain('Every figure is in US dollars');
    expect(text).not.toContain('run as a fleet');
  });
});
