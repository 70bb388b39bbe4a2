import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersWarnings } from '../../../src/io/answers-warnings.js';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import { formatProblem } from '../../../src/io/problem.js';
import { renderAnswersYaml } from '../../../src/questionnaire/render-answers-yaml.js';
import { STARTER_ANSWERS } from '../../../src/questionnaire/starter-answers.js';
import { exampleAnswers, makeAnswers } from '../../helpers/make-answers.js';

const paths = (input: Record<string, unknown>) =>
  answersWarnings(makeAnswers(input)).map((w) => w.path.join('.'));

describe('answersWarnings', () => {
  const examples = readdirSync(new URL('../../../examples/', import.meta.url))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length));
  it.each(examples)('has nothing to say about examples/%s.yaml', (name) => {
    expect(answersWarnings(exampleAnswers(name))).toEqual([]);
  });

  it('flags the client name cnireport init writes, at the line it is on', () => {
    const text = renderAnswersYaml({ schemaRef: 'answers.schema.json', values: STARTER_ANSWERS });
    const parsed = parseAnswersText(text, 'answers.yaml');
    expect(parsed.ok && parsed.warnings.map(formatProblem)).toEqual([
      `answers.yaml:${text.split('\n').findIndex((l) => l.includes('client: Client name')) + 1}:11  engagement.client: still "Client name", the placeholder cnireport init wrote (expected the client's organisation: the report's cover, title and folder are named after it)`,
    ]);
    expect(paths({ engagement: { client: ' client NAME ' } })).toEqual(['engagement.client']);
    expect(paths({ engagement: { client: 'Client names Ltd' } })).toEqual([]);
  });

  it('flags more than 5,000 nodes per cluster, not 5,000', () => {
    expect(
      paths({ cluster: { clusters: 2, nodes: 10_000, podsPerNode: 10, growthPercentPerYear: 0 } }),
    ).toEqual([]);
    expect(
      paths({ cluster: { clusters: 2, nodes: 10_002, podsPerNode: 10, growthPercentPerYear: 0 } }),
    ).toEqual(['cluster.nodes']);
  });

  it('flags more than 110 pods per node, and more than 150,000 pods per cluster', () => {
    expect(paths({ cluster: { podsPerNode: 110 } })).toEqual([]);
    expect(paths({ cluster: { podsPerNode: 111 } })).toEqual(['cluster.podsPerNode']);
    expect(paths({ cluster: { nodes: 1_500, podsPerNode: 100, growthPercentPerYear: 0 } })).toEqual([]);
    expect(paths({ cluster: { nodes: 1_501, podsPerNode: 100, growthPercentPerYear: 0 } })).toEqual([
      'cluster.podsPerNode',
    ]);
  });

  it('flags growth past a million nodes by the last year, or past 5,000 nodes per cluster', () => {
    const grown = (growthPercentPerYear: number, horizonYears = 10, clusters = 1) =>
      paths({ engagement: { horizonYears }, cluster: { clusters, nodes: 1_000, growthPercentPerYear } });
    expect(grown(0)).toEqual([]);
    // 1,000 × 4^9 = 262,144,000 nodes by year 10.
    expect(grown(300)).toEqual(['cluster.growthPercentPerYear']);
    expect(
      answersWarnings(
        makeAnswers({
          engagement: { horizonYears: 10 },
          cluster: { nodes: 1_000, growthPercentPerYear: 300 },
        }),
      )[0]?.message,
    ).toBe(
      'at 300 % a year, 1,000 nodes grow to 262,144,000 by year 10, more than the 1,000,000 nodes an answers file accepts; every recurring cost grows with it',
    );
    // 1,000 × 1.25^9 ≈ 7,451 nodes in one cluster by year 10; in two clusters it stays under 5,000 each.
    expect(grown(25)).toEqual(['cluster.growthPercentPerYear']);
    expect(grown(25, 10, 2)).toEqual([]);
    // The year-1 count is today's: one year of horizon never grows.
    expect(grown(300, 1)).toEqual([]);
  });

  it('puts the extreme file of the new-user findings in four warnings', () => {
    const extreme = makeAnswers({
      engagement: { horizonYears: 10 },
      cluster: { clusters: 1, nodes: 1_000_000, podsPerNode: 1_000, growthPercentPerYear: 300 },
    });
    expect(answersWarnings(extreme).map((w) => w.path.join('.'))).toEqual([
      'cluster.nodes',
      'cluster.podsPerNode',
      'cluster.podsPerNode',
      'cluster.growthPercentPerYear',
    ]);
  });
});
