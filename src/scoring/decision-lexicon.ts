import { CAPABILITY_IDS, type Dataset } from '../schema/dataset.js';
import { type Lexicon, lexiconOf } from '../words/lexicon.js';
import type { DecisionCore } from './decide-answers.js';

/** What the decision's sentences name things by: its paths, the needs with why each is needed, the money. */
export function decisionLexicon(core: DecisionCore, dataset: Dataset): Lexicon {
  const { plans, needs, situation } = core;
  return lexiconOf(
    plans.map((p) => p.option),
    CAPABILITY_IDS.map((id) => ({
      capability: id,
      name: dataset.capabilities.find((c) => c.id === id)?.name ?? id,
      reasons: needs[id].reasons,
    })),
    situation.engagement.currency,
    situation.engagement.horizonYears,
  );
}
