import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { AnswersSchema } from '../../../src/schema/answers.js';
import { scoreAnswers } from '../../../src/scoring/score-answers.js';
import { liveResult } from '../../../src/workshop/live-result.js';

const dataset = defaultDataset();
const load = (name: string) =>
  AnswersSchema.parse(
    parse(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8')),
  );

describe('liveResult', () => {
  it.each(['design-sample', 'regulated-bank', 'scaleup-sidecar-cost', 'small-team-basic'])(
    '%s: each option’s criterion parts add up to its score; one slider per priority',
    (name) => {
      const result = scoreAnswers(load(name), dataset, { draws: 200 });
      const live = liveResult(result, 200);
      expect(live.recommendation.name).toBe(result.recommendation.name);
      expect(live.draws).toBe(200);
      for (const option of live.options) {
        const sum = Object.values(option.parts).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(option.score, 3);
        expect(option.tcoLow).toBeLessThanOrEqual(option.tcoHigh);
      }
      expect(live.priorities.map((p) => p.key).sort()).toEqual(Object.keys(result.priorities).sort());
      for (const p of live.priorities) {
        expect(p.keepsFrom).toBeLessThanOrEqual(p.current);
        expect(p.current).toBeLessThanOrEqual(p.keepsTo);
      }
    },
  );

  it('puts the placeholder price in front of the consultant', () => {
    const live = liveResult(scoreAnswers(load('regulated-bank'), dataset, { draws: 200 }), 200);
    const placeholders = live.placeholders.map((p) => p.label).join(' ');
    const overridden = load('regulated-bank').assumptions.isovalentPricePerNodeYear !== undefined;
    expect(placeholders.includes('Isovalent')).toBe(!overridden);
  });
});
