import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';

const example = (name: string) => fileURLToPath(new URL(`../../../examples/${name}.yaml`, import.meta.url));

// Each score runs the engine some fifty times (bisections, stakeholders): give a busy machine room.
describe('score: vendor-quote target and stakeholders', { timeout: 90_000 }, () => {
  it('prints the quote target and each stakeholder with the boundary of their agreement', async () => {
    const run = await runCli('score', example('scaleup-after-audit'));
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /Vendor quote target:\n {2}- Isovalent Networking for Kubernetes (becomes|stays) the recommendation at a price of \$[\d,]+ per node-year or less/,
    );
    expect(run.out).toContain('(a quote goes in assumptions.isovalentPricePerNodeYear)');
    // The engine's current answer for this client: Cilium OSS, with the upkeep of its three identical clusters
    // counted as a fleet; the CISO alone would pay for Isovalent.
    expect(run.out).toContain(
      'Stakeholders:\n  The stakeholders part: CFO and Platform lead would choose Cilium OSS; CISO would choose Isovalent Networking for Kubernetes.',
    );
    expect(run.out).toMatch(
      /CISO would choose Isovalent Networking for Kubernetes \(confidence \d+ %\), not Cilium OSS; they would come round to it if their cost priority rose to \d\.\d or more \(now 1\)\./,
    );
  });

  it('adds quoteTargets, and stakeholders only when the file has them, to the JSON result', async () => {
    const withThem = JSON.parse((await runCli('score', example('scaleup-after-audit'), '--json')).out);
    expect(withThem.quoteTargets[0]).toMatchObject({
      option: 'isovalent-enterprise',
      key: 'isovalentPricePerNodeYear',
    });
    expect(withThem.quoteTargets[0].sentence).toMatch(
      /^Isovalent Networking for Kubernetes (becomes|stays) the recommendation/,
    );
    expect(withThem.stakeholders.views.map((v: { name: string }) => v.name)).toEqual([
      'CFO',
      'CISO',
      'Platform lead',
    ]);
    const without = JSON.parse((await runCli('score', example('scaleup-sidecar-cost'), '--json')).out);
    expect(without.quoteTargets).toHaveLength(1);
    expect('stakeholders' in without).toBe(false);
    const plain = (await runCli('score', example('scaleup-sidecar-cost'))).out;
    expect(plain).not.toContain('Stakeholders:');
  });
});
