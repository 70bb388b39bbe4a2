import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { imageSize } from '../../src/deck/image-size.js';
import { LOGO_MAX_PIXELS } from '../../src/deck/rasterise-logo.js';
import { bin, root, STACK_LINE } from './harness/cli.js';

/**
 * Brand SVG logos built to exhaust the machine (security review M2, M3, L9, I5). Each run gets 4 GiB of address
 * space and a minute: before the fix they took 24 GB and were OOM-killed, grew without bound ignoring SIGTERM,
 * blocked forever on a FIFO, or drew for 75 s. Now each one ends well inside the minute, with the deck written
 * or a one-line error.
 */
const dir = mkdtempSync(join(tmpdir(), 'cnireport-logo-bombs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const answers = join(root, 'examples', 'small-team-basic.yaml');
const MINUTE = 60_000;

interface Run {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stderr: string;
}

function generateWithLogo(name: string, svg: string): Promise<Run> {
  writeFileSync(join(dir, `${name}.svg`), svg);
  writeFileSync(join(dir, `${name}.yaml`), `logo: ${name}.svg\n`);
  const args = [answers, '--brand', join(dir, `${name}.yaml`), '--out', join(dir, name), '--format', 'pptx'];
  return new Promise((resolve) => {
    execFile(
      '/bin/sh',
      ['-c', 'ulimit -v 4194304; exec "$@"', 'sh', process.execPath, bin, 'generate', ...args],
      { cwd: dir, timeout: MINUTE, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } },
      (error, _stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, signal: error?.signal ?? null, stderr });
      },
    );
  });
}

const svg = (attributes: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${body}</svg>`;

describe('a brand SVG logo that would exhaust the machine', () => {
  it(
    '100000 × 100000 pixels (139 bytes) is drawn at most LOGO_MAX_PIXELS a side (M2)',
    async () => {
      const run = await generateWithLogo(
        'huge',
        svg('width="100000" height="100000" viewBox="0 0 10 10"', '<rect width="10" height="10"/>'),
      );
      expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
      const zip = await JSZip.loadAsync(
        readFileSync(join(dir, 'huge', 'brightloaf-bakery-online', 'report.pptx')),
      );
      const sizes = await Promise.all(
        Object.keys(zip.files)
          .filter((name) => name.startsWith('ppt/media/'))
          .map(async (name) => imageSize((await zip.file(name)?.async('uint8array')) ?? new Uint8Array())),
      );
      expect(sizes).toContainEqual({ width: LOGO_MAX_PIXELS, height: LOGO_MAX_PIXELS });
    },
    MINUTE + 10_000,
  );

  it.each([
    ['/dev/zero (M3)', '/dev/zero'],
    ['a FIFO (L9)', 'fifo'],
  ])(
    'an <image> of %s is refused before anything opens it',
    async (_, href) => {
      if (href === 'fifo') execFileSync('mkfifo', [join(dir, 'fifo')]);
      const run = await generateWithLogo(
        `image-${href.length}`,
        svg('width="300" height="60"', `<image href="${href}" width="300" height="60"/>`),
      );
      expect({ code: run.code, signal: run.signal }).toEqual({ code: 1, signal: null });
      expect(run.stderr).toContain(`refers to an image outside it (${JSON.stringify(href)})`);
      expect(run.stderr).not.toMatch(STACK_LINE);
    },
    MINUTE + 10_000,
  );

  it.each([
    [
      'a filter bomb: 2000 shapes blurred with stdDeviation 1000 (I5)',
      svg(
        'width="300" height="60"',
        '<defs><filter id="b" x="-10" y="-10" width="20" height="20"><feGaussianBlur stdDeviation="1000"/></filter></defs>' +
          '<rect width="300" height="60" filter="url(#b)"/>'.repeat(2000),
      ),
    ],
    [
      'a pattern scaled 100000 times',
      svg(
        'width="300" height="60"',
        '<defs><pattern id="p" width="100" height="100" patternUnits="userSpaceOnUse" patternTransform="scale(100000)">' +
          '<rect width="50" height="50"/></pattern></defs><rect width="300" height="60" fill="url(#p)"/>',
      ),
    ],
  ])(
    '%s: the deck is written or the logo refused in one line',
    async (_, logo) => {
      const run = await generateWithLogo(`bomb-${logo.length}`, logo);
      expect(run.signal).toBeNull();
      if (run.code !== 0) {
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(
          /^error: the brand logo \(SVG\) cannot be drawn for report\.pptx: .+\nhint: /m,
        );
        expect(run.stderr).not.toMatch(STACK_LINE);
      }
    },
    MINUTE + 10_000,
  );
});
