import { describe, expect, it, vi } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import { buildResult } from '../../../src/result/build-result.js';
import { quoteTargets } from '../../../src/scoring/quote-target.js';
import { stakeholderViews } from '../../../src/scoring/stakeholder-views.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

vi.mock('../../../src/scoring/quote-target.js', async (original) => {
  const actual = await original<typeof import('../../../src/scoring/quote-target.js')>();
  return { ...actual, quoteTargets: vi.fn(actual.quoteTargets) };
});
vi.mock('../../../src/scoring/stakeholder-views.js', async (original) => {
  const actual = await original<typeof import('../../../src/scoring/stakeholder-views.js')>();
  return { ...actual, stakeholderViews: vi.fn(actual.stakeholderViews) };
});

const dataset = defaultDataset();
const DRAWS = { draws: 300 };

describe('buildResult', { timeout: 60_000 }, () => {
  it('computes the quote targets and stakeholders’ views only when read, once, in their place', () => {
    vi.mocked(quoteTargets).mockClear();
    vi.mocked(stakeholderViews).mockClear();
    const answers = exampleAnswers('scaleup-after-audit');
    const result = buildResult(answers, dataset, DRAWS);
    // What the charts, deck and workbook read does not compute them.
    expect(result.options.length).toBeGreaterThan(1);
    expect(quoteTargets).not.toHaveBeenCalled();
    expect(stakeholderViews).not.toHaveBeenCalled();
    const keys = Object.keys(result);
    expect(keys.indexOf('quoteTargets')).toBe(keys.indexOf('stakeholders') - 1);
    expect(keys.indexOf('situation')).toBe(keys.indexOf('stakeholders') + 1);
    const json = JSON.parse(JSON.stringify(result));
    expect(quoteTargets).toHaveBeenCalledTimes(1);
    expect(stakeholderViews).toHaveBeenCalledTimes(1);
    expect(json.quoteTargets.length).toBeGreaterThan(0);
    expect(json.stakeholders.views).toHaveLength(answers.stakeholders?.length ?? 0);
    expect(result.quoteTargets).toEqual(json.quoteTargets);
    expect({ ...result }.stakeholders).toEqual(json.stakeholders);
    expect(quoteTargets).toHaveBeenCalledTimes(1);
    expect(stakeholderViews).toHaveBeenCalledTimes(1);
  });

  it('has no stakeholders field when the answers name none', () => {
    const result = buildResult(exampleAnswers('small-team-basic'), dataset, DRAWS);
    expect('stakeholders' in result).toBe(false);
    expect(Object.keys(JSON.parse(JSON.stringify(result)))).not.toContain('stakeholders');
  });
});
