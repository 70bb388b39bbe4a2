import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/io/load-dataset.js';

const dataset = loadDataset();
const CITED =
  /https?:\/\/|^[\w.-]+\/[\w.-]+[ :]|[\s(][\w.-]+\/[\w.-]+ [\w./-]+\.(md|rst|yaml|yml|tpl|go)|\b[\w.-]+\/[\w.-]+:[\w./-]+/;

function isSourced(source: string): boolean {
  return CITED.test(source) || /\bestimate\b/i.test(source);
}

describe('every figure in data/ names a source or says it is an estimate', () => {
  it('cost defaults', () => {
    for (const [key, c] of Object.entries(dataset.costs)) {
      expect(isSourced(c.source), key).toBe(true);
      if (c.kind === 'estimate') expect(c.source.toLowerCase(), key).toContain('estimate');
      if (c.kind === 'placeholder') expect(c.source, key).toMatch(/^Indicative, no vendor quote:/);
      for (const v of [...Object.values(c.byCurrency ?? {}), ...Object.values(c.byMesh ?? {})]) {
        expect(isSourced(v.source), key).toBe(true);
      }
    }
  });

  it('capability support levels', () => {
    for (const cap of dataset.capabilities) {
      for (const [option, s] of Object.entries(cap.support)) {
        expect(isSourced(s.source), `${cap.id}.${option}`).toBe(true);
        for (const [cni, o] of Object.entries(s.byCni ?? {})) {
          expect(isSourced(o.source), `${cap.id}.${option}.byCni.${cni}`).toBe(true);
        }
      }
    }
  });

  it('add-ons, option footprints and exchange rates', () => {
    for (const a of dataset.addons) expect(isSourced(a.source), a.id).toBe(true);
    for (const o of dataset.options) {
      expect(isSourced(o.perNodeSource), o.id).toBe(true);
      for (const e of o.extras) expect(isSourced(e.source), `${o.id}.${e.component}`).toBe(true);
    }
    expect(dataset.currencies.source).toMatch(/ecb\.europa\.eu/);
    expect(dataset.currencies.source).toMatch(/EXR\.M\.<currency>\.EUR\.SP00\.A/);
    // 2025 and 2026 monthly averages, oldest first.
    expect(dataset.currencies.months[0]?.month).toBe('2025-01');
    expect(dataset.currencies.months.at(-1)?.month.slice(0, 4)).toBe('2026');
  });

  it('migration paths', () => {
    for (const m of dataset.migrations) expect(isSourced(m.source), m.id).toBe(true);
    expect(dataset.meshRetirement.source).toMatch(/istio\.io\/latest\/docs\/ambient\/migrate/);
    expect(isSourced(dataset.meshRetirement.source)).toBe(true);
  });

  it('records the facts the issue calls out', () => {
    const support = (cap: string, option: 'flannel' | 'cilium-oss' | 'isovalent-enterprise') =>
      dataset.capabilities.find((c) => c.id === cap)?.support[option];
    expect(support('encryption', 'flannel')?.note).toMatch(/IPsec backend is listed as experimental/);
    expect(support('networkPolicy', 'flannel')?.note).toContain('v0.25.5');
    expect(support('l7Policy', 'cilium-oss')?.note).toContain(
      'Kafka-aware rules were removed in Cilium 1.20',
    );
    expect(support('l7Policy', 'cilium-oss')?.note).toContain('DNS proxy inside the Cilium agent');
    expect(support('egressControl', 'cilium-oss')?.caveat?.text).toContain('no failover');
    expect(support('flowRetention', 'isovalent-enterprise')?.note).toContain('Timescape');
    expect(support('flowRetention', 'cilium-oss')).toMatchObject({ level: 'add-on', without: 'partial' });
    expect(support('flowRetention', 'flannel')?.addons).toEqual(['retina', 'flow-store']);
    expect(support('serviceMesh', 'cilium-oss')?.note).toMatch(/deprecated in Cilium 1\.20/);
    expect(support('runtimeSecurity', 'cilium-oss')?.addons).toEqual(['tetragon']);
    expect(dataset.costs.isovalentPricePerNodeYear.kind).toBe('placeholder');
    expect(dataset.costs.sidecarCpuMillicores.likely).toBe(100);
    expect(dataset.costs.sidecarMemoryMiB.likely).toBe(128);
  });
});
