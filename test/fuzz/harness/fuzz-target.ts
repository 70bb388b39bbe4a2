/**
 * What one run of a target did with one input, in the CLI's terms: exit 0 with a value (answers, a result,
 * later a report), 1 with the message the user sees, or 2 for anything else (an uncaught error).
 */
export interface Outcome {
  readonly exit: 0 | 1 | 2;
  readonly ms: number;
  readonly value?: unknown;
  readonly message: string;
}

/** Something that takes the content of an answers file and ends in an outcome: the loader, the engine, the CLI. */
export interface FuzzTarget {
  readonly name: string;
  /** The file the content is written to, as messages name it. */
  readonly file: string;
  /** Extra checks of a successful outcome's value; each string is a rule broken. */
  readonly checkValue: (value: unknown) => string[];
  readonly run: (content: string | Uint8Array) => Promise<Outcome>;
}
