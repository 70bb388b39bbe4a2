import type { z } from 'zod';
import { didYouMean } from '../shared/did-you-mean.js';
import { formatGot } from '../shared/format-got.js';
import { describeCount, describeExpectation, describeRange, describeValues } from './describe-expectation.js';
import type { JsonSchemaNode } from './json-schema-node.js';
import { schemaAtPath } from './schema-at-path.js';

type Issue = z.core.$ZodIssue;

/**
 * Passed to `safeParse` as its error map. Schema-level messages take precedence over it, so an issue whose
 * message is still this marker carries no wording of its own and gets one built from its fields.
 */
export const NO_CUSTOM_MESSAGE = '\u0000no custom message';

/** Where the message belongs: the value, the key (unknown keys), or the mapping that lacks the key. */
export type IssueAnchor = 'value' | 'key' | 'parent';

export interface IssueMessage {
  path: PropertyKey[];
  anchor: IssueAnchor;
  message: string;
}

const TYPE_NOUNS: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  bigint: 'an integer',
  string: 'text',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  tuple: 'a list',
  null: 'empty',
};

const isMissing = (issue: Issue) => !('input' in issue) || issue.input === undefined;

/** One or more one-line messages for a zod issue, worded from the issue's fields and the schema at its path. */
export function zodIssueMessages(issue: Issue, root: JsonSchemaNode): IssueMessage[] {
  const node = schemaAtPath(root, issue.path);
  const expectation = node === undefined ? undefined : describeExpectation(node);
  const at = (message: string, anchor: IssueAnchor = 'value'): IssueMessage[] => [
    { path: issue.path, anchor, message },
  ];
  const got = formatGot(issue.input);

  if (isMissing(issue) && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const fromIssue =
      issue.code === 'invalid_type'
        ? (TYPE_NOUNS[issue.expected] ?? 'a value')
        : describeValues(issue.values);
    return at(`required (expected ${expectation ?? fromIssue})`, 'parent');
  }

  switch (issue.code) {
    case 'invalid_type': {
      const noun = TYPE_NOUNS[issue.expected] ?? `a ${issue.expected}`;
      const detail = expectation === undefined || expectation === noun ? '' : `; expected ${expectation}`;
      return at(`must be ${noun} (got ${got}${detail})`);
    }
    case 'too_small':
    case 'too_big':
      return at(sizeMessage(issue, node));
    case 'invalid_value': {
      const suggestion =
        typeof issue.input === 'string' && issue.values.every((v) => typeof v === 'string')
          ? didYouMean(issue.input, issue.values as string[])
          : undefined;
      const hint = suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
      return at(`invalid value (got ${got}; expected ${describeValues(issue.values)}${hint})`);
    }
    case 'unrecognized_keys': {
      const valid = Object.keys(node?.properties ?? {});
      return issue.keys.map((key) => {
        const suggestion = didYouMean(key, valid);
        const message =
          suggestion !== undefined
            ? `unknown key (did you mean \`${suggestion}\`?)`
            : valid.length > 0
              ? `unknown key (expected one of ${valid.join(', ')})`
              : 'unknown key';
        return { path: [...issue.path, key], anchor: 'key', message };
      });
    }
    case 'invalid_format': {
      const wanted =
        issue.message !== NO_CUSTOM_MESSAGE
          ? issue.message
          : issue.pattern !== undefined
            ? `text matching ${issue.pattern}`
            : `a valid ${issue.format}`;
      return at(`invalid format (got ${got}; expected ${wanted})`);
    }
    case 'not_multiple_of':
      return at(`must be a multiple of ${issue.divisor} (got ${got})`);
    case 'custom':
      // A refinement written in the house style already says what it got and expected.
      if (issue.message.includes('(got ')) return at(issue.message);
      return at(
        `invalid value (got ${got}; expected ${issue.message === NO_CUSTOM_MESSAGE ? (expectation ?? 'a valid value') : issue.message})`,
      );
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return at(`invalid value (got ${got}; expected ${expectation ?? 'a valid value'})`);
  }
}

function sizeMessage(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  node: JsonSchemaNode | undefined,
): string {
  const small = issue.code === 'too_small';
  const bound = Number(
    small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum,
  );
  const input = issue.input;
  if (issue.origin === 'string') {
    // In characters as zod counts them (code points), so an emoji is one, not two.
    const length = typeof input === 'string' ? [...input].length : undefined;
    const wanted =
      (node === undefined ? undefined : describeCount(node.minLength, node.maxLength, 'character')) ??
      describeCount(small ? bound : undefined, small ? undefined : bound, 'character');
    // zod trims before it counts: "   " arrives here as "", which would read as if nothing had been typed.
    if (small && input === '') return `blank (expected ${wanted}, not counting spaces at either end)`;
    const got = !small && length !== undefined ? `${length} characters` : formatGot(input);
    return `${small ? 'too short' : 'too long'} (got ${got}; expected ${wanted})`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    const size = Array.isArray(input) ? input.length : input instanceof Set ? input.size : undefined;
    const wanted =
      (node === undefined ? undefined : describeCount(node.minItems, node.maxItems, 'entry')) ??
      describeCount(small ? bound : undefined, small ? undefined : bound, 'entry');
    const got = size === undefined ? formatGot(input) : `${size} ${size === 1 ? 'entry' : 'entries'}`;
    return `${small ? 'too few entries' : 'too many entries'} (got ${got}; expected ${wanted})`;
  }
  const fromIssue = small
    ? `${issue.inclusive === false ? 'above' : 'at least'} ${bound}`
    : `${issue.inclusive === false ? 'below' : 'at most'} ${bound}`;
  const wanted = (node === undefined ? undefined : describeRange(node)) ?? fromIssue;
  return `out of range (got ${formatGot(input)}; expected ${wanted})`;
}
