import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { score } from '../../../src/index.js';
import { renderReportMarkdown } from '../../../src/render/render-report-markdown.js';
import { type Answers, AnswersSchema } from '../../../src/schema/answers.js';
import type { OptionResult, ScoreResult } from '../../../src/scoring/score-result.js';
import { makeAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

/** GKE Dataplane V2 is Google's Cilium: a path on it is credited with what Google offers, never with Cilium OSS's. */
const answersOf = (name: string): Answers =>
  AnswersSchema.parse(
    parse(readFileSync(new URL(`platform-situations/${name}.yaml`, import.meta.url), 'utf8')),
  );
const dataplaneV2 = (r: ScoreResult) => r.options.find((o) => o.id === 'cilium-oss') as OptionResult;
const cap = (o: OptionResult, id: string) => o.capabilities.find((c) => c.id === id);

// Capabilities where Dataplane V2 differs from Cilium OSS: each is Google's, with Google's page as its source.
const GOOGLES = [
  'podNetworking',
  'networkPolicy',
  'l7Policy',
  'kubeProxyReplacement',
  'encryption',
  'observability',
  'flowRetention',
  'serviceMesh',
  'egressControl',
  'multiCluster',
];

describe('GKE Dataplane V2 as Google offers it, on Standard and Autopilot', () => {
  for (const [name, platform] of [
    ['gke-standard-egress', 'GKE Standard'],
    ['gke-autopilot-egress', 'GKE Autopilot'],
  ] as const) {
    it(`credits ${platform} with Google's policy, egress and observability, not Cilium OSS's, and no egress-gateway risk`, () => {
      const answers = answersOf(name);
      const path = dataplaneV2(score(answers, undefined, { draws: 100 }));
      expect(path.name).toBe('GKE Dataplane V2');
      for (const id of GOOGLES) {
        expect(cap(path, id)?.source, id).toMatch(/cloud\.google\.com/);
        expect(cap(path, id)?.source, id).not.toMatch(/cilium\/cilium|docs\.cilium\.io|isovalent/);
      }
      // No HTTP-level policy of Dataplane V2's own: L7 policy comes from the mesh the stack adds for it.
      expect(cap(path, 'l7Policy')).toMatchObject({ level: 'add-on' });
      expect(cap(path, 'l7Policy')?.via.join(' ')).toMatch(/Istio/);
      expect(cap(path, 'l7Policy')?.note).toMatch(/FQDN network policies/);
      expect(cap(path, 'observability')?.note).toMatch(/Layers 3 and 4/);
      expect(cap(path, 'flowRetention')?.note).toMatch(/Cloud Logging/);
      expect(cap(path, 'egressControl')?.note).toMatch(/no Cilium egress gateway/);
      expect(cap(path, 'egressControl')?.note).toMatch(/Cloud NAT/);
      expect(path.risks.map((k) => k.id)).not.toContain('egress-no-failover');
      // Nor anywhere in what the client reads.
      const report = renderReportMarkdown(reportSources(answers, { draws: 50 }), {
        charts: null,
        html: false,
        pdf: false,
      });
      expect(report).not.toMatch(/egress gateway has no failover/);
      expect(report).not.toMatch(/predictable SNAT/);
    });
  }

  it('encrypts with GKE’s WireGuard on Standard within Google’s limits, and only with Google’s VM encryption on Autopilot', () => {
    const standard = dataplaneV2(score(answersOf('gke-standard-egress'), undefined, { draws: 100 }));
    expect(cap(standard, 'encryption')).toMatchObject({ importance: 'must', level: 'built-in' });
    expect(cap(standard, 'encryption')?.note).toMatch(/WireGuard.*500 nodes/s);
    expect(standard.risks.map((k) => k.id)).toContain('gke-wireguard-limits');
    const autopilot = dataplaneV2(score(answersOf('gke-autopilot-egress'), undefined, { draws: 100 }));
    expect(cap(autopilot, 'encryption')).toMatchObject({ importance: 'must', level: 'built-in' });
    expect(cap(autopilot, 'encryption')?.note).toMatch(/Google encrypts all traffic between VMs/);
    expect(autopilot.risks.map((k) => k.id)).toEqual(expect.arrayContaining(['google-managed-keys']));
    expect(autopilot.risks.map((k) => k.id)).not.toContain('gke-wireguard-limits');
  });

  it('never gives Dataplane V2 Cilium OSS’s L7 policy, egress gateway or IPsec to confirm, whatever the needs', () => {
    const importance = fc.constantFrom('must', 'should', 'nice', 'no');
    fc.assert(
      fc.property(
        fc.constantFrom('gke', 'gke-autopilot'),
        importance,
        importance,
        importance,
        fc.boolean(),
        (platform, egressControl, l7Policy, encryption, fips) => {
          const r = score(
            makeAnswers({
              cluster: {
                clouds: ['gcp'],
                currentCni: 'cilium',
                platforms: [platform],
                clusters: 2,
                nodes: 80,
              },
              compliance: { fips },
              needs: { networkPolicy: 'must', egressControl, l7Policy, encryption },
            }),
            undefined,
            { draws: 20 },
          );
          const path = dataplaneV2(r);
          const ids = path.risks.map((k) => k.id);
          expect(ids).not.toContain('egress-no-failover');
          // GKE encrypts with WireGuard only: never an IPsec build to confirm with a FIPS assessor.
          expect(ids).not.toContain('fips-confirm');
          expect(cap(path, 'l7Policy')?.level).not.toBe('built-in');
          expect(cap(path, 'egressControl')?.note).not.toMatch(/predictable SNAT/);
        },
      ),
      { numRuns: 16, seed: 20261207 },
    );
  });
});
