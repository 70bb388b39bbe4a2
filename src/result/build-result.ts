import type { Answers } from '../schema/answers.js';
import type { Dataset } from '../schema/dataset.js';
import { decisionCore } from '../scoring/decide-answers.js';
import { deriveSituation } from '../scoring/derive-situation.js';
import { quoteTargets } from '../scoring/quote-target.js';
import { type ScoreOptions, scoreDecision } from '../scoring/score-answers.js';
import { stakeholderViews } from '../scoring/stakeholder-views.js';
import { quoteTargetSentence } from '../words/quote-target-text.js';
import { describeStakeholders } from '../words/stakeholder-text.js';
import { costing } from './costing.js';
import { migrationPlan } from './migration-plan.js';
import type { BuiltResult } from './result-schema.js';

/**
 * The one result of an engagement: the engine's decision, the vendor-quote targets, the stakeholders' views, and
 * the context every output is rendered from (the validated answers, the node counts per year, the chosen
 * migration, what the data says of each path, and how current the data is). `score`, `generate`, `compare`, the
 * workshop and the library all build it here. The quote targets and the stakeholders' views are computed when
 * first read (the report and result.json read them; the charts, deck, workbook and compare do not). Pure.
 */
export function buildResult(answers: Answers, dataset: Dataset, options: ScoreOptions = {}): BuiltResult {
  // The client's situation and the decision's set-up (needs, figures, each option's stack) are derived once, for
  // the result, its costing, the quote targets and the stakeholders' views.
  const situation = deriveSituation(answers, dataset);
  const core = decisionCore(situation, dataset);
  const result = scoreDecision(core, dataset, options);
  const { currency, horizonYears } = result.engagement;
  const { growth } = situation.cluster;
  const { fx } = situation;
  const hasStakeholders = situation.stakeholders.length > 0;
  const built: BuiltResult = {
    ...result,
    quoteTargets: [], // in place for the lazy field below
    // In place for the lazy field below.
    ...(hasStakeholders ? { stakeholders: undefined } : {}),
    situation: answers,
    nodesPerYear: Array.from({ length: horizonYears }, (_, y) => situation.cluster.nodes * growth ** y),
    migrationPlan: migrationPlan(answers, dataset, result),
    paths: result.options.map(({ id }) => {
      const data = dataset.options.find((o) => o.id === id);
      return { id, formerly: data?.formerly ?? null, vendor: data?.vendor ?? null };
    }),
    dataVintage: {
      verifiedOn: dataset.meta.verifiedOn,
      exchangeRate: fx.origin === 'base' ? null : { perUsd: fx.perUsd, vintage: fx.vintage },
    },
    costing: costing(dataset, core),
    breakEvenCountRange: { ...dataset.model.breakEvenCountRange },
  };
  // Each re-runs the engine's decision many times, and only the report and result.json read them: computed on
  // the first read, in their place among the fields.
  computedOnRead(built, 'quoteTargets', () =>
    quoteTargets(situation, dataset, result, options).map((t) => ({
      ...t,
      sentence: quoteTargetSentence(t, currency),
    })),
  );
  if (hasStakeholders) {
    computedOnRead(built, 'stakeholders', () => {
      const views = stakeholderViews(situation, dataset, result, options);
      return views === null ? undefined : describeStakeholders(views);
    });
  }
  return built;
}

/**
 * Makes `key` of `target` a field computed on its first read and kept: enumerable and in the same place, so
 * JSON, spreading, zod and equality see an ordinary field.
 */
function computedOnRead<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  let value: { readonly of: T[K] } | undefined;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      value ??= { of: compute() };
      return value.of;
    },
  });
}
