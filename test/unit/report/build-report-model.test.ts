import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { buildReportModel } from '../../../src/report/build-report-model.js';
import { exampleAnswers, makeAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

const EXAMPLES = ['small-team-basic', 'scaleup-sidecar-cost', 'regulated-bank', 'design-sample'] as const;

describe('buildReportModel', () => {
  it.each(EXAMPLES)('%s: the summary names the engine’s recommendation and its TCO', (name) => {
    const sources = reportSources(exampleAnswers(name));
    const model = buildReportModel(sources);
    const rec = sources.result.recommendation;
    const winner = sources.result.options.find((o) => o.id === rec.option);
    expect(model.summary.optionName).toBe(rec.name);
    // A stay that adds to a single CNI names the CNI kept and what it adds, not the path's "(with add-ons)".
    const [kept, ...others] = sources.result.baseline.runsToday;
    const addsToOne =
      rec.option === sources.result.baseline.option && others.length === 0 && kept !== undefined;
    expect(model.summary.headline).toContain(
      addsToOne && winner?.stack.addons.some((a) => a.isNew)
        ? `run today, ${kept.name}, and adding`
        : rec.name,
    );
    expect(model.summary.keyFigures[0]?.value).toBe(
      new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: sources.result.currency.code,
        maximumFractionDigits: 0,
      }).format(winner?.tco.median ?? Number.NaN),
    );
    expect(winner?.tco.median).toBe(winner?.tco.p50);
    expect(model.summary.reasons.length).toBeGreaterThanOrEqual(1);
    expect(model.summary.reasons.length).toBeLessThanOrEqual(5);
  });

  it.each(EXAMPLES)('%s: no value in the model is empty text, undefined, NaN or Infinity', (name) => {
    const model = buildReportModel(reportSources(exampleAnswers(name)));
    const bad: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (value === undefined) bad.push(`${path} is undefined`);
      else if (typeof value === 'number' && !Number.isFinite(value)) bad.push(`${path} = ${value}`);
      else if (typeof value === 'string' && /NaN|Infinity|undefined/.test(value))
        bad.push(`${path} = ${value}`);
      else if (Array.isArray(value)) for (const [i, v] of value.entries()) visit(v, `${path}[${i}]`);
      else if (typeof value === 'object' && value !== null)
        for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
    };
    visit(model, 'model');
    expect(bad).toEqual([]);
  });

  it('rows of the TCO table add up to the totals the engine reports', () => {
    const sources = reportSources(exampleAnswers('regulated-bank'));
    const model = buildReportModel(sources);
    const parse = (s: string) => Number(s.replace(/[^0-9-]/g, ''));
    for (const row of model.tco.byCategory) {
      const sum = row.cells.map(parse).reduce((a, b) => a + b, 0);
      expect(sum).toBe(parse(row.total));
    }
  });

  it('discloses the placeholder Isovalent price in the client’s words until the client sets it', () => {
    const withDefault = buildReportModel(reportSources(makeAnswers()));
    expect(withDefault.summary.placeholderWarning).toContain('an indicative price; no vendor quote yet');
    expect(withDefault.summary.placeholderWarning).not.toMatch(/assumptions\.|[Rr]eplace it/);
    const basis = withDefault.assumptions.rows.find((r) => r.key === 'isovalentPricePerNodeYear')?.kind;
    expect(basis).toBe('indicative, no quote yet');
    const quoted = buildReportModel(
      reportSources(makeAnswers({ assumptions: { isovalentPricePerNodeYear: 1200 } })),
    );
    expect(quoted.summary.placeholderWarning).toBeNull();
    const row = quoted.assumptions.rows.find((r) => r.key === 'isovalentPricePerNodeYear');
    expect(row?.overridden).toBe(true);
    expect(row?.origin).toBe('client override');
  });

  it('opens the summary with the placeholder warning only where the placeholder can sway the decision', () => {
    const bank = buildReportModel(reportSources(exampleAnswers('regulated-bank')));
    expect(bank.summary.placeholderMatters).toBe(true);
    const bakery = buildReportModel(reportSources(exampleAnswers('small-team-basic')));
    expect(bakery.summary.placeholderWarning).not.toBeNull();
    expect(bakery.summary.placeholderMatters).toBe(false);
  });

  it('works the sidecar tax through only when sidecars run today', () => {
    const none = buildReportModel(reportSources(makeAnswers()));
    expect(none.sidecar.applies).toBe(false);
    expect(none.sidecar.steps).toEqual([]);
    // No chapter of one sentence for a client with no sidecars: it is left out and the chapters after it move up.
    expect(none.contents.map((c) => c.id)).not.toContain('sidecar');
    expect(none.contents.map((c) => c.number)).toEqual(none.contents.map((_, i) => String(i + 1)));
    expect(none.chapter.sensitivity?.number).toBe('6');
    const mesh = buildReportModel(
      reportSources(
        makeAnswers({
          cluster: { nodes: 100 },
          mesh: { current: 'istio', sidecars: 1000, sidecarCpuMillicores: 100 },
        }),
      ),
    );
    expect(mesh.sidecar.applies).toBe(true);
    expect(mesh.chapter.sidecar?.number).toBe('6');
    expect(mesh.sidecar.steps[0]?.value).toBe('1,000');
    expect(mesh.sidecar.steps.map((s) => s.working).join(' ')).toContain('0.1 vCPU');
  });

  it.each(EXAMPLES)(
    '%s: a choice every path makes alike is said once, before the paths, and in no path’s own list',
    (name) => {
      const sources = reportSources(exampleAnswers(name));
      const { paths } = buildReportModel(sources);
      const listed = sources.result.options.filter((o) => o.excludedBy.length === 0);
      expect(paths.stacks.map((s) => s.option)).toEqual(listed.map((o) => o.name));
      const shared = (d: (typeof listed)[number]['stack']['decisions'][number]) =>
        listed.every((o) =>
          o.stack.decisions.some(
            (e) =>
              e.capability === d.capability && e.taken === d.taken && e.addons.join() === d.addons.join(),
          ),
        );
      const sharedCount = (listed[0]?.stack.decisions ?? []).filter(shared).length;
      expect(paths.shared).toHaveLength(listed.length > 1 ? sharedCount : 0);
      for (const [i, o] of listed.entries())
        for (const d of o.stack.decisions)
          expect(paths.stacks[i]?.items.includes(d.reason)).toBe(!(listed.length > 1 && shared(d)));
      for (const text of [...paths.shared, ...paths.stacks.flatMap((s) => s.items)])
        expect(text).not.toMatch(/on this one|on every path/);
    },
  );

  it('says the sidecar move once when every path takes it, with the range of what it saves', () => {
    const { paths } = buildReportModel(reportSources(exampleAnswers('scaleup-sidecar-cost')));
    const move = paths.shared.filter((s) => s.startsWith('Moving the sidecars to Istio ambient mode'));
    expect(move).toHaveLength(1);
    expect(move[0]).toMatch(/^Moving the sidecars to Istio ambient mode: taken; it saves \S+ /);
    expect(paths.stacks.flatMap((s) => s.items).join(' ')).not.toContain('Moving the sidecars');
  });

  it('names the scenario on the cover and in report.md only when the answers name one', () => {
    expect(buildReportModel(reportSources(makeAnswers())).scenario).toBeNull();
    const named = reportSources(makeAnswers({ engagement: { scenario: 'Vendor support required' } }));
    expect(buildReportModel(named).scenario).toBe('Vendor support required');
  });

  it('describes the dual-overlay migration from Flannel to Cilium, with the sidecars moved to ambient mode last', () => {
    const model = buildReportModel(reportSources(exampleAnswers('scaleup-sidecar-cost')));
    expect(model.migration.from).toBe('Flannel');
    expect(model.migration.title).toMatch(/dual overlay/);
    expect(model.migration.phases.map((p) => p.title)).toEqual([
      'Prepare and rehearse',
      'Install Cilium alongside',
      'Migrate node by node',
      'Cut over and clean up',
      'Replace kube-proxy',
      'Roll out the add-ons',
      'Move the sidecars to Istio ambient mode, namespace by namespace',
    ]);
    expect(model.migration.phases[2]?.effort).toMatch(/h for 180 nodes/);
    expect(model.migration.phases[5]?.effort).toMatch(/^\d[\d,]* h of add-on set-up$/);
  });

  it('describes an estate’s migration group by group, its effort the sum of theirs', () => {
    const { migration } = buildReportModel(reportSources(exampleAnswers('eks-plus-onprem')));
    expect(migration.from).toBe('what each group runs today');
    expect(migration.groups.map((g) => [g.name, g.from, g.title])).toEqual([
      ['EKS in eu-central-1 (3 clusters, 180 nodes)', 'AWS VPC CNI', 'Stay on the Amazon VPC CNI'],
      ['RKE2 on premises (3 clusters, 120 nodes)', 'Canal', 'Stay on Canal'],
    ]);
    const hoursOf = (text: string) => Number(/^([\d,]+) engineer-hours/.exec(text)?.[1]?.replace(/,/g, ''));
    const groupHours = migration.groups.map((g) => hoursOf(g.effort));
    expect(groupHours.every((h) => h > 0)).toBe(true);
    expect(hoursOf(migration.totalEffort)).toBe(groupHours.reduce((a, b) => a + b, 0));
  });

  it('has no data-plane migration when the clusters already run Cilium', () => {
    const model = buildReportModel(
      reportSources(makeAnswers({ cluster: { currentCni: 'cilium' }, needs: { vendorSupport: 'must' } })),
    );
    expect(model.migration.title).toBe('Stay on Cilium');
    expect(model.migration.phases).toEqual([]);
  });

  it('calls a close call a close call', () => {
    const sources = reportSources(exampleAnswers('small-team-basic'));
    const closeCall = {
      ...sources,
      result: { ...sources.result, recommendation: { ...sources.result.recommendation, closeCall: true } },
    };
    expect(buildReportModel(closeCall).summary.closeCall).toMatch(/^This is a close call/);
    expect(buildReportModel(sources).summary.closeCall).toBeNull();
  });

  it('marks musts in the capability matrix and lists Flannel’s add-ons', () => {
    const model = buildReportModel(reportSources(exampleAnswers('regulated-bank')));
    const musts = model.capability.rows.filter((r) => r.importance === 'must');
    expect(musts.length).toBeGreaterThan(0);
    expect(musts.every((r) => r.importanceClass === 'importance-must')).toBe(true);
    expect(model.capability.rows[0]?.cells).toHaveLength(3);
    expect(model.capability.flannelStack.addons.length).toBeGreaterThan(0);
  });
});

describe('a headline when no path meets a must', () => {
  it('says so first, naming the must the pick misses', () => {
    const dataset = structuredClone(defaultDataset());
    const encryption = dataset.capabilities.find((c) => c.id === 'encryption');
    for (const support of Object.values(encryption?.support ?? {})) {
      if (support === undefined) continue;
      Object.assign(support, {
        level: 'none',
        addons: [],
        without: 'none',
        fips: undefined,
        byCni: undefined,
        alternatives: [],
      });
    }
    dataset.cloudEncryption = [];
    const sources = reportSources(makeAnswers({ needs: { encryption: 'must' } }), { dataset, draws: 100 });
    expect(sources.result.recommendation.meetsAllMusts).toBe(false);
    const model = buildReportModel(sources);
    expect(model.summary.headline).toMatch(
      /^No path meets every must the client set: the closest, .+, does not fully meet transparent encryption\. We recommend /,
    );
  });
});
