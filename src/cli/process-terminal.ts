import { PassThrough } from 'node:stream';
import type { Prompter } from '../questionnaire/prompter.js';
import type { CliIo } from './cli-io.js';

/** The terminal an interview runs on; tests pass a scripted one. */
export interface InterviewTerminal {
  /** Whether a person can answer: stdin and stdout are a terminal and CI is not set. */
  interactive(): boolean;
  /** Prompts for one interview; close() gives the terminal back as it was. */
  open(): { prompter: Prompter; close(): void };
}

/** Ctrl+D would close a prompt without settling it, Ctrl+Z suspend the interview mid-question. */
const SWALLOWED = new Set([0x04, 0x1a]);

/**
 * The process's own terminal. Keystrokes reach the prompts through a stream of ours rather than stdin
 * itself, so that a closed terminal (end of stdin, EIO, SIGHUP) or SIGTERM aborts the question being asked
 * instead of ending the process: the interview then writes its draft. (readline would crash on a closed
 * terminal, and signal-exit, which inquirer uses, would end the process before the draft is written.)
 */
export function processTerminal(io: CliIo): InterviewTerminal {
  return {
    interactive: () =>
      process.stdin.isTTY === true && process.stdout.isTTY === true && !ciIsSet(process.env.CI),
    open() {
      const controller = new AbortController();
      const keys = new PassThrough();
      let terminalGone = false;
      const stop = (reason: 'SIGHUP' | 'SIGTERM') => () => {
        terminalGone ||= reason === 'SIGHUP';
        if (!controller.signal.aborted) controller.abort(reason);
      };
      const hangUp = stop('SIGHUP');
      const terminate = stop('SIGTERM');
      const forward = (chunk: Buffer) => {
        keys.write(Buffer.from(chunk.filter((byte) => !SWALLOWED.has(byte))));
      };
      process.on('SIGHUP', hangUp);
      process.on('SIGTERM', terminate);
      process.stdin.on('end', hangUp);
      process.stdin.on('error', hangUp);
      process.stdin.on('data', forward);
      process.stdin.setRawMode(true);
      process.stdin.resume();
      // @inquirer/prompts and what it pulls in (an external editor with its charset detection) are a third of
      // the CLI's code, needed by the interview alone: loaded here, not by every command at start-up.
      const loaded = import('./terminal-prompter.js').then(({ terminalPrompter }) =>
        terminalPrompter(io, { input: keys, signal: controller.signal }),
      );
      return {
        prompter: deferredPrompter(loaded),
        close() {
          process.removeListener('SIGHUP', hangUp);
          process.removeListener('SIGTERM', terminate);
          process.stdin.removeListener('data', forward);
          process.stdin.removeListener('end', hangUp);
          // A closed terminal fails every call with EIO: it keeps the listener that ignores them.
          if (!terminalGone) {
            process.stdin.setRawMode(false);
            process.stdin.removeListener('error', hangUp);
          }
          process.stdin.pause();
        },
      };
    },
  };
}

/** A prompter once it has loaded; calls keep their order, a section heading included. */
function deferredPrompter(loaded: Promise<Prompter>): Prompter {
  let queue: Promise<unknown> = loaded;
  const next = <T>(call: (prompter: Prompter) => T | Promise<T>): Promise<T> => {
    const result = Promise.all([loaded, queue.catch(() => undefined)]).then(([prompter]) => call(prompter));
    queue = result;
    return result;
  };
  return {
    // A failed load is reported by the question that follows, not as an unhandled rejection here.
    section: (heading) => void next((p) => p.section(heading)).catch(() => undefined),
    text: (request) => next((p) => p.text(request)),
    select: (request) => next((p) => p.select(request)),
    checkbox: (request) => next((p) => p.checkbox(request)),
    confirm: (request) => next((p) => p.confirm(request)),
  };
}

/** CI=false or CI=0 is someone saying it is not CI. */
function ciIsSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
