import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import { ANSWERS_SCHEMA_ID, answersJsonSchemaText } from '../schema/answers-json-schema.js';

/**
 * The JSON Schema the `# yaml-language-server: $schema=` line of an answers file names: a copy next to it.
 * A path into the install breaks when the file is moved or shared and moves with every npm or nvm upgrade;
 * no web address serves the schema. A sibling travels with the folder, works offline, and is refreshed by
 * the next `init` or `interview` in that folder (format v1 only grows, so an older copy still fits).
 */
export const SCHEMA_BESIDE = 'answers.schema.json';

/**
 * What is at `path`: nothing, this version's schema, an older cnireport answers schema (same $id), or a
 * file that is not ours and must not be replaced.
 */
export type SchemaState = 'absent' | 'current' | 'older' | 'foreign';

export function schemaBeside(answersFile: string): string {
  return join(dirname(answersFile), SCHEMA_BESIDE);
}

export async function schemaState(path: string): Promise<SchemaState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'foreign';
  }
  if (text === answersJsonSchemaText()) return 'current';
  try {
    return (JSON.parse(text) as { $id?: unknown }).$id === ANSWERS_SCHEMA_ID ? 'older' : 'foreign';
  } catch {
    return 'foreign';
  }
}

/**
 * Writes this version's schema next to `answersFile` unless it is there already, never replacing a file
 * that is not a cnireport answers schema. Returns the path and what was there before.
 */
export async function placeSchemaBeside(answersFile: string): Promise<{ path: string; state: SchemaState }> {
  const path = schemaBeside(answersFile);
  const state = await schemaState(path);
  if (state === 'absent' || state === 'older') {
    await writeFileAtomic(path, answersJsonSchemaText(), { overwrite: state === 'older' });
  }
  return { path, state };
}
