import { checkbox, confirm, input, select } from '@inquirer/prompts';
import type { Prompter } from '../questionnaire/prompter.js';
import type { CliIo } from './cli-io.js';
import { paint } from './paint.js';

/** Where the prompts read and write, and what aborts them; the defaults are the process's terminal. */
export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
}

const PAGE_SIZE = 12;

/** The interview's prompts on a terminal, with @inquirer/prompts; help and headings go through `io`. */
export function terminalPrompter(io: CliIo, context: PromptContext = {}): Prompter {
  const help = (text: string | undefined) => {
    if (text !== undefined && text !== '') io.out(`${paint(io.outColor, 'dim', `  ${text}`)}\n`);
  };
  return {
    section({ number, of, title, description }) {
      io.out(`\n${paint(io.outColor, 'bold', `Section ${number} of ${of}: ${title}`)}\n`);
      help(description);
    },
    text(request) {
      help(request.help);
      return input(
        { message: request.message, default: request.default, validate: request.validate },
        context,
      );
    },
    select(request) {
      help(request.help);
      return select(
        {
          message: request.message,
          choices: request.choices.map((c) => ({ ...c })),
          default: request.default,
          pageSize: PAGE_SIZE,
          loop: false,
        },
        context,
      );
    },
    checkbox(request) {
      help(request.help);
      return checkbox(
        {
          message: request.message,
          choices: request.choices.map((c) => ({ ...c })),
          validate: (choices) => request.validate(choices.map((c) => c.value)),
          pageSize: PAGE_SIZE,
          loop: false,
        },
        context,
      );
    },
    confirm(request) {
      help(request.help);
      return confirm({ message: request.message, default: request.default }, context);
    },
  };
}
