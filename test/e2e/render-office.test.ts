import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentBrowserSearchContext, findBrowser } from '../../src/pdf/find-browser.js';
import { commandRuns, prerequisite } from '../helpers/prerequisite.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * `render result.json` against `generate` for the formats a reader opens (issue 19): the PDF's text as pdftotext
 * reads it, and every part of the deck and the workbook that holds what the client reads (slides, notes, native
 * charts, sheets, shared strings), as unzip gives them. Only the packages' own timestamps may differ.
 */
const EXAMPLES = readdirSync('examples')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));
const FORMATS = 'pdf,pptx,xlsx,json';

const hasBrowser = prerequisite(
  'Chrome or Chromium (install chromium or set CNIREPORT_CHROME)',
  findBrowser(currentBrowserSearchContext()) !== null,
);
const hasTools = prerequisite(
  'poppler-utils (pdftotext) and unzip',
  commandRuns('pdftotext', ['-v']) && commandRuns('unzip', ['-v']),
);

const dir = mkdtempSync(join(tmpdir(), 'cnireport-render-office-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function onlyFolder(parent: string): string {
  const [folder, ...more] = readdirSync(parent);
  if (folder === undefined || more.length > 0) throw new Error(`expected one report folder in ${parent}`);
  return join(parent, folder);
}

/** The package's parts that carry content, by name, with their text; docProps (created, modified) left out. */
function contentParts(zip: string, pattern: RegExp): Map<string, string> {
  const names = execFileSync('unzip', ['-Z1', zip])
    .toString('utf8')
    .split('\n')
    .filter((name) => pattern.test(name))
    .sort();
  return new Map(names.map((name) => [name, execFileSync('unzip', ['-p', zip, name]).toString('utf8')]));
}

describe.runIf(hasBrowser && hasTools)('render result.json, the PDF, deck and workbook', () => {
  it.each(EXAMPLES)(
    '%s: the same text in the PDF and the same slides and sheets as generate wrote',
    async (example) => {
      const generated = await runCli(
        'generate',
        `examples/${example}.yaml`,
        '--out',
        join(dir, example, 'gen'),
        '--format',
        FORMATS,
      );
      expect(generated.code, generated.err).toBe(0);
      const gen = onlyFolder(join(dir, example, 'gen'));
      const rendered = await runCli(
        'render',
        join(gen, 'result.json'),
        '--out',
        join(dir, example, 'ren'),
        '--format',
        FORMATS,
      );
      expect(rendered.code, rendered.err).toBe(0);
      const ren = onlyFolder(join(dir, example, 'ren'));

      const pdfText = (folder: string) =>
        execFileSync('pdftotext', ['-layout', join(folder, 'report.pdf'), '-']).toString('utf8');
      const text = pdfText(gen);
      expect(text).toContain('Executive summary');
      expect(pdfText(ren)).toBe(text);

      const deckParts = /^ppt\/(slides|notesSlides|charts)\/[^/]+\.xml$/;
      const deck = contentParts(join(gen, 'report.pptx'), deckParts);
      expect([...deck.keys()].filter((k) => k.startsWith('ppt/slides/')).length).toBeGreaterThanOrEqual(8);
      expect(contentParts(join(ren, 'report.pptx'), deckParts)).toEqual(deck);

      const sheetParts = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml|workbook\.xml)$/;
      const workbook = contentParts(join(gen, 'tco.xlsx'), sheetParts);
      expect(workbook.has('xl/sharedStrings.xml')).toBe(true);
      expect(contentParts(join(ren, 'tco.xlsx'), sheetParts)).toEqual(workbook);
    },
    120_000,
  );
});
