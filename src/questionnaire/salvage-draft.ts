import { ClusterSchema, StakeholdersSchema } from '../schema/answers.js';
import { answerKeys, keySchema } from './answer-keys.js';
import type { AnswersDraft } from './answers-draft.js';
import { setDraftValue } from './draft-value.js';

/**
 * The answers in parsed YAML that are valid on their own, as a draft to resume: a draft may lack required
 * keys or hold a half-typed value, and each question asks again what is missing or wrong. The list of stakeholders is kept when it is valid as a whole. Unknown keys go.
 */
export function salvageDraft(data: unknown): AnswersDraft {
  const draft: AnswersDraft = {};
  if (!isRecord(data)) return draft;
  for (const at of answerKeys()) {
    const section = data[at.section];
    if (!isRecord(section) || section[at.key] === undefined) continue;
    const parsed = keySchema(at).safeParse(section[at.key]);
    if (parsed.success) setDraftValue(draft, at, parsed.data);
  }
  // The estate's groups are kept as the file has them when valid as a whole: the totals follow from them.
  const groups = ClusterSchema.shape.groups.safeParse(
    isRecord(data.cluster) ? data.cluster.groups : undefined,
  );
  if (groups.success && groups.data !== undefined) draft.cluster = { ...draft.cluster, groups: groups.data };
  const stakeholders = StakeholdersSchema.safeParse(data.stakeholders);
  if (stakeholders.success && stakeholders.data !== undefined) draft.stakeholders = stakeholders.data;
  return draft;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
