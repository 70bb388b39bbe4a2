import { describe, expect, it } from 'vitest';
import { formatScoreTable, rankingNotes } from '../../../src/cli/format-score-table.js';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';
import type { ScoreResult } from '../../../src/scoring/score-result.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();
const score = (name: string) => scoreAnswers(exampleAnswers(name), dataset, { draws: 300 });

/** The result with some options' scores replaced: the orders the engine can reach, without hunting for inputs. */
function withScores(result: ScoreResult, scores: Record<string, number>): ScoreResult {
  return {
    ...result,
    options: result.options.map((o) => ({ ...o, score: scores[o.id] ?? o.score })),
  };
}

describe('the score table says what orders it where the score does not (new-user findings, minor 10)', () => {
  it('says nothing when the score orders the table', () => {
    expect(rankingNotes(score('scaleup-sidecar-cost'))).toEqual([]);
  });

  it('says ruled-out paths rank below the others, when one of them scores higher', () => {
    const bank = score('regulated-bank');
    const ruledOut = bank.options.find((o) => o.disqualified);
    const first = bank.options.find((o) => o.rank === 1);
    if (ruledOut === undefined || first === undefined) throw new Error('regulated-bank rules a path out');
    const notes = rankingNotes(withScores(bank, { [ruledOut.id]: first.score + 0.05 }));
    expect(notes).toEqual([
      '',
      '  Ruled-out paths rank below every path that meets the musts, whatever their score.',
    ]);
  });

  it('names the change rule when it keeps what runs today first over a higher score', () => {
    const base = score('scaleup-sidecar-cost');
    const [first, second] = [...base.options].sort((a, b) => a.rank - b.rank);
    if (first === undefined || second === undefined) throw new Error('two paths at least');
    const kept = withScores(
      {
        ...base,
        recommendation: {
          ...base.recommendation,
          change: { ...base.recommendation.change, stayed: true, challenger: second.id },
        },
      },
      { [second.id]: first.score + 0.01 },
    );
    expect(formatScoreTable(kept)).toContain(
      `\n  ${first.name} ranks first by the change rule, not the score: ${second.name} scores higher, but by less than a move must gain.\n`,
    );
  });
});
