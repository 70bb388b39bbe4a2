import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { flagCaveats, migrationSection } from '../../../src/report/migration-section.js';
import { reportContext } from '../../../src/report/report-context.js';
import { cniName } from '../../../src/report/situation-section.js';
import { CNIS } from '../../../src/schema/answers.js';
import { makeAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

const dataset = defaultDataset();
/** The CNIs a client can be on, by the names the report prints (Cilium is the target, never "another" CNI). */
const OTHER_CNI_NAMES = CNIS.filter((c) => c !== 'cilium' && c !== 'other' && c !== 'none').map(cniName);

describe('migration text fits the client current CNI', () => {
  it('never names a current CNI other than the target in a path shared by several (they say {currentCni})', () => {
    for (const path of dataset.migrations.filter((m) => m.from.length > 1)) {
      const texts = [path.title, path.summary, ...path.phases.map((p) => `${p.title} ${p.steps}`)];
      for (const text of texts) {
        for (const name of OTHER_CNI_NAMES.filter((n) => n !== cniName(path.toCni))) {
          expect(text, `${path.id}: ${name}`).not.toContain(name);
        }
      }
    }
  });

  it('has exactly one path on any platform for every option from every CNI it is offered to, with a usable procedure', () => {
    for (const option of dataset.options) {
      for (const from of CNIS) {
        const toCni = option.keepsCurrentCni.includes(from) ? from : option.cni;
        if (toCni === undefined) continue;
        const paths = dataset.migrations.filter((m) => m.toCni === toCni && m.from.includes(from));
        // A platform's own migration (platforms) comes beside the path that holds anywhere, at most one per platform
        // for each build: the provider's (AKS's in-place update) and one of a path's own (a vendor's Cilium on GKE).
        const anywhere = paths.filter((m) => m.platforms === undefined);
        expect(anywhere, `${option.id}: ${from} to ${toCni}`).toHaveLength(1);
        for (const p of ['eks', 'aks', 'gke', 'openshift', 'rke2', 'k3s', 'talos'] as const) {
          for (const build of ['provider', 'own'] as const) {
            expect(
              paths.filter((m) => m.platforms?.includes(p) && m.builds === build).length,
              `${from} to ${toCni} on ${p}, ${build} build`,
            ).toBeLessThan(2);
          }
        }
        for (const path of paths)
          expect(path.source, `${from} to ${toCni}`).not.toMatch(/isovalent\.com\/product/);
      }
    }
  });

  it('flags the caveats that certainly apply to the client, first, and only those', () => {
    const caveat = (appliesToClient: boolean) => [
      { text: 'Applies to every client.', appliesToClient: false },
      { text: 'Calico enforces NetworkPolicy.', appliesToClient },
    ];
    expect(flagCaveats(caveat(true))).toEqual([
      'Applies to the client’s clusters: Calico enforces NetworkPolicy.',
      'Applies to every client.',
    ]);
    expect(flagCaveats(caveat(false))).toEqual([
      'Applies to every client.',
      'Calico enforces NetworkPolicy.',
    ]);
  });

  it.each(['calico', 'canal', 'aws-vpc-cni', 'azure-cni', 'ovn-kubernetes', 'weave'] as const)(
    'reads as a %s client should: its own CNI named, no other named as theirs',
    (currentCni) => {
      const answers = makeAnswers({
        cluster: { currentCni, clusters: 2, nodes: 40, clouds: ['on-prem', 'aws', 'azure'] },
      });
      const sources = reportSources(answers, { draws: 100 });
      const section = migrationSection(reportContext(sources));
      const target = sources.result.options.find((o) => o.id === sources.result.recommendation.option);
      const text = [
        section.title,
        section.summary,
        ...section.phases.map((p) => `${p.title} ${p.steps}`),
      ].join(' ');
      expect(section.from).toBe(cniName(currentCni));
      expect(text).not.toContain('{currentCni}');
      // Canal is Flannel's networking with Calico's policy engine: its text may name its two parts.
      const own = [
        currentCni,
        target?.cni ?? 'none',
        ...(currentCni === 'canal' ? ['flannel', 'calico'] : []),
      ];
      const theirs = new Set(own.map((c) => cniName(c as (typeof CNIS)[number])));
      for (const name of OTHER_CNI_NAMES.filter((n) => !theirs.has(n)))
        expect(text, name).not.toContain(name);
      if (currentCni === 'calico' && section.caveats.some((c) => c.includes('NetworkPolicy'))) {
        expect(section.caveats[0]).toMatch(/^Applies to the client’s clusters: /);
      }
    },
  );

  it('leaves the kube-proxy replacement phase out for a client that already runs without kube-proxy', () => {
    const phases = (kubeProxyMode: string) => {
      const answers = makeAnswers({
        cluster: { currentCni: 'calico', kubeProxyMode },
        needs: { vendorSupport: 'no' },
      });
      return migrationSection(reportContext(reportSources(answers, { draws: 100 }))).phases.map(
        (p) => p.title,
      );
    };
    const withKubeProxy = phases('iptables');
    if (withKubeProxy.includes('Replace kube-proxy'))
      expect(phases('none')).not.toContain('Replace kube-proxy');
    const path = dataset.migrations.find((m) => m.id === 'dual-overlay-to-cilium');
    expect(path?.phases.find((p) => p.title === 'Replace kube-proxy')?.part).toBe('kube-proxy');
  });
});
