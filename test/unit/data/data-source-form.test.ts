import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_DATA_DIR } from '../../../src/io/load-dataset.js';

/**
 * Every source in data/ is read from the raw YAML (not the parsed data set), so a source on any entry, however the
 * schema nests it, is checked: `source`, `perNodeSource`, and any other key ending in `Source`.
 */
interface Found {
  readonly file: string;
  readonly at: string;
  readonly text: string;
}

function collectSources(value: unknown, file: string, at: string, out: Found[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      collectSources(v, file, `${at}[${i}]`, out);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const here = at === '' ? key : `${at}.${key}`;
    if ((key === 'source' || key.endsWith('Source')) && typeof v === 'string') {
      out.push({ file, at: here, text: v.replace(/\s+/g, ' ').trim() });
    } else {
      collectSources(v, file, here, out);
    }
  }
}

const FILES = readdirSync(DEFAULT_DATA_DIR).filter((f) => f.endsWith('.yaml'));
const raw = Object.fromEntries(FILES.map((f) => [f, parse(readFileSync(join(DEFAULT_DATA_DIR, f), 'utf8'))]));
const sources: Found[] = [];
for (const f of FILES) collectSources(raw[f], f, '', sources);

/** A URL (https) or a repository path `owner/repo:path`, optionally followed by text. */
const CITATION = /^(https:\/\/\S+|[A-Za-z0-9][\w.-]*\/[\w.-]+:[^\s:;,]+[:;,]?)(\s.*)?$/s;
/** A figure that is our own reasoning, or a placeholder awaiting a quote, says so first. */
const ESTIMATE = /^(estimate|Indicative, no vendor quote)\b/i;
/** Files whose entries are figures; elsewhere (capabilities, needs rules, migrations) every source is a citation. */
const FIGURE_FILES = new Set(['costs.yaml', 'addons.yaml', 'options.yaml', 'model.yaml']);

/**
 * Sources a reviewer found unfit (fact check of 1 December 2026): a personal fork, a non-public "design seed", a
 * generated pricing file, a hosting company's salary blog, a proof-of-concept repository, end-of-life releases.
 * One row per finding, so the table is easy to extend.
 */
const UNFIT_SOURCES: readonly { readonly pattern: RegExp; readonly why: string }[] = [
  { pattern: /ldelossa\//i, why: 'a personal fork, not Isovalent documentation (#19c)' },
  { pattern: /design seed/i, why: 'not a public source (#19a)' },
  { pattern: /api-evangelist/i, why: 'a generated, unreconciled pricing file (#19g)' },
  { pattern: /arienhost/i, why: "a hosting company's blog, not a salary survey" },
  { pattern: /livewyer-ops/i, why: 'a proof-of-concept repository, not project documentation' },
  { pattern: /tetragon@v0\./i, why: 'Tetragon 0.x (2022); Tetragon is at 1.x (#12)' },
  { pattern: /istio\.io\/v1\.1\d\//i, why: 'an end-of-life Istio release page (#15)' },
  {
    pattern: /cilium\/cilium\/releases\/tag\/v1\.1[0-7]\./i,
    why: 'notes of an end-of-life Cilium release (#19d)',
  },
  { pattern: /\.\.\/shared\/research/i, why: 'a path that is not shipped with the tool' },
];

describe('data sources', () => {
  it('finds the sources in every data file', () => {
    expect(sources.length).toBeGreaterThan(80);
    for (const f of ['capabilities.yaml', 'costs.yaml', 'migrations.yaml', 'needs-rules.yaml']) {
      expect(sources.some((s) => s.file === f)).toBe(true);
    }
  });

  it('cite a URL or an owner/repo:path, or (for a figure) say first that they are an estimate', () => {
    const bad = sources.filter((s) => {
      if (CITATION.test(s.text)) return false;
      if (FIGURE_FILES.has(s.file) && ESTIMATE.test(s.text)) return false;
      return !(s.file === 'currencies.yaml' && s.text === 'base currency');
    });
    expect(bad.map((s) => `${s.file} ${s.at}: ${s.text.slice(0, 90)}`)).toEqual([]);
  });

  it.each(UNFIT_SOURCES)('never cite $pattern ($why)', ({ pattern }) => {
    const hits = sources.filter((s) => pattern.test(s.text)).map((s) => `${s.file} ${s.at}`);
    expect(hits).toEqual([]);
  });

  it('mark every cost estimate as one, in its kind and its source', () => {
    const costs = (raw['costs.yaml'] as { costs: Record<string, { kind: string; source: string }> }).costs;
    const estimates = Object.entries(costs)
      .filter(([, c]) => c.kind === 'estimate')
      .map(([key]) => key);
    for (const key of estimates) expect(costs[key]?.source, key).toMatch(/\bestimate\b/i);
    for (const [key, c] of Object.entries(costs)) {
      if (c.kind !== 'estimate' && c.kind !== 'placeholder') {
        expect(
          CITATION.test(c.source.replace(/\s+/g, ' ').trim()),
          `${key} (${c.kind}) cites its figure`,
        ).toBe(true);
      }
    }
    // The list a reader of the report sees as "estimate"; a change to it is a deliberate change of the data.
    expect(estimates).toEqual([
      'engineerHoursPerYear',
      'networkingTimeShare',
      'sidecarsRemovedWithCiliumPercent',
      'isovalentSupportEffortFactor',
      'flannelOpsHoursPerClusterMonth',
      'ciliumOpsHoursPerClusterMonth',
      'keptCniOpsHoursPerClusterMonth',
      'fleetMarginalClusterShare',
      'kubeProxyCpuMillicoresPerNode',
      'kubeProxyCpuMillicoresPer1000Services',
      'migrationHoursPerCluster',
      'kubeProxyRemovalHoursPerCluster',
      'ipvsMoveHoursPerCluster',
      'ictProviderContractHours',
      'ictProviderUpkeepHoursPerYear',
      'ictProviderExtensionHours',
      'migrationHoursPerNode',
      'meshMigrationHoursPerCluster',
      'ciliumTrainingDaysPerEngineer',
      'addonTrainingDaysPerEngineer',
      'trainingCoursePerEngineer',
    ]);
  });

  it('give every framework rule the clause it quotes', () => {
    const rules = (raw['needs-rules.yaml'] as { rules: { id: string; when: unknown; source?: string }[] })
      .rules;
    const frameworkRules = rules.filter((r) => JSON.stringify(r.when).includes('compliance.frameworks'));
    expect(frameworkRules.length).toBeGreaterThanOrEqual(8);
    for (const r of frameworkRules) expect(r.source, r.id).toMatch(CITATION);
  });
});
