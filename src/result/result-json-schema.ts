import { z } from 'zod';
import { ResultSchema } from './result-schema.js';

/**
 * The JSON Schema (draft 2020-12) of result.json, as committed in schema/result.schema.json: what a consumer
 * of the result can rely on. Generated from ResultSchema, so the two cannot say different things.
 */
export function resultJsonSchemaText(): string {
  const schema = z.toJSONSchema(ResultSchema, { io: 'output', unrepresentable: 'any' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
