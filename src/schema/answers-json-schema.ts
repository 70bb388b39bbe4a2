import { z } from 'zod';
import { InternalError } from '../shared/errors.js';
import { AnswersSchema } from './answers.js';
import type { JsonSchemaNode } from './json-schema-node.js';

export interface AnswersJsonSchema extends JsonSchemaNode {
  $schema: string;
  $id: string;
  title: string;
}

/** A URN rather than a URL: the schema ships inside the package and no web address promises to serve it. */
export const ANSWERS_SCHEMA_ID = 'urn:cnireport:answers:v1';

/**
 * Characters `isDisplayText` refuses anywhere: control characters that are not white space, and the format
 * characters of the Basic Multilingual Plane but the two joiners (direction marks, overrides and isolates,
 * zero-width space, word joiner, byte order mark, soft hyphen). Written with \u escapes only, so the pattern
 * means the same with or without the `u` flag, in every ECMA-262 engine editors use; that is why the format
 * characters beyond it (tag characters U+E0001 and up) are left to validate.
 */
const NEVER_IN_TEXT =
  '\\u0000-\\u0008\\u000e-\\u001f\\u007f-\\u009f\\u00ad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2' +
  '\\u180e\\u200b\\u200e\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufff9-\\ufffb';
/**
 * Also the control characters that are white space, and the byte order mark (white space to String.trim):
 * trimmed from the ends, refused in between.
 */
const CONTROL = `${NEVER_IN_TEXT}\\t\\n\\v\\f\\r\\u2028\\u2029\\ufeff`;
/** Refuses the characters no display text may hold; one pass over the text (no nested quantifiers). */
const NO_CONTROL = `^(?![\\s\\S]*[${NEVER_IN_TEXT}])`;
/** …and needs one character that is neither white space nor a control character: not blank. */
const VISIBLE_TEXT = `${NO_CONTROL}[\\s\\S]*[^\\s${CONTROL}]`;

/**
 * YYYY-MM-DD of a day that exists in the Gregorian calendar: 30 days hath September, and 29 February only in
 * years divisible by 4, but not by 100 unless by 400 (the rule `isRealDate` gets from Date).
 */
const CALENDAR_DATE =
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';

/**
 * The refinements of answers.ts that z.toJSONSchema cannot carry over, said in draft-07 where it can say
 * them, so an editor refuses what `cnireport validate` refuses:
 * - each cloud and framework listed once (`uniqueItems`);
 * - the client's, preparedBy and the stakeholders' names as one line of visible text (patterns; see VISIBLE_TEXT);
 * - report dates that exist (a pattern that knows month lengths and leap years, and `format: date`);
 * - sidecars only with a mesh (`if` mesh.current is none or omitted, `then` sidecars at most 0);
 * - at least one priority above 0 (`not` all four given as 0; an omitted one defaults to 3).
 * What draft-07 cannot say, validate alone checks: more sidecars than nodes × podsPerNode and more clusters
 * than nodes (no comparing two values), a name of only invisible characters such as zero-width spaces or
 * combining marks (needs Unicode classes), tabs or line breaks inside a name, and unpaired surrogates. Both
 * count lengths in code points, but zod after trimming the spaces around a name: 120 characters between
 * spaces are valid and refused by the schema, the one place it is stricter than validate.
 */
function addCrossFieldRules(schema: JsonSchemaNode): void {
  const node = (...path: string[]) => {
    let at: JsonSchemaNode | undefined = schema;
    for (const key of path) at = at?.properties?.[key];
    if (at === undefined) throw new InternalError(`answers JSON Schema has no ${path.join('.')}`);
    return at;
  };
  node('cluster', 'clouds').uniqueItems = true;
  node('compliance', 'frameworks').uniqueItems = true;
  const visibleName = {
    pattern: VISIBLE_TEXT,
    patternErrorMessage:
      'one line of visible text, not blank (no control characters, direction marks or invisible characters)',
  };
  Object.assign(node('engagement', 'client'), visibleName);
  const stakeholderName = node('stakeholders').items?.properties?.name;
  if (stakeholderName === undefined)
    throw new InternalError('answers JSON Schema has no stakeholders[].name');
  Object.assign(stakeholderName, visibleName);
  Object.assign(node('engagement', 'preparedBy'), {
    pattern: NO_CONTROL,
    patternErrorMessage: 'one line of text (no control characters, direction marks or invisible characters)',
  });
  Object.assign(node('engagement', 'date'), {
    pattern: CALENDAR_DATE,
    format: 'date',
    patternErrorMessage: 'a calendar date written YYYY-MM-DD',
  });
  Object.assign(node('mesh'), {
    if: { properties: { current: { const: 'none' } } },
    // biome-ignore lint/suspicious/noThenProperty: draft-07's if/then keyword; the object is never awaited.
    then: { properties: { sidecars: { maximum: 0 } } },
  });
  const priorities = Object.keys(node('priorities').properties ?? {});
  node('priorities').not = {
    required: priorities,
    properties: Object.fromEntries(priorities.map((key) => [key, { const: 0 }])),
  };
}

/**
 * JSON Schema of the answers file as a user writes it (`io: 'input'`: defaults make keys optional), for
 * editor completion and checking, with the refinements draft-07 can express (see addCrossFieldRules).
 */
export function answersJsonSchema(): AnswersJsonSchema {
  const generated = z.toJSONSchema(AnswersSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchemaNode & { $schema: string };
  addCrossFieldRules(generated);
  const { $schema, ...rest } = generated;
  return { $schema, $id: ANSWERS_SCHEMA_ID, title: 'cnireport answers file, format v1', ...rest };
}

/** The schema as shipped in schema/answers.schema.json and printed by `cnireport schema`. */
export function answersJsonSchemaText(): string {
  return `${JSON.stringify(answersJsonSchema(), null, 2)}\n`;
}
