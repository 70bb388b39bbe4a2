import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, diffAnswers } from '../../../src/compare/diff-answers.js';
import { AnswersSchema } from '../../../src/schema/answers.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const EXAMPLES = [
  'small-team-basic',
  'scaleup-sidecar-cost',
  'regulated-bank',
  'design-sample',
  'scaleup-after-audit',
];

describe('diffAnswers', () => {
  it('finds no change between a file and itself', () => {
    for (const name of EXAMPLES) expect(diffAnswers(exampleAnswers(name), exampleAnswers(name))).toEqual([]);
  });

  it('names each changed answer by key path, in the order of the answers file, omitted answers as null', () => {
    const changes = diffAnswers(
      exampleAnswers('scaleup-sidecar-cost'),
      exampleAnswers('scaleup-after-audit'),
    );
    expect(changes.map((c) => c.path)).toEqual([
      'engagement.date',
      'cluster.nodes',
      'compliance.flowLogRetentionDays',
      'team.vendorSupport',
      'priorities.cost',
      'priorities.risk',
      'assumptions.isovalentPricePerNodeYear',
      'stakeholders',
    ]);
    expect(changes.find((c) => c.path === 'assumptions.isovalentPricePerNodeYear')).toEqual({
      path: 'assumptions.isovalentPricePerNodeYear',
      from: null,
      to: 1100,
    });
  });

  it('turns one file into the other when its changes are applied, for every pair of examples', () => {
    for (const a of EXAMPLES) {
      for (const b of EXAMPLES) {
        const [from, to] = [exampleAnswers(a), exampleAnswers(b)];
        const applied = applyChanges(from, diffAnswers(from, to));
        expect(diffAnswers(applied, to)).toEqual([]);
        expect(AnswersSchema.parse(applied)).toEqual(to);
      }
    }
  });

  it('leaves the answers it is given as they were', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('must', 'no'), (nodes, need) => {
        const a = exampleAnswers('regulated-bank');
        const before = JSON.stringify(a);
        applyChanges(a, [
          { path: 'cluster.nodes', from: a.cluster.nodes, to: nodes },
          { path: 'needs.l7Policy', from: null, to: need },
          { path: 'mesh.current', from: 'istio', to: null },
        ]);
        expect(JSON.stringify(a)).toBe(before);
      }),
    );
  });
});
