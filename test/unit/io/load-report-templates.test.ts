import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportTemplates } from '../../../src/io/load-report-templates.js';
import { renderReportHtml } from '../../../src/render/render-report-html.js';
import type { ReportTemplates } from '../../../src/render/report-templates.js';
import { makeAnswers } from '../../helpers/make-answers.js';
import { reportSources } from '../../helpers/report-sources.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function overrideDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cnireport-css-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

const EXTRA = '.cover-title { color: rgb(1, 2, 3); }';

let shipped: ReportTemplates;
beforeAll(async () => {
  shipped = await loadReportTemplates();
});

describe('loadReportTemplates: the stylesheet', () => {
  it('adds the rules of extra.css after the whole shipped stylesheet', async () => {
    const loaded = await loadReportTemplates(await overrideDir({ 'extra.css': EXTRA }));
    expect(loaded.stylesheet).toBe(`${shipped.stylesheet}\n${EXTRA}`);
    const html = renderReportHtml(reportSources(makeAnswers()), loaded);
    expect(html).toContain(`${shipped.stylesheet}\n${EXTRA}</style>`);
  });

  it('adds extra.css after a report.css that replaces the shipped one', async () => {
    const loaded = await loadReportTemplates(
      await overrideDir({ 'report.css': 'body { margin: 0; }', 'extra.css': EXTRA }),
    );
    expect(loaded.stylesheet).toBe(`body { margin: 0; }\n${EXTRA}`);
  });

  it('still lets report.css replace the shipped stylesheet', async () => {
    const loaded = await loadReportTemplates(await overrideDir({ 'report.css': 'body { margin: 0; }' }));
    expect(loaded.stylesheet).toBe('body { margin: 0; }');
  });

  it('names extra.css among the files a template folder may hold', async () => {
    await expect(loadReportTemplates(await overrideDir({ 'notes.txt': 'x' }))).rejects.toThrow(
      /holds none of report.hbs, report.css, extra.css or partials\//,
    );
  });
});
