import { renderAnswersYaml } from '../questionnaire/render-answers-yaml.js';
import { STARTER_ANSWERS } from '../questionnaire/starter-answers.js';
import { type AnswerEdit, editAnswersText, markUnseen } from './edit-answers-text.js';
import type { EstateSummary } from './summarise-estate.js';

export const ASK_IN_WORKSHOP = 'ask in the workshop';

/** The edits that write the estate's values, each with its evidence beside it. */
function estateEdits(estate: EstateSummary): AnswerEdit[] {
  const edits: AnswerEdit[] = [];
  for (const [section, values] of Object.entries(estate.values))
    for (const [key, value] of Object.entries(values ?? {})) {
      const path = `${section}.${key}` as keyof EstateSummary['evidence'];
      edits.push({ section, key, value, comment: `discovered: ${estate.evidence[path] ?? ''}` });
    }
  return edits;
}

/**
 * The answers file discover writes: `existing` (an answers file's text) with only the estate's values
 * changed, or, with none, a new file in init's commented style (the schema beside each key) where every value
 * a capture cannot show is marked to be asked in the workshop. `client` sets engagement.client. Pure.
 */
export function discoveredAnswersText(options: {
  estate: EstateSummary;
  sources: readonly string[];
  schemaRef: string;
  existing?: string;
  client?: string;
}): string {
  const { estate, existing, client } = options;
  const edits = estateEdits(estate);
  if (client !== undefined)
    edits.unshift({
      section: 'engagement',
      key: 'client',
      value: client,
      comment: 'given to discover with --client',
    });
  if (existing !== undefined) return edits.reduce(editAnswersText, existing);
  const fresh = renderAnswersYaml({
    schemaRef: options.schemaRef,
    values: STARTER_ANSWERS,
    note:
      `Written by cnireport discover from ${options.sources.join(', ')}. Values read from the clusters carry ` +
      `their evidence beside them ("discovered: ..."); values marked "${ASK_IN_WORKSHOP}" are defaults no capture can show.`,
  });
  const written = edits.reduce(editAnswersText, fresh);
  const seen = new Set(edits.map((e) => `${e.section}.${e.key}`));
  return markUnseen(
    written,
    ['engagement', 'cluster', 'compliance', 'team', 'mesh', 'priorities'],
    seen,
    ASK_IN_WORKSHOP,
  );
}
