import { AnswersSchema, NEED_KEYS } from '../schema/answers.js';
import type { Dataset } from '../schema/dataset.js';
import { deriveSituation } from '../scoring/derive-situation.js';
import { resolveParameters } from '../scoring/resolve-parameters.js';
import { InternalError } from '../shared/errors.js';
import type { AnswersDraft } from './answers-draft.js';
import type { AskContext, NeedWords } from './questionnaire.js';

/**
 * What the next question may depend on. Needs and cost defaults are what the decision engine would use with
 * the answers so far and no stated needs or overrides, so a question can show the value the data gives.
 */
export function askContext(settled: AnswersDraft, dataset: Dataset): AskContext {
  const { needs: _needs, assumptions: _overrides, ...rest } = settled;
  const { sidecarCpuMillicores: _cpu, sidecarMemoryMiB: _memory, ...mesh } = settled.mesh ?? {};
  const parsed = AnswersSchema.safeParse({
    ...rest,
    version: 1,
    // Derived values do not depend on the name; a stand-in lets them show before it is given.
    engagement: { client: 'client', ...settled.engagement },
    mesh,
  });
  const needWords = needWordsOf(dataset);
  if (!parsed.success) return { answers: settled, derivedNeeds: {}, costDefaults: {}, needWords };
  const situation = deriveSituation(parsed.data, dataset);
  const { needs } = situation;
  return {
    answers: settled,
    derivedNeeds: Object.fromEntries(
      NEED_KEYS.map((key) => [key, { importance: needs[key].importance, reasons: needs[key].reasons }]),
    ),
    costDefaults: Object.fromEntries(
      resolveParameters(situation, dataset).map((p) => [
        p.key,
        { value: p.value, unit: p.unit, kind: p.kind },
      ]),
    ),
    needWords,
  };
}

/** Each need's name and why it matters, as data/capabilities.yaml states them (the one table the report uses too). */
export function needWordsOf(dataset: Dataset): NeedWords {
  return Object.fromEntries(
    NEED_KEYS.map((key) => {
      const capability = dataset.capabilities.find((c) => c.id === key);
      if (capability === undefined) throw new InternalError(`data/capabilities.yaml has no ${key}`);
      return [key, { name: capability.name, why: capability.why }];
    }),
  ) as NeedWords;
}
