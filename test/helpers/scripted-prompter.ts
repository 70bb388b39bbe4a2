import type {
  CheckboxRequest,
  ConfirmRequest,
  Prompter,
  SectionHeading,
  SelectRequest,
  TextRequest,
} from '../../src/questionnaire/prompter.js';

/** Press Ctrl+C at this question: the prompt fails as inquirer's does. */
export const CTRL_C = Symbol('Ctrl+C');

export type Reply = string | readonly string[] | boolean | typeof CTRL_C;

/** Several replies to one question, typed in turn: each after the previous one was rejected or answered. */
export class Replies {
  readonly list: Reply[];
  constructor(...list: Reply[]) {
    this.list = list;
  }
}
type Request = TextRequest | SelectRequest | CheckboxRequest | ConfirmRequest;

export interface ScriptedPrompter extends Prompter {
  /** Question ids in the order asked. */
  readonly asked: string[];
  /** The last request for each id, to check wording, defaults and choices. */
  readonly requests: Map<string, Request>;
  /** Validation messages shown, by id, in order. */
  readonly errors: Map<string, string[]>;
  readonly headings: SectionHeading[];
}

/**
 * Answers questions by id, like a person at the keyboard: no reply (or the end of a list of replies)
 * presses Enter on the default; a reply that fails validation shows its message and the next reply is
 * typed. Throws when a question would stay unanswered, so a script cannot loop.
 */
export function scriptedPrompter(script: Record<string, Reply | Replies> = {}): ScriptedPrompter {
  const queues = new Map(
    Object.entries(script).map(([id, reply]): [string, Reply[]] => [
      id,
      reply instanceof Replies ? [...reply.list] : [reply],
    ]),
  );
  const asked: string[] = [];
  const requests = new Map<string, Request>();
  const errors = new Map<string, string[]>();
  const headings: SectionHeading[] = [];

  const next = (request: Request): Reply | undefined => {
    asked.push(request.id);
    requests.set(request.id, request);
    const reply = queues.get(request.id)?.shift();
    if (reply === CTRL_C) {
      throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    }
    return reply;
  };
  const invalid = (id: string, message: string) => {
    errors.set(id, [...(errors.get(id) ?? []), message]);
    if ((queues.get(id)?.length ?? 0) === 0)
      throw new Error(`script: ${id} rejected its last reply: ${message}`);
  };

  return {
    asked,
    requests,
    errors,
    headings,
    section: (heading) => {
      headings.push(heading);
    },
    async text(request) {
      for (;;) {
        const reply = next(request);
        const text = (typeof reply === 'string' ? reply : '') || (request.default ?? '');
        const verdict = request.validate(text);
        if (verdict === true) return text;
        invalid(request.id, verdict);
      }
    },
    async select(request) {
      const reply = next(request);
      const value = typeof reply === 'string' ? reply : (request.default ?? request.choices[0]?.value ?? '');
      if (!request.choices.some((c) => c.value === value)) throw new Error(`script: ${value} is no choice`);
      return value;
    },
    async checkbox(request) {
      for (;;) {
        const reply = next(request);
        const values = Array.isArray(reply)
          ? [...reply]
          : request.choices.filter((c) => c.checked).map((c) => c.value);
        const verdict = request.validate(values);
        if (verdict === true) return values;
        invalid(request.id, verdict);
      }
    },
    async confirm(request) {
      const reply = next(request);
      return typeof reply === 'boolean' ? reply : request.default;
    },
  };
}
