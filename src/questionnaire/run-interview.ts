import { IMPORTANCE_LEVELS, type Importance, type NeedKey } from '../schema/answers.js';
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
  for (const question of section.questions) {
    const ctx = askContext(state.settled, state.dataset);
    const known = draftValue(state.known, question);
    if (question.when !== undefined && !question.when(ctx)) set(question, undefined);
    else if (state.keep && keeps(question, ctx, known, state.settled))
      set(question, enterAnswer(question, ctx, known));
    else set(question, await askQuestion(question, ctx, known, state));
  }
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
