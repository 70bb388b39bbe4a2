import { join, relative, sep } from 'node:path';
import { packageRoot } from './package-info.js';

/** The shipped schema, relative to the folder of the answers file, as editors resolve it. */
export function schemaRefFrom(folder: string): string {
  return relative(folder, join(packageRoot(), 'schema', 'answers.schema.json'))
    .split(sep)
    .join('/');
}
