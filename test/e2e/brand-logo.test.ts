import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, root, STACK_LINE } from '../hardening/harness/cli.js';

/**
 * A brand's SVG logo is drawn from its own content only (security review M1, L10): resvg, which rasterises it
 * for the deck, reads any image href that is not a data: URL from the disk.
 */
const dir = mkdtempSync(join(tmpdir(), 'cnireport-brand-logo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const answers = join(root, 'examples', 'small-team-basic.yaml');
const PRIVATE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
writeFileSync(join(dir, 'private-photo.png'), PRIVATE_PNG);

function brandWith(name: string, svg: string): string {
  writeFileSync(join(dir, `${name}.svg`), svg);
  writeFileSync(join(dir, `${name}.yaml`), `name: Friendly Partner\nlogo: ${name}.svg\n`);
  return join(dir, `${name}.yaml`);
}

async function mediaOf(pptx: string): Promise<Buffer[]> {
  const zip = await JSZip.loadAsync(readFileSync(pptx));
  const files = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/'));
  return Promise.all(files.map(async (n) => Buffer.from((await zip.file(n)?.async('uint8array')) ?? [])));
}

describe('a brand SVG logo in report.pptx', () => {
  it.each([
    ['an absolute path', join(dir, 'private-photo.png')],
    ['a path relative to the current folder', 'private-photo.png'],
  ])('that names a local image by %s is refused, and the image is never copied (M1)', async (_, href) => {
    const out = join(dir, `out-${href.length}`);
    const brand = brandWith(
      `local-${href.length}`,
      `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><image href="${href}" width="300" height="60"/></svg>`,
    );
    const run = await generate([answers, '--brand', brand, '--out', out, '--format', 'pptx'], { cwd: dir });
    const pptx = join(out, 'small-team', 'report.pptx');
    const copied = existsSync(pptx) && (await mediaOf(pptx)).some((bytes) => bytes.equals(PRIVATE_PNG));
    expect(copied).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\.svg: refers to an image outside it \(".*private-photo\.png"\)/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('with width="1e30" ends with a one-line error, not an abort (L10)', async () => {
    const brand = brandWith(
      'wide',
      '<svg xmlns="http://www.w3.org/2000/svg" width="1e30" height="60"><rect width="10" height="10"/></svg>',
    );
    const run = await generate([answers, '--brand', brand, '--out', join(dir, 'wide'), '--format', 'pptx'], {
      cwd: dir,
    });
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 1, signal: null });
    expect(run.stderr).toMatch(/^error: the brand logo \(SVG\) cannot be drawn for report\.pptx: .+$/m);
    expect(run.stderr).not.toMatch(/panicked|STACK/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
