import { z } from 'zod';
import { type AnswersInput, AnswersSchema } from '../schema/answers.js';
import { answersJsonSchema } from '../schema/answers-json-schema.js';
import type { JsonSchemaNode } from '../schema/json-schema-node.js';
import { InternalError } from '../shared/errors.js';

/**
 * A section of the answers file: every top-level key but the format version, which is not a question, and the
 * optional list of stakeholders, written by hand (a list of named priorities, not one answer per key).
 */
export type SectionKey = Exclude<keyof AnswersInput, 'version' | 'stakeholders'>;
/** The keys of one section, as the answers file spells them. */
export type KeyOf<S extends SectionKey> = Extract<keyof NonNullable<AnswersInput[S]>, string>;

export interface AnswerKey {
  readonly section: SectionKey;
  readonly key: string;
}

/** The zod object behind a section; sections other than `engagement` are wrapped in a prefault. */
function sectionSchema(section: SectionKey): z.ZodObject {
  const node: z.ZodType = AnswersSchema.shape[section];
  const inner = node instanceof z.ZodPrefault ? node.unwrap() : node;
  if (!(inner instanceof z.ZodObject)) throw new InternalError(`section ${section} is not an object`);
  return inner;
}

/**
 * Keys that are lists of records written in the file, not answers to ask one by one: the estate's groups (each a
 * platform, clouds, clusters, nodes and CNI), which the interview and the workshop keep as the file has them.
 */
const WRITTEN_BY_HAND = new Set(['cluster.groups']);

/** Every key of every section, in schema order: what the questionnaire has to ask. */
export function answerKeys(): AnswerKey[] {
  return Object.keys(AnswersSchema.shape)
    .filter((section): section is SectionKey => section !== 'version' && section !== 'stakeholders')
    .flatMap((section) =>
      Object.keys(sectionSchema(section).shape)
        .filter((key) => !WRITTEN_BY_HAND.has(`${section}.${key}`))
        .map((key) => ({ section, key })),
    );
}

/** The zod schema of one key, to check an answer on its own before checking it against the others. */
export function keySchema({ section, key }: AnswerKey): z.ZodType {
  const schema = sectionSchema(section).shape[key];
  if (schema === undefined) throw new InternalError(`no key ${section}.${key} in the answers schema`);
  return schema as z.ZodType;
}

let jsonSchema: JsonSchemaNode | undefined;

/** The answers JSON Schema, derived once: descriptions, defaults, ranges and allowed values live there. */
export function answersSchemaNode(): JsonSchemaNode {
  jsonSchema ??= answersJsonSchema();
  return jsonSchema;
}

/** The JSON Schema node of one key: its description, default, range or allowed values. */
export function keyNode({ section, key }: AnswerKey): JsonSchemaNode {
  const node = answersSchemaNode().properties?.[section]?.properties?.[key];
  if (node === undefined) throw new InternalError(`no key ${section}.${key} in the answers JSON Schema`);
  return node;
}

/** `cluster.nodes`: how messages and prompt ids name a key. */
export function keyPath({ section, key }: AnswerKey): string {
  return `${section}.${key}`;
}
