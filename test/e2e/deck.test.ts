import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../src/scoring/score-result.js';
import { formatMoney } from '../../src/shared/format.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * report.pptx opened by a reader that did not write it: LibreOffice converts it to PDF, and the PDF's text must
 * hold what the deck is for. Under CI a missing LibreOffice or poppler fails the run (`.ci/run` installs
 * libreoffice-impress and poppler-utils); elsewhere the test says it is skipped.
 */
function commandExists(command: string, versionFlag: string): boolean {
  try {
    execFileSync(command, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const ready = commandExists('soffice', '--version') && commandExists('pdftotext', '-v');
if (!ready && process.env.CI) {
  throw new Error('test/e2e/deck.test.ts needs LibreOffice (soffice) and poppler-utils (pdftotext) under CI');
}
if (!ready) console.warn('SKIPPED test/e2e/deck.test.ts: needs LibreOffice (soffice) and pdftotext.');

const dir = mkdtempSync(join(tmpdir(), 'cnireport-deck-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The slides and then their notes pages, as LibreOffice prints them; with a profile of its own, so parallel
 * runs and a user's open LibreOffice do not collide.
 */
function toPdf(pptx: string, outDir: string): string {
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  const withNotes = 'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"}}';
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', withNotes, '--outdir', outDir, pptx],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return join(outDir, 'report.pdf');
}

describe.skipIf(!ready)('report.pptx read by LibreOffice', () => {
  it.each(['regulated-bank', 'small-team-basic'])(
    'converts %s to a PDF holding the client, the recommendation, the TCO figures and the speaker notes',
    async (example) => {
      const out = join(dir, example);
      const run = await runCli(
        'generate',
        `examples/${example}.yaml`,
        '--out',
        out,
        '--format',
        'pptx,json',
        '--brand',
        'examples/brand/brand.yaml',
      );
      expect(run.code, run.err).toBe(0);
      const [slug] = run.out.match(/[a-z0-9-]+(?=\/: )/) ?? [];
      const folder = join(out, slug ?? '');
      const result = JSON.parse(readFileSync(join(folder, 'result.json'), 'utf8')) as ScoreResult;
      const pdf = toPdf(join(folder, 'report.pptx'), folder);

      const pages = execFileSync('pdfinfo', [pdf])
        .toString('utf8')
        .match(/^Pages:\s+(\d+)/m)?.[1];
      // A page per slide, then a notes page per slide.
      expect(Number(pages)).toBeGreaterThanOrEqual(16);
      // Lines of slide text run together in the PDF's text; compare with whitespace folded.
      const text = execFileSync('pdftotext', [pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
      expect(text).toContain(`CNI recommendation for ${result.engagement.client}`);
      expect(text).toContain(`${result.recommendation.name} recommended`);
      expect(text).toContain('Example Consulting · Confidential');
      // The deck leads with the median of the simulated totals, as every output does.
      for (const option of result.options) {
        expect(text, option.name).toContain(formatMoney(option.tco.median, result.currency.code));
      }
      // Notes pages (long notes run past the page LibreOffice prints them on, so only their openings).
      expect(text).toContain('Answers file (SHA-256)');
      expect(text).toContain('The inputs behind these figures');
    },
    180_000,
  );
});
