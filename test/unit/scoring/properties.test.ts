import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ScoreResult, score } from '../../../src/index.js';
import { type Answers, NEED_KEYS } from '../../../src/schema/answers.js';
import { makeAnswers } from '../../helpers/make-answers.js';

const run = (a: Answers): ScoreResult => score(a, undefined, { draws: 100 });

/** A realistic client: sizes, team, mesh and compliance drawn from their valid ranges. */
const client = fc
  .record({
    clusters: fc.integer({ min: 1, max: 12 }),
    nodes: fc.integer({ min: 1, max: 3000 }),
    podsPerNode: fc.integer({ min: 5, max: 60 }),
    services: fc.integer({ min: 0, max: 8000 }),
    growth: fc.integer({ min: -20, max: 80 }),
    mesh: fc.constantFrom('none', 'istio', 'linkerd'),
    sidecarShare: fc.double({ min: 0, max: 1, noNaN: true }),
    maturity: fc.constantFrom('beginner', 'intermediate', 'advanced', 'expert'),
    engineers: fc.integer({ min: 0, max: 12 }),
    ebpf: fc.constantFrom('none', 'some', 'deep'),
    vendor: fc.constantFrom('none', 'preferred', 'required'),
    frameworks: fc.subarray(['pci-dss', 'soc2', 'dora', 'hipaa'] as const),
    retention: fc.constantFrom(0, 90, 365),
    currency: fc.constantFrom('USD', 'EUR', 'GBP'),
    currentCni: fc.constantFrom('flannel', 'calico', 'cilium', 'aws-vpc-cni'),
  })
  .map((c) =>
    makeAnswers({
      engagement: { client: 'Prop', currency: c.currency, horizonYears: 3 },
      cluster: {
        clusters: c.clusters,
        nodes: c.nodes,
        podsPerNode: c.podsPerNode,
        services: c.services,
        growthPercentPerYear: c.growth,
        currentCni: c.currentCni,
      },
      mesh: {
        current: c.mesh,
        sidecars: c.mesh === 'none' ? 0 : Math.floor(c.sidecarShare * c.nodes * c.podsPerNode),
      },
      team: {
        maturity: c.maturity,
        platformEngineers: c.engineers,
        ebpfExperience: c.ebpf,
        vendorSupport: c.vendor,
      },
      compliance: { frameworks: [...c.frameworks], flowLogRetentionDays: c.retention },
    }),
  );

/** An option's stack: what it runs. Stacks are fitted to the client, so a larger estate may change them. */
const stackOf = (o: ScoreResult['options'][number]) =>
  JSON.stringify([o.stack.addons.map((a) => a.id), o.stack.movesSidecars]);

/** Costs never fall for an option whose stack stayed the same (a different stack is a different plan). */
function expectNoCostFalls(before: ScoreResult, after: ScoreResult): void {
  for (const o of before.options) {
    const later = after.options.find((x) => x.id === o.id);
    expect(later).toBeDefined();
    if (later === undefined || stackOf(later) !== stackOf(o)) continue;
    for (const [category, value] of Object.entries(o.tco.byCategory)) {
      expect(later?.tco.byCategory[category as keyof typeof o.tco.byCategory]).toBeGreaterThanOrEqual(value);
    }
    expect(later?.tco.total).toBeGreaterThanOrEqual(o.tco.total);
  }
}

const PARAMS = { numRuns: 40, seed: 20261124 };

describe('invariants of the decision engine', () => {
  it('more nodes never lowers any cost', () => {
    fc.assert(
      fc.property(client, fc.integer({ min: 1, max: 2000 }), (a, extra) => {
        expectNoCostFalls(run(a), run({ ...a, cluster: { ...a.cluster, nodes: a.cluster.nodes + extra } }));
      }),
      PARAMS,
    );
  });

  it('more sidecars never lowers any cost', () => {
    fc.assert(
      fc.property(client, fc.integer({ min: 1, max: 5000 }), (a, extra) => {
        const mesh = a.mesh.current === 'none' ? 'istio' : a.mesh.current;
        const more = { ...a, mesh: { ...a.mesh, current: mesh } } as Answers;
        const pods = a.cluster.nodes * a.cluster.podsPerNode;
        const sidecars = Math.min(pods, a.mesh.sidecars + extra);
        expectNoCostFalls(run(more), run({ ...more, mesh: { ...more.mesh, sidecars } }));
      }),
      PARAMS,
    );
  });

  it('a higher unit price never lowers any cost', () => {
    const keys = [
      'vcpuHourPrice',
      'memoryGbHourPrice',
      'engineerCostPerYear',
      'isovalentPricePerNodeYear',
      'migrationHoursPerNode',
      'trainingCoursePerEngineer',
    ] as const;
    fc.assert(
      fc.property(
        client,
        fc.constantFrom(...keys),
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        (a, key, price, factor) => {
          const at = (value: number) => run({ ...a, assumptions: { ...a.assumptions, [key]: value } });
          expectNoCostFalls(at(price), at(price * factor));
        },
      ),
      PARAMS,
    );
  });

  it('making vendor support required never lowers Isovalent’s score', () => {
    fc.assert(
      fc.property(client, (a) => {
        const iso = (r: ScoreResult) =>
          r.options.find((o) => o.id === 'isovalent-enterprise')?.score ?? Number.NaN;
        const required = run({ ...a, team: { ...a.team, vendorSupport: 'required' } });
        expect(iso(required)).toBeGreaterThanOrEqual(iso(run(a)) - 1e-9);
      }),
      PARAMS,
    );
  });

  it('raising the Isovalent price never raises its score', () => {
    fc.assert(
      fc.property(
        client,
        fc.double({ min: 1, max: 10_000, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        (a, price, factor) => {
          const iso = (p: number) =>
            run({ ...a, assumptions: { ...a.assumptions, isovalentPricePerNodeYear: p } }).options.find(
              (o) => o.id === 'isovalent-enterprise',
            )?.score ?? Number.NaN;
          expect(iso(price * factor)).toBeLessThanOrEqual(iso(price) + 1e-9);
        },
      ),
      PARAMS,
    );
  });

  it('with no needs at all, Flannel’s capability fit is not below the others’', () => {
    const none = Object.fromEntries(NEED_KEYS.map((k) => [k, 'no']));
    fc.assert(
      fc.property(client, (a) => {
        const r = run({ ...a, team: { ...a.team, vendorSupport: 'none' }, needs: none } as Answers);
        const fitOf = (id: string) => r.options.find((o) => o.id === id)?.criteria.capability ?? Number.NaN;
        expect(fitOf('flannel')).toBeGreaterThanOrEqual(fitOf('cilium-oss'));
        expect(fitOf('flannel')).toBeGreaterThanOrEqual(fitOf('isovalent-enterprise'));
      }),
      PARAMS,
    );
  });

  it('never yields NaN or Infinity anywhere in the result', () => {
    fc.assert(
      fc.property(client, (a) => {
        const text = JSON.stringify(run(a), (_k, v) =>
          typeof v === 'number' && !Number.isFinite(v) ? `BAD:${v}` : v,
        );
        expect(text).not.toContain('BAD:');
        expect(text).not.toContain('null,"newWinner":"');
      }),
      PARAMS,
    );
  });
});
