import type { Answers } from '../schema/answers.js';
import type { Dataset } from '../schema/dataset.js';
import { exchangeRate } from '../scoring/exchange-rate.js';
import { quoteTargetSentence, quoteTargets } from '../scoring/quote-target.js';
import { type ScoreOptions, scoreAnswers } from '../scoring/score-answers.js';
import { stakeholderViews } from '../scoring/stakeholder-views.js';
import { costing } from './costing.js';
import { migrationPlan } from './migration-plan.js';
import type { BuiltResult } from './result-schema.js';

/**
 * The one result of an engagement: the engine's decision, the vendor-quote targets, the stakeholders' views, and
 * the context every output is rendered from (the validated answers, the node counts per year, the chosen
 * migration, what the data says of each path, and how current the data is). `score`, `generate`, `compare`, the
 * workshop and the library all build it here. Pure.
 */
export function buildResult(answers: Answers, dataset: Dataset, options: ScoreOptions = {}): BuiltResult {
  const result = scoreAnswers(answers, dataset, options);
  const targets = quoteTargets(answers, dataset, result, options);
  const stakeholders = stakeholderViews(answers, dataset, result, options);
  const { currency, horizonYears } = result.engagement;
  const growth = 1 + answers.cluster.growthPercentPerYear / 100;
  const fx = exchangeRate(dataset, answers.engagement);
  return {
    ...result,
    quoteTargets: targets.map((t) => ({ ...t, sentence: quoteTargetSentence(t, currency) })),
    ...(stakeholders === null ? {} : { stakeholders }),
    situation: answers,
    nodesPerYear: Array.from({ length: horizonYears }, (_, y) => answers.cluster.nodes * growth ** y),
    migrationPlan: migrationPlan(answers, dataset, result),
    paths: result.options.map(({ id }) => {
      const data = dataset.options.find((o) => o.id === id);
      return { id, formerly: data?.formerly ?? null, vendor: data?.vendor ?? null };
    }),
    dataVintage: {
      verifiedOn: dataset.meta.verifiedOn,
      exchangeRate: fx.origin === 'base' ? null : { perUsd: fx.perUsd, vintage: fx.vintage },
    },
    costing: costing(answers, dataset),
  };
}
