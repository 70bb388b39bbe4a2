import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-template-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shipped = (file: string) =>
  readFileSync(new URL(`../../../templates/${file}`, import.meta.url), 'utf8');

/** A --template folder holding `files`, and the report of an example generated with it (HTML only). */
async function generateWith(name: string, files: Record<string, string>) {
  const templateDir = join(dir, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(templateDir, file, '..'), { recursive: true });
    writeFileSync(join(templateDir, file), text);
  }
  const out = join(dir, `${name}-out`);
  const run = await runCli(
    'generate',
    'examples/small-team-basic.yaml',
    '--template',
    templateDir,
    '--out',
    out,
    '--format',
    'html',
  );
  return { ...run, templateDir, out };
}

describe('a template naming a value the report lacks', () => {
  it('is reported with its file, line, column and whole expression, not "[object Object]"', async () => {
    const cover = shipped('partials/cover.hbs').replace('{{model.client}}', '{{model.clinet}}');
    const line = cover.split('\n').findIndex((l) => l.includes('model.clinet'));
    const col = (cover.split('\n')[line] ?? '').indexOf('model.clinet') + 1;
    const run = await generateWith('cover', { 'partials/cover.hbs': cover });
    expect(run.code).toBe(1);
    expect(run.err.split('\n')[0]).toBe(
      `error: ${join(run.templateDir, 'partials', 'cover.hbs')}:${line + 1}:${col}  "model.clinet" not defined`,
    );
    expect(run.err).not.toContain('[object Object]');
  });

  it('names the layout when the layout is wrong, and the partial when a partial inside it is', async () => {
    const layout = `${shipped('report.hbs')}\n{{ stamp.nope }}\n`;
    const run = await generateWith('layout', { 'report.hbs': layout });
    const line = layout.split('\n').length - 1;
    expect(run.err.split('\n')[0]).toBe(
      `error: ${join(run.templateDir, 'report.hbs')}:${line}:4  "stamp.nope" not defined`,
    );
    const partial = await generateWith('nested', {
      'partials/summary.hbs': '<p>\n  {{#each model.summary.keyFigures}}{{labl}}{{/each}}</p>',
    });
    expect(partial.err.split('\n')[0]).toBe(
      `error: ${join(partial.templateDir, 'partials', 'summary.hbs')}:2:39  "labl" not defined`,
    );
  });
});
