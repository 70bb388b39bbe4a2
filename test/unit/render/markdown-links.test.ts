import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';

/** The relative targets of report.md's links (not web addresses). */
function localLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((t) => !/^https?:/.test(t));
}

async function generate(formats: string, answers = 'examples/small-team-basic.yaml') {
  const out = await mkdtemp(join(tmpdir(), 'cnireport-md-links-'));
  // No browser: a PDF is never printed, whatever the machine has.
  const previous = process.env.CNIREPORT_CHROME;
  process.env.CNIREPORT_CHROME = join(out, 'no-such-browser');
  try {
    const run = await runCli('generate', answers, '--out', out, '--format', formats);
    const [slug = ''] = await readdir(out);
    return { run, folder: join(out, slug) };
  } finally {
    if (previous === undefined) delete process.env.CNIREPORT_CHROME;
    else process.env.CNIREPORT_CHROME = previous;
  }
}

describe('report.md', () => {
  it.each(['html,md', 'md,svg', 'md,png', 'md', 'html,pdf,md,svg'])(
    'links only files that were written (--format %s)',
    async (formats) => {
      const { folder } = await generate(formats);
      const markdown = await readFile(join(folder, 'report.md'), 'utf8');
      const links = localLinks(markdown);
      for (const target of links) expect(existsSync(join(folder, target)), target).toBe(true);
      if (formats.includes('html')) expect(links).toContain('report.html');
      expect(links).not.toContain('report.pdf');
    },
    60_000,
  );
});

describe('generate on stderr', () => {
  it('tells the consultant, not the client, that a price is a placeholder, and names characters the font lacks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cnireport-notes-'));
    const text = (await readFile('examples/small-team-basic.yaml', 'utf8')).replace(
      'client: Brightloaf Bakery Online',
      'client: "Brightloaf 🚀 Bakery"',
    );
    await writeFile(join(dir, 'answers.yaml'), text);
    const { run, folder } = await generate('html,md', join(dir, 'answers.yaml'));
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      'note: Brightloaf 🚀 Bakery: assumptions.isovalentPricePerNodeYear is a placeholder',
    );
    expect(run.err).toContain("set it to the vendor's quote");
    expect(run.err).toMatch(/note: Brightloaf 🚀 Bakery: the report font lacks 🚀 \(U\+1F680\)/);
    const html = await readFile(join(folder, 'report.html'), 'utf8');
    const summary = /<section class="chapter" id="summary">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(summary).toContain('indicative price; no vendor quote yet');
    expect(summary).not.toContain('assumptions.');
  }, 60_000);
});
