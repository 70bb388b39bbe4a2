import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
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

describe('loadReportTemplates: a template folder never leads out of itself (security review M4)', () => {
  it.each([
    ['a partial', 'partials/cover.hbs'],
    ['extra.css', 'extra.css'],
    ['report.hbs', 'report.hbs'],
  ])('refuses %s that is a symbolic link to a file outside the folder', async (_, name) => {
    const outside = await overrideDir({ credentials: 'AWS_SECRET_ACCESS_KEY=leaked' });
    const dir = await overrideDir({ 'partials/.keep': '' });
    await symlink(join(outside, 'credentials'), join(dir, name));
    await expect(loadReportTemplates(dir)).rejects.toMatchObject({
      name: 'CniError',
      code: 'TEMPLATE_INVALID',
      message: `${join(dir, name)}: links to a file outside the template folder`,
    });
  });

  it('refuses a partials folder that is a link out of the template folder', async () => {
    const outside = await overrideDir({ 'cover.hbs': 'root:x:0:0' });
    const dir = await overrideDir({ 'extra.css': EXTRA });
    await symlink(outside, join(dir, 'partials'));
    await expect(loadReportTemplates(dir)).rejects.toMatchObject({
      message: `${join(dir, 'partials', 'cover.hbs')}: links to a file outside the template folder`,
    });
  });

  it('refuses a FIFO instead of waiting for a writer, and follows links that stay inside', async () => {
    const dir = await overrideDir({ 'extra.css': EXTRA });
    execFileSync('mkfifo', [join(dir, 'report.css')]);
    await expect(loadReportTemplates(dir)).rejects.toMatchObject({
      message: `${join(dir, 'report.css')}: not a regular file`,
    });
    const inside = await overrideDir({ 'mine.css': EXTRA });
    await symlink(join(inside, 'mine.css'), join(inside, 'extra.css'));
    expect((await loadReportTemplates(inside)).stylesheet).toBe(`${shipped.stylesheet}\n${EXTRA}`);
  });
});
