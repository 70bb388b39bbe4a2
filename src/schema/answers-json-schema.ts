import { z } from 'zod';
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
 * JSON Schema of the answers file as a user writes it (`io: 'input'`: defaults make keys optional), for
 * editor completion. Refinements that JSON Schema cannot express (each cloud listed once, real calendar
 * dates, sidecars versus pods) are only enforced by `cnireport validate`.
 */
export function answersJsonSchema(): AnswersJsonSchema {
  const generated = z.toJSONSchema(AnswersSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchemaNode & { $schema: string };
  const { $schema, ...rest } = generated;
  return { $schema, $id: ANSWERS_SCHEMA_ID, title: 'cnireport answers file, format v1', ...rest };
}

/** The schema as shipped in schema/answers.schema.json and printed by `cnireport schema`. */
export function answersJsonSchemaText(): string {
  return `${JSON.stringify(answersJsonSchema(), null, 2)}\n`;
}
