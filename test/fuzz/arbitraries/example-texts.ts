import { readdirSync, readFileSync } from 'node:fs';

const EXAMPLES_DIR = new URL('../../../examples/', import.meta.url);

/** The bundled example answers files, by name: the valid starting points every mutation departs from. */
export const EXAMPLE_TEXTS: ReadonlyMap<string, string> = new Map(
  readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => [name, readFileSync(new URL(name, EXAMPLES_DIR), 'utf8')]),
);
