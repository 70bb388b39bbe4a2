import { beforeAll, describe, expect, it } from 'vitest';
import { formatScoreTable } from '../../../src/cli/format-score-table.js';
import { buildDeckModel } from '../../../src/deck/build-deck-model.js';
import { loadReportTemplates } from '../../../src/io/load-report-templates.js';
import { renderReportHtml } from '../../../src/render/render-report-html.js';
import { renderReportMarkdown } from '../../../src/render/render-report-markdown.js';
import type { ReportTemplates } from '../../../src/render/report-templates.js';
import { buildReportModel } from '../../../src/report/build-report-model.js';
import { formatMoney } from '../../../src/shared/format.js';
import { exampleAnswers, makeAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

const EXAMPLES = ['small-team-basic', 'scaleup-sidecar-cost', 'regulated-bank', 'design-sample'] as const;

let templates: ReportTemplates;
beforeAll(async () => {
  templates = await loadReportTemplates();
});

/** The headline is the median of the simulated totals in every output: cover, summary, tables, deck and score. */
describe('one basis for the headline figure', () => {
  it.each(EXAMPLES)('%s: every output leads with the median, and the median is the simulated P50', (name) => {
    const sources = reportSources(exampleAnswers(name));
    const { result } = sources;
    const winner = result.options.find((o) => o.id === result.recommendation.option);
    if (winner === undefined) throw new Error('no winner');
    expect(winner.tco.median).toBe(winner.tco.p50);
    expect(winner.tco.median).toBe(result.monteCarlo.options.find((o) => o.id === winner.id)?.p50);
    expect(winner.tco.likely).toBe(winner.tco.total);
    expect(winner.tco.p10).toBeLessThanOrEqual(winner.tco.median);
    expect(winner.tco.median).toBeLessThanOrEqual(winner.tco.p90);
    const median = formatMoney(winner.tco.median, result.currency.code);
    const model = buildReportModel(sources);
    expect(model.summary.keyFigures[0]?.value).toBe(median);
    expect(model.summary.headline).toContain(`a median ${median}`);
    const row = model.tco.comparison.find((c) => c.option === winner.name);
    expect(row?.total).toBe(median);
    const html = renderReportHtml(sources, templates);
    const cover = html.slice(html.indexOf('class="cover-verdict"'), html.indexOf('class="cover-meta"'));
    expect(cover).toContain(median);
    expect(renderReportMarkdown(sources, { charts: null, html: true, pdf: true })).toContain(
      `a median ${median}`,
    );
    const deck = buildDeckModel(sources, model);
    expect(JSON.stringify(deck.slides)).toContain(median);
    const table = formatScoreTable(result);
    const line = table.split('\n').find((l) => l.includes(winner.name) && /^\s+\d\s/.test(l));
    expect(line).toContain(median);
    // Staying as today is on the same basis.
    expect(result.baseline.tco.median).toBe(result.monteCarlo.baseline?.p50);
    expect(winner.tco.medianSavingsVsBaseline).toBe(result.baseline.tco.median - winner.tco.median);
  });
});

/** Staying can cost more than today when add-ons fill what today lacks: the headline says what they add. */
describe('a recommendation to stay that adds what today lacks', () => {
  it.each([
    ['eks-plus-onprem', true],
    ['small-team-basic', false],
  ] as const)(
    '%s: the headline names what it lacks when today misses a must, else what is added',
    (name, adds) => {
      const sources = reportSources(exampleAnswers(name));
      const { result } = sources;
      expect(result.recommendation.option).toBe(result.recommendation.change.incumbent);
      const headline = buildReportModel(sources).summary.headline;
      expect(result.baseline.unmetMusts.length > 0).toBe(adds);
      if (adds) {
        expect(headline).toContain(
          `keeping what the clusters run today, ${result.recommendation.name}, and adding what it lacks, network observability and historical flow retention,`,
        );
      } else {
        expect(headline).toContain(
          "keeping what the clusters run today, Flannel, and adding kube-network-policies (the NetworkPolicy controller shipped in Flannel's chart), for",
        );
      }
    },
  );

  it('names a single kept CNI by itself, not as the path "with add-ons" that then adds', () => {
    const answers = makeAnswers({
      cluster: { currentCni: 'calico', nodes: 60, clusters: 2 },
      compliance: { flowLogRetentionDays: 90 },
      needs: { observability: 'must' },
      priorities: { cost: 2, capability: 3, risk: 5, simplicity: 5 },
    });
    const sources = reportSources(answers);
    const { result } = sources;
    const headline = buildReportModel(sources).summary.headline;
    expect(result.recommendation.option).toBe('keep-current');
    expect(result.recommendation.name).toBe('Calico with add-ons');
    expect(headline).toContain('keeping what the clusters run today, Calico, and adding what it lacks,');
  });
});
