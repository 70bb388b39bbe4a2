import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score } from '../../../src/index.js';
import { loadDataset } from '../../../src/io/load-dataset.js';
import type { Dataset, OptionId } from '../../../src/schema/dataset.js';
import type { Plan } from '../../../src/scoring/build-plan.js';
import { deriveSituation } from '../../../src/scoring/derive-situation.js';
import { evaluateOptions } from '../../../src/scoring/evaluate-options.js';
import { runMonteCarlo } from '../../../src/scoring/monte-carlo.js';
import { likelyScenario, resolveParameters } from '../../../src/scoring/resolve-parameters.js';
import { selectStacks } from '../../../src/scoring/select-stack.js';
import { makeAnswers } from '../../helpers/make-answers.js';
import { type WorldRange, withWorldsScaled } from '../../helpers/scaled-worlds.js';

const dataset = loadDataset();
const DRAWS = 600;
// Each property scores dozens of clients with their worlds: seconds on a quiet machine, more on a shared one.
const PROPERTY_TIMEOUT = 90_000;
const run = (answers: ReturnType<typeof makeAnswers>, data: Dataset = dataset) =>
  score(answers, data, { draws: DRAWS });

/** Clients from every corner: current CNI, size, team, compliance, mesh and priorities. */
const situation = fc
  .record({
    clusters: fc.integer({ min: 1, max: 6 }),
    extraNodes: fc.integer({ min: 0, max: 600 }),
    services: fc.integer({ min: 0, max: 5000 }),
    currentCni: fc.constantFrom('flannel', 'calico', 'cilium', 'none'),
    mesh: fc.constantFrom('none', 'istio'),
    maturity: fc.constantFrom('beginner', 'intermediate', 'advanced', 'expert'),
    engineers: fc.integer({ min: 1, max: 6 }),
    ebpf: fc.constantFrom('none', 'some', 'deep'),
    vendor: fc.constantFrom('none', 'preferred', 'required'),
    encryption: fc.constantFrom('none', 'preferred', 'required'),
    frameworks: fc.subarray(['pci-dss', 'soc2', 'hipaa'] as const),
    observability: fc.constantFrom('no', 'nice', 'should', 'must'),
    weights: fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 1, max: 5 }))),
  })
  .map((c) => {
    const nodes = c.clusters + c.extraNodes;
    return makeAnswers({
      cluster: {
        clusters: c.clusters,
        nodes,
        services: c.services,
        currentCni: c.currentCni,
        kubeProxyMode: c.currentCni === 'cilium' ? 'none' : 'iptables',
      },
      mesh: { current: c.mesh, sidecars: c.mesh === 'none' ? 0 : nodes * 10 },
      team: {
        maturity: c.maturity,
        platformEngineers: c.engineers,
        ebpfExperience: c.ebpf,
        vendorSupport: c.vendor,
      },
      compliance: { frameworks: [...c.frameworks], encryptionInTransit: c.encryption },
      needs: { observability: c.observability },
      priorities: {
        cost: c.weights[0],
        capability: c.weights[1],
        risk: c.weights[2],
        simplicity: c.weights[3],
      },
    });
  });

/** The engine's set-up for a client at the likely figures: needs, parameters, scenario, weights and fitted plans. */
function atLikelyFigures(answers: ReturnType<typeof makeAnswers>) {
  const situation = deriveSituation(answers, dataset);
  const { needs } = situation;
  const parameters = resolveParameters(situation, dataset);
  const base = likelyScenario(situation, dataset, parameters);
  const weights = { ...answers.priorities };
  const plans = selectStacks(situation, needs, dataset, base, weights).map((s) => s.plan);
  return { situation, needs, parameters, base, weights, plans };
}

describe('confidence: the share of plausible worlds in which the pick still holds', () => {
  it(
    'never rises when any range the worlds draw from is widened',
    () => {
      const ranges: readonly (WorldRange | 'all')[] = [
        'all',
        'costs',
        'priorities',
        'levels',
        'migrationFear',
        'newComponentWeight',
        'changeHurdle',
      ];
      fc.assert(
        fc.property(
          situation,
          fc.constantFrom(...ranges),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 1.2, max: 2.5, noNaN: true }),
          (answers, range, k, widen) => {
            const narrow = run(answers, withWorldsScaled(dataset, k, { only: range }));
            const wide = run(answers, withWorldsScaled(dataset, k * widen + 0.2, { only: range }));
            expect(wide.recommendation.option).toBe(narrow.recommendation.option);
            // The same seed draws the same uniforms, so both runs see the same worlds, only further apart; the
            // allowance is two standard errors of a share over these draws.
            expect(wide.recommendation.confidence).toBeLessThanOrEqual(
              narrow.recommendation.confidence + 2 * Math.sqrt(0.25 / DRAWS),
            );
          },
        ),
        { numRuns: 25, seed: 20261207 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'keeps a case whose rivals all miss a hard must above 0.95',
    () => {
      fc.assert(
        fc.property(situation, (answers) => {
          const result = run(answers);
          const rivals = result.options.filter((o) => o.id !== result.recommendation.option);
          const soft = new Set(result.needs.filter((n) => n.soft).map((n) => n.capability));
          const hardOut = (o: (typeof rivals)[number]) =>
            o.excludedBy.length > 0 || o.unmetMusts.some((c) => !soft.has(c));
          fc.pre(rivals.every(hardOut));
          expect(result.recommendation.confidence).toBeGreaterThan(0.95);
          expect(result.recommendation.closeCall).toBe(false);
        }),
        { numRuns: 40, seed: 20261208 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it('does not report as certain a case a must resting on a soft answer decides', () => {
    // "Support preferred" turned into a must by a rule: the rule is marked soft, so some worlds hold it as a should.
    const asMust = (soft: boolean): Dataset => ({
      ...dataset,
      rules: dataset.rules.map((r) =>
        r.id === 'vendor-support-preferred' ? { ...r, set: { vendorSupport: 'must' }, soft } : r,
      ),
    });
    const answers = makeAnswers({
      cluster: { clusters: 2, nodes: 60, currentCni: 'flannel' },
      team: {
        maturity: 'advanced',
        platformEngineers: 3,
        ebpfExperience: 'some',
        vendorSupport: 'preferred',
      },
      needs: { networkPolicy: 'must', observability: 'should' },
      priorities: { cost: 4, capability: 3, risk: 3, simplicity: 3 },
    });
    const hard = run(answers, asMust(false));
    const soft = run(answers, asMust(true));
    expect(hard.recommendation.option).toBe('isovalent-enterprise');
    expect(hard.options.filter((o) => o.id !== 'isovalent-enterprise').every((o) => o.disqualified)).toBe(
      true,
    );
    expect(hard.recommendation.confidence).toBe(1);
    expect(soft.recommendation.option).toBe('isovalent-enterprise');
    expect(soft.needs.find((n) => n.capability === 'vendorSupport')?.soft).toBe(true);
    expect(soft.recommendation.confidence).toBeLessThan(0.95);
  });

  it(
    'splits the worlds evenly between two identical options',
    () => {
      fc.assert(
        fc.property(situation, (answers) => {
          const { situation, needs, parameters, base, weights, plans } = atLikelyFigures(answers);
          const plan = plans[0] as Plan;
          const twin: Plan = { ...plan, option: { ...plan.option, id: 'twin' as OptionId } };
          const ctx = { situation, dataset, needs, plans: [plan, twin] };
          const likely = evaluateOptions(ctx, base, weights);
          const draws = 4000;
          const { summary, verdict } = runMonteCarlo(
            ctx,
            likely,
            parameters,
            base,
            weights,
            draws,
            7,
            null,
            plan.option.id,
          );
          expect(summary.options[0]?.pRecommended ?? 0).toBeCloseTo(0.5, 1);
          expect(Math.abs(verdict.share - 0.5)).toBeLessThan(3 * Math.sqrt(0.25 / draws));
          expect(verdict.rivalShare + verdict.share).toBeCloseTo(1, 9);
        }),
        { numRuns: 8, seed: 20261209 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'measures the paths in the running against each other, not against a price a ruled-out path offers',
    () => {
      fc.assert(
        fc.property(situation, (answers) => {
          const { situation, needs, base, weights, plans } = atLikelyFigures(answers);
          const all = evaluateOptions({ situation, dataset, needs, plans }, base, weights);
          const fewest = Math.min(...all.map((o) => o.blockers));
          const running = all.filter((o) => o.blockers === fewest);
          fc.pre(running.length < all.length);
          const alone = evaluateOptions(
            { situation, dataset, needs, plans: running.map((o) => o.plan) },
            base,
            weights,
          );
          expect(alone.map((o) => [o.id, o.score])).toEqual(running.map((o) => [o.id, o.score]));
        }),
        { numRuns: 60, seed: 20261210 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it('keeps a wide margin clear: a clear case is not made unsure', () => {
    const result = run(
      makeAnswers({
        cluster: { clusters: 1, nodes: 6, services: 40, currentCni: 'flannel' },
        team: { maturity: 'beginner', platformEngineers: 1, ebpfExperience: 'none' },
        priorities: { cost: 5, capability: 1, risk: 3, simplicity: 5 },
      }),
    );
    expect(result.recommendation.option).toBe('flannel');
    expect(result.recommendation.confidence).toBeGreaterThan(0.95);
    expect(result.recommendation.closeCall).toBe(false);
    expect(result.recommendation.closeBecause).toEqual([]);
  });
});

describe('the over-correction of the change rule is gone: the change’s risk is weighed once', () => {
  const advanced = {
    team: { maturity: 'advanced', platformEngineers: 3, ebpfExperience: 'some', vendorSupport: 'none' },
    compliance: { frameworks: ['soc2'], encryptionInTransit: 'required', flowLogRetentionDays: 0 },
    needs: { networkPolicy: 'must', encryption: 'must', observability: 'should' },
    priorities: { cost: 3, capability: 4, risk: 3, simplicity: 3 },
  } as const;

  it('moves an advanced team on one small Flannel cluster with policy, encryption and observability needs to Cilium OSS', () => {
    const result = run(
      makeAnswers({ ...advanced, cluster: { clusters: 1, nodes: 24, services: 180, currentCni: 'flannel' } }),
    );
    expect(result.recommendation.option).toBe('cilium-oss');
    const cilium = result.options.find((o) => o.id === 'cilium-oss');
    expect(cilium?.capabilities.find((c) => c.id === 'observability')?.level).not.toBe('none');
  });

  it('and one Flannel cluster with 1,800 Services and Istio', () => {
    const result = run(
      makeAnswers({
        ...advanced,
        cluster: { clusters: 1, nodes: 90, podsPerNode: 40, services: 1800, currentCni: 'flannel' },
        compliance: { frameworks: [], encryptionInTransit: 'preferred', flowLogRetentionDays: 30 },
        mesh: { current: 'istio', sidecars: 1400, latencySensitive: true },
        // Service churn makes iptables rule sync slow: replacing kube-proxy is wanted, not required.
        needs: { networkPolicy: 'must', observability: 'should', kubeProxyReplacement: 'should' },
      }),
    );
    expect(result.recommendation.option).toBe('cilium-oss');
    expect(result.recommendation.change.stayed).toBe(false);
  });

  it('plans a stated should on the path that meets it for no more than the others, instead of leaving it out', () => {
    const result = run(
      makeAnswers({ ...advanced, cluster: { clusters: 1, nodes: 24, services: 180, currentCni: 'flannel' } }),
    );
    const flannel = result.options.find((o) => o.id === 'flannel');
    const observability = flannel?.stack.decisions.find((d) => d.capability === 'observability');
    expect(observability?.taken).toBe(true);
    expect(observability?.planned).toBe(true);
    expect(observability?.reason).toMatch(/asked for/);
  });
});
