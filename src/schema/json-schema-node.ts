/**
 * The subset of JSON Schema (draft-07) that z.toJSONSchema emits for the answers schema, and the rules
 * answers-json-schema.ts adds to it. Messages, the commented answers file and the answers reference (docs/answers.md) all
 * read this one derived form, so none of them keeps its own list of keys, ranges or allowed values.
 */
export interface JsonSchemaNode {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** `date`: an RFC 3339 full-date; validators that check formats (ajv-formats, editors) refuse 2026-02-30. */
  format?: string;
  /**
   * What editors (yaml-language-server, VS Code) show instead of "does not match the pattern …"; worded to
   * complete "expected …", as the CLI's messages are.
   */
  patternErrorMessage?: string;
  uniqueItems?: boolean;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  required?: readonly string[];
  additionalProperties?: boolean;
  /** Rules across keys, as far as draft-07 can say them (see answers-json-schema.ts). */
  if?: JsonSchemaNode;
  then?: JsonSchemaNode;
  not?: JsonSchemaNode;
}
