import { defaultDataset } from './io/load-dataset.js';
import type { Answers } from './schema/answers.js';
import type { Dataset } from './schema/dataset.js';
import { type ScoreOptions, scoreAnswers } from './scoring/score-answers.js';
import type { ScoreResult } from './scoring/score-result.js';

export { loadDataset } from './io/load-dataset.js';
export { buildResult } from './result/build-result.js';
export type { BuiltResult, ReproStamp, Result } from './result/result-schema.js';
export { BuiltResultSchema, ResultSchema } from './result/result-schema.js';
export type { Answers, AnswersInput } from './schema/answers.js';
export { AnswersSchema } from './schema/answers.js';
export type { CapabilityId, Dataset, OptionId } from './schema/dataset.js';
export { CAPABILITY_IDS, DatasetSchema } from './schema/dataset.js';
export type { ScoreOptions } from './scoring/score-answers.js';
export { scoreAnswers } from './scoring/score-answers.js';
export type { OptionResult, ScoreResult } from './scoring/score-result.js';

/**
 * The engine's decision for validated answers, against the data shipped with the package or against `data`.
 * `buildResult` adds what every output is rendered from (quote targets, stakeholders' views, the situation).
 */
export function score(answers: Answers, data?: Dataset, options?: ScoreOptions): ScoreResult {
  return scoreAnswers(answers, data ?? defaultDataset(), options);
}
