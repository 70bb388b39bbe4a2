import { describe, expect, it } from 'vitest';
import { score } from '../../../src/index.js';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { type Answers, VENDOR_NAMES } from '../../../src/schema/answers.js';
import type { ScoreResult } from '../../../src/scoring/score-result.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const withFrameworks = (answers: Answers, frameworks: Answers['compliance']['frameworks']): Answers => ({
  ...answers,
  compliance: { ...answers.compliance, frameworks },
});

const run = (answers: Answers): ScoreResult => score(answers, undefined, { draws: 50 });

const value = (r: ScoreResult, key: string) => r.assumptions.find((a) => a.key === key)?.value ?? Number.NaN;

describe('a new ICT provider under DORA (Regulation (EU) 2022/2554, Articles 28 and 30)', () => {
  const bank = exampleAnswers('regulated-bank');
  const underDora = run(bank);
  const withoutDora = run(
    withFrameworks(
      bank,
      bank.compliance.frameworks.filter((f) => f !== 'dora'),
    ),
  );

  it('costs contracting the provider once in year 1 and keeping it compliant every year, on that path only', () => {
    const hourly = value(underDora, 'engineerCostPerYear') / value(underDora, 'engineerHoursPerYear');
    const contract = value(underDora, 'ictProviderContractHours');
    const upkeep = value(underDora, 'ictProviderUpkeepHoursPerYear');
    const bringing = underDora.options.filter((o) => o.newIctProviders.names.length > 0);
    expect(bringing.length).toBeGreaterThan(0);
    for (const o of underDora.options) {
      const before = withoutDora.options.find((b) => b.id === o.id);
      if (before === undefined) throw new Error(`no ${o.id} without DORA`);
      const providers = o.newIctProviders.names.length;
      expect(o.newIctProviders.contractHours, o.id).toBe(Math.round(providers * contract));
      expect(o.migration.ictProviderHours, o.id).toBe(o.newIctProviders.contractHours);
      expect(before.newIctProviders.names, o.id).toEqual([]);
      // Rounded per category and year in the result: a euro or two either way.
      o.tco.byYear.forEach((year, y) => {
        const was = before.tco.byYear[y];
        if (was === undefined) throw new Error('years differ');
        expect(year.operations - was.operations, `${o.id} year ${y + 1}`).toBeCloseTo(
          providers * upkeep * hourly,
          -1,
        );
        expect(year.migration - was.migration, `${o.id} year ${y + 1}`).toBeCloseTo(
          y === 0 ? providers * contract * hourly : 0,
          -1,
        );
      });
      if (providers === 0) expect(o.tco.total, o.id).toBe(before.tco.total);
    }
  });

  it('names the vendor of a subscription path, and no provider for an open-source one', () => {
    const vendored = underDora.options.filter((o) => o.newIctProviders.names.length > 0);
    for (const o of vendored) expect(o.newIctProviders.names.every((n) => n.length > 0)).toBe(true);
    expect(underDora.options.some((o) => o.newIctProviders.names.length === 0)).toBe(true);
  });

  it('counts one contract per provider for an estate of groups, however many groups take the path', () => {
    const estate = exampleAnswers('eks-plus-onprem');
    expect(estate.cluster.groups?.length ?? 0).toBeGreaterThan(1);
    const r = run(withFrameworks(estate, ['dora']));
    const contract = value(r, 'ictProviderContractHours');
    const shared = r.options.filter(
      (o) =>
        o.newIctProviders.names.length > 0 && (o.groups ?? []).filter((g) => g.option === o.id).length > 1,
    );
    // A path two groups take still signs one contract with its vendor.
    expect(shared.length).toBeGreaterThan(0);
    for (const o of shared) {
      expect(o.newIctProviders.names.length, o.id).toBe(new Set(o.newIctProviders.names).size);
      expect(o.newIctProviders.contractHours, o.id).toBe(
        Math.round(o.newIctProviders.names.length * contract),
      );
    }
  });

  it('charges a vendor the client already contracts only the extension of its contract, once, in year 1', () => {
    const contracted = run({
      ...bank,
      compliance: { ...bank.compliance, contractedVendors: ['isovalent'] },
    });
    const hourly = value(underDora, 'engineerCostPerYear') / value(underDora, 'engineerHoursPerYear');
    const perProvider =
      value(underDora, 'ictProviderContractHours') +
      bank.engagement.horizonYears * value(underDora, 'ictProviderUpkeepHoursPerYear');
    const extension = value(contracted, 'ictProviderExtensionHours');
    expect(extension).toBeGreaterThan(0);
    expect(extension).toBeLessThan(value(underDora, 'ictProviderContractHours'));
    let dropped = 0;
    for (const o of contracted.options) {
      const before = underDora.options.find((b) => b.id === o.id);
      if (before === undefined) throw new Error(`no ${o.id} before`);
      expect(o.newIctProviders.names).not.toContain(VENDOR_NAMES.isovalent);
      const gone = before.newIctProviders.names.filter((n) => !o.newIctProviders.names.includes(n));
      expect(o.newIctProviders.alreadyContracted, o.id).toEqual(gone);
      dropped += gone.length;
      // A new provider's contract and upkeep give way to extending the contract held, once in year 1; the
      // subscription, support and the data plane's migration stay.
      expect(o.newIctProviders.extensionHours, o.id).toBe(Math.round(gone.length * extension));
      expect(o.migration.ictProviderHours, o.id).toBe(
        o.newIctProviders.contractHours + o.newIctProviders.extensionHours,
      );
      expect(before.tco.total - o.tco.total, o.id).toBeCloseTo(
        gone.length * (perProvider - extension) * hourly,
        -1,
      );
      o.tco.byYear.forEach((year, y) => {
        const was = before.tco.byYear[y];
        if (was === undefined) throw new Error('years differ');
        const contract = y === 0 ? value(underDora, 'ictProviderContractHours') : 0;
        expect(was.migration - year.migration, `${o.id} year ${y + 1}`).toBeCloseTo(
          gone.length * (contract - (y === 0 ? extension : 0)) * hourly,
          -1,
        );
      });
      expect(o.tco.byYear.map((y) => y.subscription)).toEqual(before.tco.byYear.map((y) => y.subscription));
      expect(o.migration.cniHours).toBe(before.migration.cniHours);
    }
    expect(dropped).toBeGreaterThan(0);
  });

  it('keeps a vendor the client does not contract a new provider, and ignores the answer without DORA', () => {
    const other = run({ ...bank, compliance: { ...bank.compliance, contractedVendors: ['tigera'] } });
    const isovalent = (r: ScoreResult) => r.options.find((o) => o.id === 'isovalent-enterprise');
    expect(isovalent(other)?.newIctProviders).toEqual(isovalent(underDora)?.newIctProviders);
    const noDora = withFrameworks(
      { ...bank, compliance: { ...bank.compliance, contractedVendors: ['isovalent'] } },
      [],
    );
    expect(run(noDora).options.map((o) => o.tco.total)).toEqual(
      run(withFrameworks(bank, [])).options.map((o) => o.tco.total),
    );
  });

  it('names in the answers every vendor the data names, under the data’s name', () => {
    const dataset = defaultDataset();
    const named = [...dataset.options, ...dataset.addons].flatMap((x) =>
      x.vendor === null ? [] : [x.vendor],
    );
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(Object.values(VENDOR_NAMES)).toContain(name);
  });
});
