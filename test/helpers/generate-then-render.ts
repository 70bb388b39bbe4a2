import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './run-cli.js';

/** The bundled examples, by name. */
export const EXAMPLES = readdirSync('examples')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

/** The one report folder `generate` or `render` wrote under `parent`. */
export function onlyFolder(parent: string): string {
  const [folder, ...more] = readdirSync(parent);
  if (folder === undefined || more.length > 0) throw new Error(`expected one report folder in ${parent}`);
  return join(parent, folder);
}

/**
 * `generate` an example into `dir/<example>/gen`, then `render` its result.json into `dir/<example>/ren`, in the
 * same formats: the two report folders, for a test to compare.
 */
export async function generateThenRender(
  dir: string,
  example: string,
  formats: string,
): Promise<{ gen: string; ren: string }> {
  const generated = await runCli(
    'generate',
    `examples/${example}.yaml`,
    '--out',
    join(dir, example, 'gen'),
    '--format',
    formats,
  );
  expect(generated.code, generated.err).toBe(0);
  const gen = onlyFolder(join(dir, example, 'gen'));
  const rendered = await runCli(
    'render',
    join(gen, 'result.json'),
    '--out',
    join(dir, example, 'ren'),
    '--format',
    formats,
  );
  expect(rendered.code, rendered.err).toBe(0);
  return { gen, ren: onlyFolder(join(dir, example, 'ren')) };
}
