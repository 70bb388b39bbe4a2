import { describe, expect, it } from 'vitest';
import { MAX_ATTRIBUTED_INPUTS, OUTSIDE_DECISION } from '../../../src/compare/attribute-changes.js';
import { type Comparison, compareScenarios } from '../../../src/compare/compare-scenarios.js';
import { applyChanges } from '../../../src/compare/diff-answers.js';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import type { Answers } from '../../../src/schema/answers.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();
const OPTS = { draws: 300 };

function compare(...files: [string, Answers][]): Comparison {
  return compareScenarios(
    files.map(([file, answers]) => ({ file, answers, result: scoreAnswers(answers, dataset, OPTS) })),
    dataset,
  );
}

/** Every attributed quantity: its shares add up to its change, which is the change between the two results. */
function expectAttributionAddsUp(comparison: Comparison): void {
  const [before] = comparison.scenarios;
  comparison.comparisons.forEach((c, k) => {
    const after = comparison.scenarios[k + 1];
    if (before === undefined || after === undefined) throw new Error('missing scenario');
    const value = (s: typeof before, id: string, kind: 'score' | 'tco') => {
      const o = s.options.find((x) => x.id === id);
      return kind === 'score' ? o?.score : o?.tco.total;
    };
    for (const q of c.attribution.quantities) {
      const sum = q.shares.reduce((s, x) => s + x, 0);
      expect(Math.abs(sum - q.change), `${q.kind} ${q.option}`).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(q.change)),
      );
      expect(q.change).toBeCloseTo(q.to - q.from, 9);
      if (q.kind === 'score' || q.kind === 'tco') {
        expect(q.from).toBe(value(before, q.option, q.kind));
        expect(q.to).toBe(value(after, q.option, q.kind));
      }
      if (q.kind === 'lead') {
        const lead = (s: typeof before) =>
          (value(s, q.option, 'score') ?? 0) - (value(s, q.against ?? '', 'score') ?? 0);
        expect(q.from).toBeCloseTo(lead(before), 12);
        expect(q.to).toBeCloseTo(lead(after), 12);
      }
    }
  });
}

describe('compareScenarios', { timeout: 90_000 }, () => {
  const before = exampleAnswers('scaleup-sidecar-cost');
  const after = exampleAnswers('scaleup-after-audit');

  it('never measures a lead against a path ruled out in either file (new-user findings, minor 19)', () => {
    const seen: string[] = [];
    for (const name of ['scaleup-sidecar-cost', 'scaleup-after-audit', 'regulated-bank', 'design-sample']) {
      const first = exampleAnswers(name);
      for (const vendorSupport of ['none', 'preferred', 'required'] as const) {
        if (vendorSupport === first.team.vendorSupport) continue;
        const c = compare(
          ['a.yaml', first],
          ['b.yaml', { ...first, team: { ...first.team, vendorSupport } }],
        );
        const lead = c.comparisons[0]?.attribution.quantities.find((q) => q.kind === 'lead');
        const open = (id: string | undefined) =>
          c.scenarios.every((s) => s.options.some((o) => o.id === id && !o.disqualified));
        if (lead !== undefined) expect(open(lead.against), `${name} → ${vendorSupport}`).toBe(true);
        seen.push(`${name} → ${vendorSupport}: ${lead === undefined ? 'no lead' : `over ${lead.against}`}`);
      }
    }
    // Requiring vendor support rules Cilium OSS out: the lead is not measured against it.
    expect(seen).toContain('scaleup-after-audit → required: no lead');
    expect(seen).toContain('regulated-bank → none: over isovalent-enterprise');
  });

  it('compares identical files as "no change", with nothing to attribute', () => {
    const c = compare(['a.yaml', before], ['b.yaml', before]);
    const [only] = c.comparisons;
    expect(only?.changes).toEqual([]);
    expect(only?.attribution.inputs).toEqual([]);
    expect(only?.summary).toEqual([
      'No change: the two files give the same answers, so the same recommendation.',
    ]);
    for (const q of only?.attribution.quantities ?? []) expect([q.change, ...q.shares]).toEqual([0]);
    expect(c.warnings).toEqual([]);
  });

  it('attributes the after-audit changes with shares that add up to every change', () => {
    const c = compare(['before.yaml', before], ['after.yaml', after]);
    expectAttributionAddsUp(c);
    const a = c.comparisons[0]?.attribution;
    expect(a?.inputs.map((i) => i.id)).toEqual([
      'cluster.nodes',
      'compliance.flowLogRetentionDays',
      'team.vendorSupport',
      'priorities.cost',
      'priorities.risk',
      'assumptions.isovalentPricePerNodeYear',
    ]);
    expect(a?.evaluations).toBe(64);
    expect(a?.description).toMatch(/^Exact Shapley values over 6 changed answers, from 64 engine runs/);
    // The price changes only the subscription option's cost; the node count every option's.
    const tco = (id: string) => a?.quantities.find((q) => q.kind === 'tco' && q.option === id);
    expect(tco('cilium-oss')?.shares[5]).toBe(0);
    expect(tco('isovalent-enterprise')?.shares[5]).toBeLessThan(0);
  });

  it('says why the winner changed when the earlier one is ruled out, and which change ruled it out', () => {
    const required = applyChanges(before, [{ path: 'team.vendorSupport', from: 'none', to: 'required' }]);
    const c = compare(['before.yaml', before], ['required.yaml', required]);
    expectAttributionAddsUp(c);
    const summary = c.comparisons[0]?.summary ?? [];
    expect(summary[0]).toBe(
      'The recommendation moved from Cilium OSS to Isovalent Networking for Kubernetes (confidence 100 %).',
    );
    expect(summary[1]).toBe(
      'Cilium OSS is now ruled out: it cannot provide vendor support, a must. What ruled it out: 24×7 vendor support none → required (+1 must).',
    );
  });

  it('gives no share to names, dates and stakeholders, which leave every score and cost as it was', () => {
    const renamed = applyChanges(before, [
      { path: 'engagement.client', from: null, to: 'Another Name' },
      { path: 'engagement.preparedBy', from: null, to: 'Someone Else' },
      { path: 'engagement.date', from: null, to: '2030-01-01' },
      {
        path: 'stakeholders',
        from: null,
        to: [{ name: 'CFO', priorities: { cost: 5, capability: 0, risk: 0, simplicity: 0 } }],
      },
    ]);
    const [x, y] = [scoreAnswers(before, dataset, OPTS), scoreAnswers(renamed, dataset, OPTS)];
    expect(y.options.map((o) => [o.id, o.score, o.tco])).toEqual(
      x.options.map((o) => [o.id, o.score, o.tco]),
    );
    const c = compare(['a.yaml', before], ['b.yaml', renamed]);
    expect(c.comparisons[0]?.changes.map((ch) => ch.path).sort()).toEqual([...OUTSIDE_DECISION].sort());
    expect(c.comparisons[0]?.attribution.inputs).toEqual([]);
    expect(c.warnings).toEqual([
      'a.yaml is for Fleetwise Logistics and b.yaml for Another Name: compared anyway',
    ]);
  });

  it(`groups the answers by section beyond ${MAX_ATTRIBUTED_INPUTS} changes, and still adds up (other client, other currency)`, () => {
    const c = compare(['scaleup.yaml', before], ['bank.yaml', exampleAnswers('regulated-bank')]);
    const a = c.comparisons[0]?.attribution;
    expect(a?.grouped).toBe(true);
    expect(a?.inputs.map((i) => i.id)).toEqual([
      'engagement',
      'cluster',
      'compliance',
      'team',
      'mesh',
      'needs',
      'priorities',
    ]);
    expect(a?.tcoAttributed).toBe(false);
    expect(a?.quantities.some((q) => q.kind === 'tco')).toBe(false);
    expect(a?.description).toContain('grouped by section');
    expectAttributionAddsUp(c);
    expect(c.warnings).toHaveLength(2);
  });

  it('compares three files, each later one against the first', () => {
    const c = compare(['a.yaml', before], ['b.yaml', after], ['c.yaml', before]);
    expect(c.comparisons.map((x) => [x.file, x.against])).toEqual([
      ['b.yaml', 'a.yaml'],
      ['c.yaml', 'a.yaml'],
    ]);
    expect(c.comparisons[1]?.changes).toEqual([]);
    expectAttributionAddsUp(c);
  });
});
