import fc from 'fast-check';

/** One input for a fuzz target: the file content, and the classes of change that produced it (for the tally). */
export interface FuzzCase {
  readonly content: string | Uint8Array;
  readonly kinds: readonly string[];
}

const SHOWN_CHARS = 600;

/**
 * A case whose counterexample stays readable: fast-check prints it through this method, and a 1 MiB string
 * or byte array would bury the kinds and the start of the file that explain the failure.
 */
export function fuzzCase(content: string | Uint8Array, kinds: readonly string[]): FuzzCase {
  return {
    content,
    kinds,
    [fc.toStringMethod]: () => {
      const size = typeof content === 'string' ? `${content.length} chars` : `${content.length} bytes`;
      const head = typeof content === 'string' ? content.slice(0, SHOWN_CHARS) : content.subarray(0, 64);
      const shown = typeof head === 'string' ? JSON.stringify(head) : `[${head.join(',')}]`;
      const cut = content.length > SHOWN_CHARS ? ' (cut)' : '';
      return `fuzzCase(${JSON.stringify(kinds)}, ${size}: ${shown}${cut})`;
    },
  } as FuzzCase;
}
