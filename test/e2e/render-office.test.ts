import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentBrowserSearchContext, findBrowser } from '../../src/pdf/find-browser.js';
import { EXAMPLES, generateThenRender } from '../helpers/generate-then-render.js';
import { commandRuns, prerequisite } from '../helpers/prerequisite.js';

/**
 * `render result.json` against `generate` for the formats a reader opens (issue 19): the PDF's text as pdftotext
 * reads it, and every part of the deck and the workbook that holds what the client reads (slides, notes, native
 * charts, sheets, shared strings), as unzip gives them. Only the packages' own timestamps may differ.
 */
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
      const { gen, ren } = await generateThenRender(dir, example, FORMATS);

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
