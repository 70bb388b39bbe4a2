/** Codes of problems a user can fix; the CLI prints them and exits 1. */
export type CniErrorCode =
  | 'INPUT_INVALID'
  | 'INPUT_UNREADABLE'
  | 'INPUT_TOO_LARGE'
  | 'OUTPUT_EXISTS'
  | 'OUTPUT_UNWRITABLE'
  | 'DATA_INVALID'
  | 'TEMPLATE_INVALID'
  | 'BROWSER_NOT_FOUND'
  | 'BROWSER_FAILED'
  | 'USAGE'
  | 'NO_TERMINAL'
  | 'INTERRUPTED'
  /** The person stopped a command that runs until stopped (the workshop, the interview): not an error. */
  | 'STOPPED';

/**
 * A problem the user can fix: one line, optionally a hint. Exit code 1, or `exitCode` where a convention
 * says otherwise (130 after Ctrl+C).
 */
export class CniError extends Error {
  readonly code: CniErrorCode;
  readonly hint: string | undefined;
  readonly exitCode: number;
  constructor(
    code: CniErrorCode,
    message: string,
    options?: { hint?: string; cause?: unknown; exitCode?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CniError';
    this.code = code;
    this.hint = options?.hint;
    this.exitCode = options?.exitCode ?? 1;
  }
}

/** A bug: a branch that cannot happen. The CLI prints the stack and asks for a report. Exit code 2. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

export function assertNever(value: never): never {
  throw new InternalError(`unexpected value: ${JSON.stringify(value)}`);
}
