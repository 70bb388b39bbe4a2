import { IMPORTANCE_LEVELS, type Importance, keysDecidedByGroups, type NeedKey } from '../schema/answers.js';
import { CRITERIA, criterionInText } from '../schema/criteria.js';
import type { Dataset } from '../schema/dataset.js';
import { answersSchemaNode, keyNode, keyPath, type SectionKey } from './answer-keys.js';
import { answerFromText } from './answer-text.js';
import type { AnswersDraft } from './answers-draft.js';
import { askContext } from './ask-context.js';
import { checkAnswer } from './check-answer.js';
import { draftValue, setDraftValue } from './draft-value.js';
import { InterviewInterrupted } from './interview-interrupted.js';
import type { Prompter, SectionHeading } from './prompter.js';
import {
  IMPORTANCE_MEANING,
  isNumeric,
  isRequired,
  questionHelp,
  rangeText,
  resolveText,
} from './question-help.js';
import { type AskContext, QUESTIONNAIRE, type Question, type Section } from './questionnaire.js';

export interface InterviewOptions {
  readonly prompter: Prompter;
  /** The data the decision engine runs on: it gives derived needs and cost defaults to show. */
  readonly dataset: Dataset;
  /** Answers offered as defaults (a file being resumed); Enter keeps each. */
  readonly prefill?: AnswersDraft;
  /**
   * Where a stopped interview picks up: the sections before it keep the prefill's answers as Enter would,
   * without asking again (an answer that is not valid any more is still asked).
   */
  readonly resumeAt?: SectionKey;
}

/**
 * Asks every question that applies, section by section, and returns the answers given: keys whose
 * question did not apply, and optional keys left empty, are left out. Stops with InterviewInterrupted,
 * carrying every answer known so far, when a prompt fails (Ctrl+C, a closed terminal).
 */
export async function runInterview({
  prompter,
  dataset,
  prefill = {},
  resumeAt,
}: InterviewOptions): Promise<AnswersDraft> {
  const resumeIndex = QUESTIONNAIRE.findIndex((s) => s.key === resumeAt);
  // What is known: the file being resumed, updated answer by answer. Written out if the interview stops.
  const known = structuredClone(prefill);
  // What was answered in this interview, the context of every later question.
  const settled: AnswersDraft = {};
  // The estate's groups are written in the file, not asked: kept as they are, they decide the estate's totals.
  if (prefill.cluster?.groups !== undefined)
    settled.cluster = { groups: structuredClone(prefill.cluster.groups) };
  for (const [index, section] of QUESTIONNAIRE.entries()) {
    const heading: SectionHeading = {
      number: index + 1,
      of: QUESTIONNAIRE.length,
      title: section.title,
      description: answersSchemaNode().properties?.[section.key]?.description ?? '',
    };
    try {
      if (index >= resumeIndex) prompter.section(heading);
      await askSection(section, { prompter, dataset, known, settled, keep: index < resumeIndex });
    } catch (error) {
      throw new InterviewInterrupted(known, heading, error);
    }
  }
  return settled;
}

interface State {
  readonly prompter: Prompter;
  readonly dataset: Dataset;
  readonly known: AnswersDraft;
  readonly settled: AnswersDraft;
  /** Keep the known answers as Enter would, asking only where one is not valid. */
  readonly keep: boolean;
}

async function askSection(section: Section, state: State): Promise<void> {
  const set = (question: Question, value: unknown) => {
    setDraftValue(state.known, question, value);
    if (value !== undefined) setDraftValue(state.settled, question, value);
  };
  if (section.gate !== undefined) {
    const open = state.keep
      ? state.known[section.key] !== undefined
      : await state.prompter.confirm({
          id: section.key,
          message: section.gate.message,
          help: section.gate.help,
          default: state.known[section.key] !== undefined,
        });
    if (!open) {
      for (const question of section.questions) set(question, undefined);
      return;
    }
  }
  const groups = state.settled.cluster?.groups;
  const decided = new Set(groups === undefined ? [] : keysDecidedByGroups(groups).map((k) => `cluster.${k}`));
  for (const question of section.questions) {
    const ctx = askContext(state.settled, state.dataset);
    const known = draftValue(state.known, question);
    // The estate's groups decide its totals: they are not asked, and a total the file states stays as it is.
    if (decided.has(keyPath(question))) {
      if (known !== undefined) setDraftValue(state.settled, question, known);
    } else if (question.when !== undefined && !question.when(ctx)) set(question, undefined);
    else if (state.keep && keeps(question, ctx, known, state.settled))
      set(question, enterAnswer(question, ctx, known));
    else set(question, await askQuestion(question, ctx, known, state));
  }
  // The stakeholders set priorities of their own: they are asked with the client's.
  if (section.key === 'priorities') {
    const stakeholders = state.keep ? state.known.stakeholders : await askStakeholders(state);
    state.known.stakeholders = stakeholders;
    state.settled.stakeholders = stakeholders;
    if (stakeholders === undefined) {
      delete state.known.stakeholders;
      delete state.settled.stakeholders;
    }
  }
}

type Stakeholder = NonNullable<AnswersDraft['stakeholders']>[number];
const STAKEHOLDERS_MAX = 12;

/**
 * The stakeholders, each with their own four priorities: those of the file kept with one Enter, or each one
 * renamed, re-weighted or removed (an empty name removes them), then new ones added until the answer is no.
 */
async function askStakeholders({ prompter, known }: State): Promise<AnswersDraft['stakeholders']> {
  const current = known.stakeholders ?? [];
  const names = current.map((s) => s.name);
  const change = await prompter.confirm({
    id: 'stakeholders',
    message:
      current.length === 0
        ? 'Add stakeholders with priorities of their own (say CFO, CISO, platform lead)?'
        : `Stakeholders: ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' and ' : ''}${names.at(-1)}. Change them?`,
    help: answersSchemaNode().properties?.stakeholders?.description ?? '',
    default: false,
  });
  if (!change) return current.length === 0 ? undefined : current;
  const list: Stakeholder[] = [];
  for (const stakeholder of current) {
    const kept = await askStakeholder(prompter, list, stakeholder);
    if (kept !== undefined) list.push(kept);
  }
  while (
    list.length < STAKEHOLDERS_MAX &&
    (await prompter.confirm({
      id: 'stakeholders.add',
      message: list.length === 0 ? 'Add a stakeholder?' : 'Add another stakeholder?',
      default: list.length === 0,
    }))
  ) {
    const added = await askStakeholder(prompter, list);
    if (added !== undefined) list.push(added);
  }
  return list.length === 0 ? undefined : list;
}

async function askStakeholder(
  prompter: Prompter,
  others: readonly Stakeholder[],
  known?: Stakeholder,
): Promise<Stakeholder | undefined> {
  const taken = new Set(others.map((s) => s.name.toLowerCase()));
  const name = (
    await prompter.text({
      id: 'stakeholders.name',
      message: known === undefined ? 'Stakeholder (a role or a name)' : 'Stakeholder (empty removes them)',
      ...(known === undefined ? {} : { default: known.name }),
      validate: (text) => {
        const trimmed = text.trim();
        if (trimmed === '') return true;
        if (taken.has(trimmed.toLowerCase())) return `${trimmed} is named already`;
        return trimmed.length > 60 ? `at most 60 characters (got ${trimmed.length})` : true;
      },
    })
  ).trim();
  if (name === '') return undefined;
  const priorities: Record<string, number> = {};
  for (const criterion of CRITERIA) {
    const at = { section: 'priorities', key: criterion } as const;
    const node = keyNode(at);
    const offered = known?.priorities?.[criterion] ?? node.default;
    const text = await prompter.text({
      id: `stakeholders.priorities.${criterion}`,
      message: `${name}: weight of ${criterionInText(criterion)} (${rangeText(node, undefined)})`,
      ...(offered === undefined ? {} : { default: String(offered) }),
      validate: (typed) => {
        const value = answerFromText(typed, true);
        const wrong = checkAnswer(at, value, {}, { acrossKeys: false });
        if (wrong !== undefined) return wrong;
        const sum =
          Object.values(priorities).reduce((a, b) => a + b, 0) + (typeof value === 'number' ? value : 0);
        return criterion === CRITERIA.at(-1) && sum === 0 ? 'at least one priority above 0' : true;
      },
    });
    const value = answerFromText(text, true);
    if (typeof value === 'number') priorities[criterion] = value;
  }
  return { name, priorities: priorities as Stakeholder['priorities'] };
}

/** The answer to one question, as the answers file holds it; undefined leaves the key out. */
async function askQuestion(
  question: Question,
  ctx: AskContext,
  known: unknown,
  { prompter, settled }: State,
): Promise<unknown> {
  const node = keyNode(question);
  const id = keyPath(question);
  const offered = known ?? question.suggest?.(ctx) ?? node.default;
  const message = resolveText(question.message, ctx);
  const help = questionHelp(question, ctx);
  const name = (value: unknown) => question.labels?.[String(value)] ?? String(value);
  const check = (value: unknown) => checkAnswer(question, value, settled) ?? (true as const);

  if (question.section === 'needs') return askNeed(question.key as NeedKey, ctx, known, prompter, message);

  if (node.enum !== undefined) {
    return prompter.select({
      id,
      message,
      help,
      choices: node.enum.map((value) => ({ value: String(value), name: name(value) })),
      ...(offered === undefined ? {} : { default: String(offered) }),
    });
  }
  if (node.type === 'array') {
    const chosen = Array.isArray(offered) ? offered.map(String) : [];
    const values = await prompter.checkbox({
      id,
      message,
      help,
      choices: (node.items?.enum ?? []).map((value) => ({
        value: String(value),
        name: name(value),
        checked: chosen.includes(String(value)),
      })),
      validate: (values) => check([...values]),
    });
    // A resumed list keeps its order (the prompt returns choice order): Enter changes nothing.
    return [...chosen.filter((v) => values.includes(v)), ...values.filter((v) => !chosen.includes(v))];
  }
  if (node.type === 'boolean') {
    return prompter.confirm({ id, message, help, default: offered === true });
  }

  const numeric = isNumeric(node);
  const fromText = (text: string): unknown => answerFromText(text, numeric);
  const optional = node.default === undefined && !isRequired(question);
  const text = await prompter.text({
    id,
    message: numeric ? `${message} (${rangeText(node, resolveText(question.unit, ctx))})` : message,
    help: optional && known === undefined && question.note === undefined ? join(help, EMPTY) : help,
    ...(offered === undefined ? {} : { default: String(offered) }),
    validate: (text) => check(fromText(text)),
  });
  return fromText(text);
}

/** What Enter gives to a question: the answer offered, read as the prompt would read it. */
function enterAnswer(question: Question, ctx: AskContext, known: unknown): unknown {
  const node = keyNode(question);
  if (question.section === 'needs') return typeof known === 'string' ? known : undefined;
  const offered = known ?? question.suggest?.(ctx) ?? node.default;
  if (node.enum !== undefined) return offered;
  if (node.type === 'array') return Array.isArray(offered) ? [...offered] : [];
  if (node.type === 'boolean') return offered === true;
  return offered === undefined ? undefined : answerFromText(String(offered), isNumeric(node));
}

function keeps(question: Question, ctx: AskContext, known: unknown, settled: AnswersDraft): boolean {
  return checkAnswer(question, enterAnswer(question, ctx, known), settled) === undefined;
}

const EMPTY = 'Empty leaves it out.';
const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');

/**
 * A need offers the level the rules derive from the answers so far, kept by Enter: the file then leaves
 * the need to the rules. Picking a level states it in the file.
 */
async function askNeed(
  key: NeedKey,
  ctx: AskContext,
  known: unknown,
  prompter: Prompter,
  message: string,
): Promise<Importance | undefined> {
  const derived = ctx.derivedNeeds[key];
  const answer = await prompter.select({
    id: `needs.${key}`,
    message,
    choices: [
      {
        value: DERIVED,
        name: derived === undefined ? 'as the answers imply' : `${derived.importance} (as the answers imply)`,
        description: derived?.reasons.join(' ') ?? 'Derived from the other answers.',
      },
      ...IMPORTANCE_LEVELS.map((level) => ({
        value: level,
        name: level,
        description: IMPORTANCE_MEANING[level],
      })),
    ],
    default: typeof known === 'string' ? known : DERIVED,
  });
  return answer === DERIVED ? undefined : (answer as Importance);
}

const DERIVED = 'derived';
