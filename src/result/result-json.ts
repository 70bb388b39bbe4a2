import { type BuiltResult, type ReproStamp, type Result, ResultSchema } from './result-schema.js';

/**
 * result.json as stable 2-space JSON: the result and the stamp that reproduces it, passed through the schema so
 * that nothing the schema does not describe is ever written (an extra field is a bug, and throws).
 */
export function resultJson(result: BuiltResult, stamp: ReproStamp): string {
  const parsed: Result = ResultSchema.parse({ ...result, generatedBy: stamp });
  return `${JSON.stringify(parsed, null, 2)}\n`;
}
