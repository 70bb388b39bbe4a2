import { describe, expect, it } from 'vitest';
import { formatScoreTable } from '../../../src/cli/format-score-table.js';
import { buildDeckModel } from '../../../src/deck/build-deck-model.js';
import { renderReportMarkdown } from '../../../src/render/render-report-markdown.js';
import { buildReportModel } from '../../../src/report/build-report-model.js';
import { makeAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

/** A client on its provider's managed Cilium, with a must today's set-up misses (so every path adds something). */
function onManagedCilium(platform: 'gke' | 'aks', cloud: 'gcp' | 'azure') {
  return makeAnswers({
    cluster: {
      clusters: 3,
      nodes: 180,
      clouds: [cloud],
      currentCni: 'cilium',
      platforms: [platform],
      kubeProxyMode: 'none',
    },
    compliance: { flowLogRetentionDays: 30 },
    needs: { networkPolicy: 'must', observability: 'should' },
  });
}

/** Every sentence the client reads of what runs today: result, report, Markdown, deck, terminal. */
function everyOutput(sources: ReturnType<typeof reportSources>) {
  const model = buildReportModel(sources);
  const deck = buildDeckModel(sources, model);
  return [
    sources.result.baseline.description,
    model.tco.baselineNote,
    model.summary.judgement.change,
    JSON.stringify(model.situation),
    JSON.stringify(model.migration),
    renderReportMarkdown(sources, { charts: null, html: false, pdf: false }),
    JSON.stringify(deck),
    formatScoreTable(sources.result),
  ].join('\n');
}

describe('what runs today is named by the provider’s offer', () => {
  it.each([
    ['gke', 'gcp', 'GKE Dataplane V2'],
    ['aks', 'azure', 'Azure CNI Powered by Cilium'],
  ] as const)('on %s (%s), staying keeps %s, in every output', (platform, cloud, offer) => {
    const sources = reportSources(onManagedCilium(platform, cloud), { draws: 100 });
    const { baseline } = sources.result;
    expect(baseline.runsToday).toEqual([{ group: null, cni: 'cilium', name: offer }]);
    expect(baseline.description).toMatch(new RegExp(`^${offer} kept as it is, nothing added`));
    const model = buildReportModel(sources);
    expect(model.tco.baselineNote).toContain(`“Today, unchanged” is ${offer} kept as it is`);
    expect(model.situation.groups[0]?.rows).toContainEqual({ label: 'CNI today', value: offer });
    const text = everyOutput(sources);
    expect(text).toContain(`${offer} kept as it is`);
    expect(text).toContain(`moving 180 nodes off ${offer} is a data-plane migration`);
    // With the offer's own name taken out, the project's name is never what is kept or left.
    expect(text.replaceAll(offer, 'the offer')).not.toMatch(
      /Cilium kept as|Staying on Cilium|from Cilium|Migration path: Cilium|off Cilium/,
    );
  });

  it('the stay on Google’s Cilium is Google’s to upgrade, not the Cilium project’s upgrade rules', () => {
    const sources = reportSources(onManagedCilium('gke', 'gcp'), { draws: 100 });
    const plan = sources.result.migrationPlan;
    expect(sources.result.recommendation.option).toBe(sources.result.baseline.option);
    expect(plan.title).toBe('Stay on GKE Dataplane V2');
    expect(plan.source).toContain('cloud.google.com/kubernetes-engine');
    expect(plan.caveats.map((c) => c.text).join(' ')).not.toContain('consecutive minor releases');
    const deck = buildDeckModel(sources, buildReportModel(sources));
    expect(deck.slides.map((s) => s.title)).toContain('Stay on GKE Dataplane V2');
  });

  it('a self-managed Cilium keeps the project’s name and its own upgrade path', () => {
    const answers = makeAnswers({
      cluster: { currentCni: 'cilium', platforms: ['self-managed'], clouds: ['on-prem'] },
    });
    const sources = reportSources(answers, { draws: 100 });
    expect(sources.result.baseline.runsToday).toEqual([{ group: null, cni: 'cilium', name: 'Cilium' }]);
    expect(sources.result.baseline.description).toMatch(/^Cilium kept as it is/);
  });
});

describe('an estate with a group on a managed Cilium', () => {
  it('says each group’s stay and move by its provider’s name', () => {
    const group = (name: string, platform: string, clouds: string[], currentCni: string) => ({
      name,
      platform,
      clouds,
      clusters: 2,
      nodes: 60,
      currentCni,
    });
    const answers = makeAnswers({
      cluster: {
        groups: [
          group('GKE in europe-west3', 'gke', ['gcp'], 'cilium'),
          group('Talos on premises', 'talos', ['on-prem'], 'flannel'),
        ],
      },
    });
    const { result } = reportSources(answers, { draws: 100 });
    expect(result.baseline.runsToday.map((t) => t.name)).toEqual(['GKE Dataplane V2', 'Flannel']);
    expect(result.baseline.description).toMatch(
      /^GKE Dataplane V2 on GKE in europe-west3 and Flannel on Talos on premises kept as they are/,
    );
    const flannel = result.options.find((o) => o.id === 'flannel');
    const stays = (flannel?.groups ?? []).map((g) => g.staysBecause).filter((s) => s !== null);
    expect(stays).toHaveLength(1);
    expect(stays[0]).toMatch(/, so GKE in europe-west3 stays on GKE Dataplane V2\.$/);
  });
});
