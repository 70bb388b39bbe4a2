import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentBrowserSearchContext, findBrowser } from '../../src/pdf/find-browser.js';
import { namedDestinationPages } from '../../src/pdf/named-destination-pages.js';
import { commandRuns, prerequisite } from '../helpers/prerequisite.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Every example, printed on A4 and on Letter, read back page by page as a reader sees it.
 *
 * Ink is the mean darkness of a page rendered in grey at 20 dpi (0 white, 1 black), footer included. Measured on
 * the examples and two clients of the new-user findings (an EKS insurer, a Calico insurer) on both papers:
 * - before chapters ran on, the pages a chapter's tail was stranded on held 0.08-0.82 % (one line to six: a
 *   table row, "Penalties are on the 0-1 risk scale", "Risks to manage" and its bullets, the summary's last
 *   heading), the contents page 1.0-1.2 % and every other page 1.3 % or more;
 * - a half page of table, the emptiest page a report should have, is 1.3 %; a page of text 2.5-5 %.
 * So a page that is neither the cover, the contents nor the last must hold 1 % (a third of a page of text); the
 * last page, where the report simply ends, 0.5 % (the reproduction block alone is 0.74 %, one stranded line 0.1 %).
 */
const MIN_INK = 0.01;
const MIN_INK_LAST = 0.005;
/**
 * The page's text column: page-css.ts sets 17 mm side margins. Chromium prints A4 a third of a point narrower than
 * 210 mm, so the footer's page count, set flush right, ends 0.7 pt past the margin: 1.5 pt is allowed.
 */
const SIDE_MARGIN_PT = (17 * 72) / 25.4;
const EDGE_TOLERANCE_PT = 1.5;

const hasBrowser = prerequisite(
  'Chrome or Chromium (install chromium or set CNIREPORT_CHROME)',
  findBrowser(currentBrowserSearchContext()) !== null,
);
const hasPoppler = prerequisite(
  'poppler-utils (pdftoppm, pdftotext, pdfinfo)',
  commandRuns('pdftoppm', ['-v']) && commandRuns('pdftotext', ['-v']) && commandRuns('pdfinfo', ['-v']),
);

const EXAMPLES = (await readdir('examples')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
const PAPERS = ['A4', 'Letter'] as const;

/** Each page's ink, from pdftoppm's binary greymaps (P5), one after another on stdout. */
function pageInk(pdf: string): number[] {
  const out = execFileSync('pdftoppm', ['-r', '20', '-gray', pdf], { maxBuffer: 64 * 1024 * 1024 });
  const inks: number[] = [];
  let at = 0;
  while (at < out.length) {
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(out.subarray(at, at + 40).toString('latin1'));
    if (header === null) throw new Error(`${pdf}: pdftoppm wrote no greymap at byte ${at}`);
    const size = Number(header[1]) * Number(header[2]);
    const start = at + header[0].length;
    let dark = 0;
    for (let i = start; i < start + size; i++) dark += 255 - (out[i] as number);
    inks.push(dark / (255 * size));
    at = start + size;
  }
  return inks;
}

function pageTexts(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8').split('\f').slice(0, -1);
}

/** Words set outside the text column, as `page N: "word" x0-x1`, the cover (full-bleed) left out. */
function wordsOutsideColumn(pdf: string): string[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '2', pdf, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  }).toString('utf8');
  const outside: string[] = [];
  const pages = [...html.matchAll(/<page width="([\d.]+)" height="[\d.]+">([\s\S]*?)<\/page>/g)];
  for (const [i, page] of pages.entries()) {
    const width = Number(page[1]);
    for (const w of (page[2] ?? '').matchAll(
      /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g,
    )) {
      const [x0, x1] = [Number(w[1]), Number(w[2])];
      if (x0 < SIDE_MARGIN_PT - EDGE_TOLERANCE_PT || x1 > width - SIDE_MARGIN_PT + EDGE_TOLERANCE_PT)
        outside.push(`page ${i + 2}: "${w[3]}" ${x0.toFixed(1)}-${x1.toFixed(1)} of ${width.toFixed(0)}`);
    }
  }
  return outside;
}

describe.runIf(hasBrowser && hasPoppler)('every example in print, on A4 and Letter', () => {
  const pdfs = new Map<string, string>();

  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'cnireport-pages-'));
    for (const paper of PAPERS) {
      const out = join(root, paper);
      const files = EXAMPLES.map((e) => `examples/${e}.yaml`);
      const run = await runCli(
        'generate',
        ...files,
        '--format',
        'pdf,html',
        '--paper',
        paper,
        '--out',
        out,
        '--name-by',
        'file',
      );
      if (run.code !== 0) throw new Error(`generate --paper ${paper} exited ${run.code}: ${run.err}`);
      for (const e of EXAMPLES) pdfs.set(`${e} ${paper}`, join(out, e, 'report.pdf'));
    }
  }, 600_000);

  const cases = EXAMPLES.flatMap((e) => PAPERS.map((p) => `${e} ${p}`));

  it.each(cases)('%s: no near-empty page', (name) => {
    const inks = pageInk(pdfs.get(name) ?? '');
    const thin = inks
      .map((ink, i) => ({ page: i + 1, ink, last: i === inks.length - 1 }))
      .filter(({ page }) => page > 2)
      .filter(({ ink, last }) => ink < (last ? MIN_INK_LAST : MIN_INK))
      .map(({ page, ink }) => `page ${page} of ${inks.length}: ${(ink * 100).toFixed(2)} % ink`);
    expect(thin).toEqual([]);
  });

  it.each(cases)('%s: the executive summary is one page, and every footer counts the pages', (name) => {
    const pdf = pdfs.get(name) ?? '';
    const texts = pageTexts(pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
    expect(texts).toHaveLength(pages);
    expect(texts[2]?.trimStart()).toMatch(/^1\s+Executive summary/);
    expect(texts[3]?.trimStart()).toMatch(/^2\s+The client’s situation/);
    for (const [i, text] of texts.entries())
      if (i > 0) expect(text, `page ${i + 1}`).toMatch(new RegExp(`Page ${i + 1} of ${pages}\\s*$`));
  });

  it.each(cases)('%s: the contents give the page each chapter starts on in the print', async (name) => {
    // The numbers must be the pages Chrome placed the chapters on in the final print (its named destinations,
    // which the contents' links go to), however the printer found them.
    const pdf = pdfs.get(name) ?? '';
    const html = await readFile(join(dirname(pdf), 'report.html'), 'utf8');
    const ids = [...html.matchAll(/data-page-of="([^"]+)"/g)].map((m) => m[1]);
    const contents = pageTexts(pdf)[1] ?? '';
    const numbers = [...contents.matchAll(/^\s*\d+\s+\S.*?\s(\d+)\s*$/gm)].map((m) => Number(m[1]));
    const placed = await namedDestinationPages(await readFile(pdf));
    expect(ids.length).toBeGreaterThan(5);
    expect(numbers).toEqual(ids.map((id) => placed.get(id ?? '')));
  });

  it.each(cases)('%s: no word is set outside the text column', (name) => {
    expect(wordsOutsideColumn(pdfs.get(name) ?? '')).toEqual([]);
  });
});
