import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { z } from 'zod';
import { answersSchemaNode, keyNode, keyPath } from '../questionnaire/answer-keys.js';
import { answerFromText } from '../questionnaire/answer-text.js';
import type { AnswersDraft } from '../questionnaire/answers-draft.js';
import { askContext } from '../questionnaire/ask-context.js';
import { checkAnswer } from '../questionnaire/check-answer.js';
import { draftValue, setDraftValue } from '../questionnaire/draft-value.js';
import { questionHelp, rangeText, resolveText } from '../questionnaire/question-help.js';
import { type AskContext, QUESTIONNAIRE, type Question } from '../questionnaire/questionnaire.js';
import {
  type Answers,
  AnswersSchema,
  ClusterSchema,
  type EstateGroup,
  keysDecidedByGroups,
  type NeedKey,
  StakeholdersSchema,
} from '../schema/answers.js';
import type { Dataset } from '../schema/dataset.js';
import { formatSchemaValue } from '../schema/describe-expectation.js';
import { NO_CUSTOM_MESSAGE, zodIssueMessages } from '../schema/zod-issue-messages.js';
import { fieldKind } from './workshop-form.js';
import {
  type Entries,
  type FieldKind,
  type FieldState,
  type FieldValue,
  GROUPS,
  STAKEHOLDERS,
} from './workshop-protocol.js';

/** Sections askContext leaves out of what it derives: an answer there changes no later question's context. */
const IGNORED_BY_CONTEXT: ReadonlySet<string> = new Set(['needs', 'assumptions']);

export interface EvaluatedEntries {
  /** Each question as the answers before it make it. */
  readonly fields: Record<string, FieldState>;
  /** Problems that belong to no one input. */
  readonly problems: readonly string[];
  /** What the answers file gets: every valid answer to a question that applies, nothing else. */
  readonly draft: AnswersDraft;
  /** The validated answers, when every answer is valid. */
  readonly answers: Answers | null;
}

/**
 * Reads the page's inputs as the interview reads the terminal: question by question in the questionnaire's
 * order, each worded, shown or skipped by the answers before it, and checked with the messages `validate`
 * gives. A question that does not apply, and a wrong answer, are left out of the draft (the typed text stays
 * on the page).
 */
export function evaluateEntries(entries: Entries, dataset: Dataset): EvaluatedEntries {
  const fields: Record<string, FieldState> = {};
  const draft: AnswersDraft = {};
  let ctx: AskContext | undefined;
  let wrong = false;
  // The estate's groups come first: with them, the counts, clouds, platforms and CNI follow from the groups,
  // as in the interview, and a total the file states is kept as it is, not asked.
  const groups = readGroups(entries[GROUPS]);
  fields[GROUPS] = {
    visible: true,
    label: 'Groups of the estate, each run alike',
    help: GROUPS_HELP,
    ...('error' in groups ? { error: groups.error } : {}),
  };
  if ('error' in groups) wrong = true;
  else if (groups.value !== undefined) draft.cluster = { groups: groups.value };
  const decided = new Set(
    'value' in groups && groups.value !== undefined
      ? keysDecidedByGroups(groups.value).map((k) => `cluster.${k}`)
      : [],
  );
  for (const section of QUESTIONNAIRE) {
    for (const question of section.questions) {
      ctx ??= askContext(draft, dataset);
      const before = ctx;
      const name = keyPath(question);
      if (decided.has(name)) {
        const kept = readEntry(question, entries[name]);
        if (
          'value' in kept &&
          kept.value !== undefined &&
          checkAnswer(question, kept.value, draft) === undefined
        )
          setDraftValue(draft, question, kept.value);
        fields[name] = fieldState(question, before, false, undefined);
        continue;
      }
      const visible = question.when?.(before) ?? true;
      const read = visible ? readEntry(question, entries[name]) : { value: undefined };
      const error =
        'error' in read ? read.error : checkAnswer(question, read.value, draft, { acrossKeys: !wrong });
      if (visible && error !== undefined) wrong = true;
      else if (visible && 'value' in read && read.value !== undefined) {
        setDraftValue(draft, question, read.value);
        if (!IGNORED_BY_CONTEXT.has(question.section)) ctx = undefined;
      }
      fields[name] = fieldState(question, before, visible, visible ? error : undefined);
    }
  }
  const stakeholders = readStakeholders(entries[STAKEHOLDERS]);
  fields[STAKEHOLDERS] = {
    visible: true,
    label: 'Stakeholders',
    help: answersSchemaNode().properties?.stakeholders?.description ?? '',
    ...('error' in stakeholders ? { error: stakeholders.error } : {}),
  };
  if ('error' in stakeholders) wrong = true;
  else if (stakeholders.value !== undefined) draft.stakeholders = stakeholders.value;
  if (wrong) return { fields, problems: [], draft, answers: null };
  const parsed = AnswersSchema.safeParse({ version: 1, ...draft }, { error: () => NO_CUSTOM_MESSAGE });
  if (parsed.success) return { fields, problems: [], draft, answers: parsed.data };
  const problems = parsed.error.issues.flatMap((issue) =>
    zodIssueMessages(issue, answersSchemaNode()).map((m) => `${m.path.join('.')}: ${m.message}`),
  );
  return { fields, problems, draft, answers: null };
}

function fieldState(
  question: Question,
  ctx: AskContext,
  visible: boolean,
  error: string | undefined,
): FieldState {
  const node = keyNode(question);
  const kind = fieldKind(question, node);
  const unit = resolveText(question.unit, ctx);
  const offered = question.suggest?.(ctx) ?? node.default;
  const derived = question.section === 'needs' ? ctx.derivedNeeds[question.key as NeedKey] : undefined;
  return {
    visible,
    label: resolveText(question.message, ctx),
    ...(kind === 'number' || kind === 'scale' ? { range: rangeText(node, unit) } : {}),
    help: questionHelp(question, ctx),
    ...(error === undefined ? {} : { error }),
    ...(offered === undefined
      ? {}
      : { placeholder: formatSchemaValue(offered), offered: asEntry(offered, kind) }),
    ...(derived === undefined ? {} : { derived }),
  };
}

/** The answer an input holds, as the answers file would hold it; or why the page cannot read it. */
function readEntry(
  question: Question,
  entry: FieldValue | undefined,
): { value: unknown } | { error: string } {
  if (entry === undefined) return { value: undefined };
  const node = keyNode(question);
  switch (fieldKind(question, node)) {
    case 'multi':
      return { value: Array.isArray(entry) ? [...entry] : entry };
    case 'boolean':
      return { value: entry };
    case 'select':
    case 'need':
      return { value: entry === '' ? undefined : entry };
    case 'number':
    case 'scale':
      return { value: typeof entry === 'string' ? answerFromText(entry, true) : entry };
    case 'text':
      return { value: typeof entry === 'string' ? answerFromText(entry, false) : entry };
    case 'stakeholders':
    case 'groups':
      return { value: undefined };
    case 'structured': {
      if (typeof entry !== 'string' || entry.trim() === '') return { value: undefined };
      try {
        return { value: parseYaml(entry) };
      } catch (error) {
        return {
          error: `not YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
        };
      }
    }
  }
}

const GROUPS_HELP =
  'For an estate run differently in parts (say EKS in AWS and RKE2 on premises): one group per part, each ' +
  'with its own platform, clouds, clusters, nodes and CNI, and each given its own path and costs. The ' +
  'estate’s counts, clouds, platforms and CNI then follow from the groups. None: the estate is run alike, ' +
  'as the questions below describe it.';

/** The groups the page's cards hold, checked as `validate` checks them; an empty list leaves the key out. */
function readGroups(entry: FieldValue | undefined): { value: EstateGroup[] | undefined } | { error: string } {
  return readListEntry(entry, 'group', ['cluster', 'groups'], (data) => {
    // Checked inside the cluster, so the checks across a group's keys (CNI against clouds, nodes against clusters) run.
    const parsed = ClusterSchema.safeParse({ groups: data }, { error: () => NO_CUSTOM_MESSAGE });
    if (parsed.success) return { value: parsed.data.groups };
    const issue = parsed.error.issues.find((i) => i.path[0] === 'groups') ?? parsed.error.issues[0];
    return { issue: issue === undefined ? undefined : { ...issue, path: issue.path.slice(1) } };
  });
}

/** The stakeholders the page's table holds, checked as `validate` checks them; an empty list leaves the key out. */
function readStakeholders(
  entry: FieldValue | undefined,
): { value: AnswersDraft['stakeholders'] } | { error: string } {
  return readListEntry(entry, 'stakeholder', ['stakeholders'], (data) => {
    const parsed = StakeholdersSchema.safeParse(data, { error: () => NO_CUSTOM_MESSAGE });
    return parsed.success ? { value: parsed.data } : { issue: parsed.error.issues[0] };
  });
}

/**
 * A list a page's table or cards hold as JSON, checked by `check`; its first problem is worded as `validate`
 * words it (its path taken from the list, under `at` in the answers file), naming the row: "group 2 (nodes): …".
 */
function readListEntry<T>(
  entry: FieldValue | undefined,
  row: string,
  at: readonly string[],
  check: (data: unknown) => { value: T } | { issue: z.core.$ZodIssue | undefined },
): { value: T | undefined } | { error: string } {
  if (typeof entry !== 'string' || entry.trim() === '') return { value: undefined };
  let data: unknown;
  try {
    data = JSON.parse(entry);
  } catch {
    return { error: `the list of ${row}s could not be read` };
  }
  if (Array.isArray(data) && data.length === 0) return { value: undefined };
  const checked = check(data);
  if ('value' in checked) return checked;
  const { issue } = checked;
  if (issue === undefined) return { error: `not a valid list of ${row}s` };
  const [message] = zodIssueMessages({ ...issue, path: [...at, ...issue.path] }, answersSchemaNode());
  const [index, ...rest] = issue.path;
  const where =
    typeof index === 'number' ? `${row} ${index + 1}${rest.length > 0 ? ` (${rest.join('.')})` : ''}: ` : '';
  return { error: `${where}${message?.message ?? 'not valid'}` };
}

/** The inputs that show an answers draft: what a file holds, as the page's inputs hold it. */
export function entriesOf(draft: AnswersDraft): Record<string, FieldValue> {
  const entries: Record<string, FieldValue> = {};
  if (draft.stakeholders !== undefined) entries[STAKEHOLDERS] = JSON.stringify(draft.stakeholders);
  if (draft.cluster?.groups !== undefined) entries[GROUPS] = JSON.stringify(draft.cluster.groups);
  for (const question of QUESTIONNAIRE.flatMap((s) => s.questions)) {
    const value = draftValue(draft, question);
    if (value === undefined) continue;
    const kind = fieldKind(question, keyNode(question));
    entries[keyPath(question)] = asEntry(value, kind);
  }
  return entries;
}

function asEntry(value: unknown, kind: FieldKind): FieldValue {
  if (kind === 'structured') return stringifyYaml(value).trimEnd();
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'boolean' ? value : String(value);
}
