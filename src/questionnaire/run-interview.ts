import { IMPORTANCE_LEVELS, type Importance, type NeedKey } from '../schema/answers.js';
import type { Dataset } from '../schema/dataset.js';
import type { JsonSchemaNode } from '../schema/json-schema-node.js';
import { answersSchemaNode, keyNode, keyPath } from './answer-keys.js';
import type { AnswersDraft } from './answers-draft.js';
import { askContext } from './ask-context.js';
import { checkAnswer } from './check-answer.js';
import { draftValue, setDraftValue } from './draft-value.js';
import { InterviewInterrupted } from './interview-interrupted.js';
import type { Prompter, SectionHeading } from './prompter.js';
import { type AskContext, QUESTIONNAIRE, type Question, type Section } from './questionnaire.js';

export interface InterviewOptions {
  readonly prompter: Prompter;
  /** The data the decision engine runs on: it gives derived needs and cost defaults to show. */
  readonly dataset: Dataset;
  /** Answers offered as defaults (a file being resumed); Enter keeps each. */
  readonly prefill?: AnswersDraft;
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
}: InterviewOptions): Promise<AnswersDraft> {
  // What is known: the file being resumed, updated answer by answer. Written out if the interview stops.
  const known = structuredClone(prefill);
  // What was answered in this interview, the context of every later question.
  const settled: AnswersDraft = {};
  for (const [index, section] of QUESTIONNAIRE.entries()) {
    const heading: SectionHeading = {
      number: index + 1,
      of: QUESTIONNAIRE.length,
      title: section.title,
      description: answersSchemaNode().properties?.[section.key]?.description ?? '',
    };
    try {
      prompter.section(heading);
      await askSection(section, { prompter, dataset, known, settled });
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
}

async function askSection(section: Section, state: State): Promise<void> {
  const set = (question: Question, value: unknown) => {
    setDraftValue(state.known, question, value);
    if (value !== undefined) setDraftValue(state.settled, question, value);
  };
  if (section.gate !== undefined) {
    const open = await state.prompter.confirm({
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
  for (const question of section.questions) {
    const ctx = askContext(state.settled, state.dataset);
    if (question.when !== undefined && !question.when(ctx)) set(question, undefined);
    else set(question, await askQuestion(question, ctx, draftValue(state.known, question), state));
  }
}

const resolve = <T>(value: T | ((ctx: AskContext) => T), ctx: AskContext): T =>
  typeof value === 'function' ? (value as (ctx: AskContext) => T)(ctx) : value;

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
  const message = resolve(question.message, ctx);
  const description = saysMore(node.description, message) ? node.description : undefined;
  const help = join(description, question.note?.(ctx));
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

  const numeric = node.type === 'number' || node.type === 'integer';
  const fromText = (text: string): unknown => {
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    return numeric && NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
  };
  const optional = node.default === undefined && !isRequired(question);
  const text = await prompter.text({
    id,
    message: numeric ? `${message} (${rangeText(node, resolve(question.unit, ctx))})` : message,
    help: optional && known === undefined && question.note === undefined ? join(help, EMPTY) : help,
    ...(offered === undefined ? {} : { default: String(offered) }),
    validate: (text) => check(fromText(text)),
  });
  return fromText(text);
}

const EMPTY = 'Empty leaves it out.';
const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');

/** Whether the schema's description adds to the question, or only repeats it with a full stop. */
function saysMore(description: string | undefined, message: string): description is string {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return description !== undefined && plain(description) !== plain(message);
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function isRequired({ section, key }: Question): boolean {
  return answersSchemaNode().properties?.[section]?.required?.includes(key) ?? false;
}

/** `1 to 1,000,000 nodes`; an open-ended range says `0 or more`. */
function rangeText(node: JsonSchemaNode, unit: string | undefined): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const { minimum: min, maximum: max } = node;
  const range =
    min !== undefined && max !== undefined && max < 1e12
      ? `${n(min)} to ${n(max)}`
      : min !== undefined
        ? `${n(min)} or more`
        : max !== undefined
          ? `at most ${n(max)}`
          : 'a number';
  return unit === undefined || unit === '' ? range : `${range} ${unit}`;
}

const LEVEL_MEANING: Record<Importance, string> = {
  must: 'an option that cannot provide it is ruled out',
  should: 'each option adds what it takes to provide it',
  nice: 'counts a little; nothing is added for it',
  no: 'does not count',
};

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
      ...IMPORTANCE_LEVELS.map((level) => ({ value: level, name: level, description: LEVEL_MEANING[level] })),
    ],
    default: typeof known === 'string' ? known : DERIVED,
  });
  return answer === DERIVED ? undefined : (answer as Importance);
}

const DERIVED = 'derived';
