import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, generateThenRender, onlyFolder } from '../helpers/generate-then-render.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * `render result.json` against `generate` for every bundled example: the formats that need no browser (HTML,
 * Markdown, the chart SVGs and Vega-Lite specs, result.json) must be the same bytes, file for file.
 */
const FORMATS = 'html,md,svg,json';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

describe('render result.json', () => {
  it('has bundled examples to check', () => expect(EXAMPLES.length).toBeGreaterThanOrEqual(5));

  it.each(EXAMPLES)(
    'reproduces what generate wrote for %s, byte for byte',
    async (example) => {
      const { gen: genFolder, ren: renFolder } = await generateThenRender(dir, example, FORMATS);
      expect(renFolder.slice(renFolder.lastIndexOf('/'))).toBe(genFolder.slice(genFolder.lastIndexOf('/')));
      const files = filesUnder(genFolder);
      expect(files).toEqual(expect.arrayContaining(['report.html', 'report.md', 'result.json']));
      expect(files.some((f) => f.endsWith('.svg'))).toBe(true);
      expect(filesUnder(renFolder)).toEqual(files);
      for (const file of files) {
        const same = readFileSync(join(renFolder, file)).equals(readFileSync(join(genFolder, file)));
        expect(same, `${example}: ${file}`).toBe(true);
      }
    },
    60_000,
  );

  it('refuses a result.json that is not valid at file:line:col, in one line, and writes nothing', async () => {
    const generated = await runCli(
      'generate',
      'examples/small-team-basic.yaml',
      '--out',
      join(dir, 'bad', 'gen'),
      '--format',
      'json',
    );
    expect(generated.code, generated.err).toBe(0);
    const text = readFileSync(join(onlyFolder(join(dir, 'bad', 'gen')), 'result.json'), 'utf8');
    const cases = [
      {
        name: 'version',
        text: text.replace('"resultVersion": 1', '"resultVersion": 2'),
        at: /:2:20: .*resultVersion/,
      },
      { name: 'json', text: `${text.slice(0, 40)}}${text.slice(40)}`, at: /:\d+:\d+: not valid JSON/ },
      {
        name: 'not a number',
        text: text.replace(/"horizonYears": \d+/, '"horizonYears": "three"'),
        at: /:\d+:\d+: .*engagement\.horizonYears/,
      },
    ];
    for (const c of cases) {
      const file = join(dir, 'bad', `${c.name}.json`);
      writeFileSync(file, c.text);
      const out = join(dir, 'bad', `out-${c.name}`);
      const run = await runCli('render', file, '--out', out, '--format', FORMATS);
      expect(run.code, c.name).toBe(1);
      const [error, hint, ...rest] = run.err.trimEnd().split('\n');
      expect(error, c.name).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
      expect(error, c.name).toMatch(c.at);
      expect(hint).toMatch(/^hint: /);
      expect(rest, c.name).toEqual([]);
      expect(run.err).not.toMatch(/\n\s+at /);
      expect(existsSync(out), c.name).toBe(false);
    }
  }, 60_000);
});
