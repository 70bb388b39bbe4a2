import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

const EXAMPLES = ['small-team-basic', 'scaleup-sidecar-cost', 'regulated-bank', 'design-sample'] as const;

/**
 * Golden files of what `generate` writes, normalised only where a change is not a change of the report: the
 * tool version, the inlined font and style sheet (files of their own), and the chart SVGs (each has its own
 * golden under golden/charts).
 */
function normaliseHtml(html: string): string {
  return html
    .replace(/(<style>)@font-face[^<]*(<\/style>)/, '$1/* report font */$2')
    .replace(/(<style>)\/\* cnireport stylesheet[^<]*(<\/style>)/, '$1/* templates/report.css */$2')
    .replace(/<svg[\s\S]*?<\/svg>/g, '<svg data-golden="see golden/charts"/>')
    .replace(/cnireport \d+\.\d+\.\d+[^\s<"]*/g, 'cnireport <version>');
}

function normaliseJson(json: string): string {
  return json.replace(/"toolVersion": "[^"]+"/, '"toolVersion": "<version>"');
}

const outDir = await mkdtemp(join(tmpdir(), 'cnireport-golden-'));
const outputs = new Map<string, string>();

beforeAll(async () => {
  for (const name of EXAMPLES) {
    let err = '';
    const io = { out: () => {}, err: (t: string) => (err += t), outColor: false, errColor: false };
    const args = [
      'generate',
      `examples/${name}.yaml`,
      '--out',
      join(outDir, name),
      '--format',
      'html,svg,json,md',
    ];
    const code = await run(['node', 'cnireport', ...args], io);
    if (code !== 0) throw new Error(`generate ${name} exited ${code}: ${err}`);
    const [slug] = await readdir(join(outDir, name));
    outputs.set(name, join(outDir, name, slug ?? ''));
  }
}, 120_000);

describe.each(EXAMPLES)('generate %s', (name) => {
  const folder = () => outputs.get(name) ?? '';

  it('result.json matches its golden file', async () => {
    const json = await readFile(join(folder(), 'result.json'), 'utf8');
    await expect(normaliseJson(json)).toMatchFileSnapshot(`reports/${name}/result.json`);
  });

  it('report.html matches its golden file', async () => {
    const html = await readFile(join(folder(), 'report.html'), 'utf8');
    await expect(normaliseHtml(html)).toMatchFileSnapshot(`reports/${name}/report.html`);
  });

  it('report.md matches its golden file', async () => {
    const md = await readFile(join(folder(), 'report.md'), 'utf8');
    await expect(md).toMatchFileSnapshot(`reports/${name}/report.md`);
  });

  it('inlines exactly the chart SVGs it writes to charts/', async () => {
    const html = await readFile(join(folder(), 'report.html'), 'utf8');
    const files = (await readdir(join(folder(), 'charts'))).filter((f) => f.endsWith('.svg'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const svg = await readFile(join(folder(), 'charts', file), 'utf8');
      expect(html.includes(svg.trim()), `${file} inlined verbatim`).toBe(true);
    }
  });
});
