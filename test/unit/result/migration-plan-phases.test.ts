import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { migrationPlan } from '../../../src/result/migration-plan.js';
import { type Answers, AnswersSchema } from '../../../src/schema/answers.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';

const dataset = defaultDataset();
const folders = ['examples', 'test/calibration/situations'];
const situations: [string, Answers][] = folders.flatMap((folder) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .map((f): [string, Answers] => [
      `${folder}/${f}`,
      AnswersSchema.parse(parse(readFileSync(`${folder}/${f}`, 'utf8'))),
    ]),
);

describe('the migration plan of every path', { timeout: 120_000 }, () => {
  it('has a phase for each part of the work it counts hours for, and none for a part with no hours', () => {
    const faults: string[] = [];
    for (const [name, answers] of situations) {
      const result = scoreAnswers(answers, dataset, { draws: 100 });
      for (const option of result.options) {
        const asPick = { ...result, recommendation: { ...result.recommendation, option: option.id } };
        const estate = migrationPlan(answers, dataset, asPick);
        for (const plan of [estate, ...(estate.groups ?? [])]) {
          const parts = new Set(plan.phases.map((p) => p.part));
          for (const [part, hours] of Object.entries(plan.hours)) {
            if (hours > 0 && !parts.has(part as never))
              faults.push(`${name} ${option.id} from ${plan.from}: ${hours} h of ${part}, no phase`);
            if (hours === 0 && parts.has(part as never) && part !== 'cluster' && part !== 'node')
              faults.push(`${name} ${option.id} from ${plan.from}: a ${part} phase with no hours`);
          }
        }
      }
    }
    expect(faults).toEqual([]);
  });

  it('counts no kube-proxy removal where the provider’s own update takes kube-proxy off the nodes', () => {
    const planOf = (name: string, option: string) => {
      const answers = situations.find(([n]) => n.endsWith(`/${name}.yaml`))?.[1];
      if (answers === undefined) throw new Error(name);
      const result = scoreAnswers(answers, dataset, { draws: 100 });
      return migrationPlan(answers, dataset, {
        ...result,
        recommendation: { ...result.recommendation, option: option as never },
      });
    };
    const aks = planOf('aks-fqdn-egress', 'cilium-oss');
    expect(aks.title).toMatch(/AKS .* in place/);
    expect(aks.hours['kube-proxy']).toBe(0);
    expect(aks.phases.map((p) => p.part)).not.toContain('kube-proxy');
    // A live migration of the team's own still removes kube-proxy itself.
    expect(planOf('scaleup-sidecar-cost', 'cilium-oss').hours['kube-proxy']).toBeGreaterThan(0);
  });

  it('gives an estate of groups one plan per group, each from the CNI the group runs', () => {
    const [, answers] = situations.find(([n]) => n.endsWith('/eks-plus-onprem.yaml')) ?? [];
    if (answers === undefined) throw new Error('eks-plus-onprem');
    const result = scoreAnswers(answers, dataset, { draws: 100 });
    for (const option of result.options) {
      const asPick = { ...result, recommendation: { ...result.recommendation, option: option.id } };
      const plan = migrationPlan(answers, dataset, asPick);
      expect(plan.groups?.map((g) => [g.name, g.from])).toEqual(
        answers.cluster.groups?.map((g) => [g.name, g.currentCni]),
      );
    }
    const [, single] = situations.find(([n]) => n.endsWith('/small-team-basic.yaml')) ?? [];
    if (single === undefined) throw new Error('small-team-basic');
    expect(
      migrationPlan(single, dataset, scoreAnswers(single, dataset, { draws: 100 })).groups,
    ).toBeUndefined();
  });
});
