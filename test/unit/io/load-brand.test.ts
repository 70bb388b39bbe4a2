import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_BRAND, loadBrand, MAX_LOGO_BYTES, sniffImageType } from '../../../src/io/load-brand.js';
import { CniError } from '../../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-brand-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const SVG = '<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"/>';

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function failure(path: string): Promise<CniError> {
  const error = await loadBrand(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CniError)) throw new Error(`expected a CniError, got ${String(error)}`);
  return error;
}

describe('loadBrand', () => {
  it('is the neutral default brand without a file', async () => {
    expect(await loadBrand(undefined)).toBe(DEFAULT_BRAND);
    expect(DEFAULT_BRAND.primaryColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('reads every key and inlines the logo, found relative to the brand file', async () => {
    file('b1/assets/logo.png', PNG);
    const brand = await loadBrand(
      file(
        'b1/brand.yaml',
        'name: Example Consulting\nlogo: assets/logo.png\nprimaryColor: "#AA3300"\nfooter: Confidential\n',
      ),
    );
    expect(brand).toEqual({
      name: 'Example Consulting',
      logoDataUri: `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`,
      primaryColor: '#aa3300',
      footer: 'Confidential',
    });
  });

  it('fills omitted keys with defaults', async () => {
    expect(await loadBrand(file('name-only.yaml', 'name: X\n'))).toEqual({ ...DEFAULT_BRAND, name: 'X' });
  });

  it('locates schema problems, with a did-you-mean for a misspelt key', async () => {
    const path = file('bad.yaml', 'name: X\nprimaryColour: "#000000"\nfooter: 3\n');
    const error = await failure(path);
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message.split('\n')).toEqual([
      `${path}: 2 problems`,
      `${path}:2:1  primaryColour: unknown key (did you mean \`primaryColor\`?)`,
      `${path}:3:9  footer: must be text (got 3; expected text of 1 to 200 characters)`,
    ]);
  });

  it('locates a colour that is not #rrggbb and YAML syntax errors', async () => {
    const colour = file('colour.yaml', 'primaryColor: navy\n');
    expect((await failure(colour)).message).toMatch(
      new RegExp(
        `${colour}:1:15 {2}primaryColor: invalid format \\(got "navy"; expected a colour written #rrggbb\\)`,
      ),
    );
    const broken = file('broken.yaml', 'name: "X\n');
    expect((await failure(broken)).message).toMatch(
      /broken\.yaml:\d+:\d+ {2}invalid YAML: quoted text never closed/,
    );
    expect((await failure(file('list.yaml', '- a\n'))).message).toContain('the brand file must be a mapping');
    expect((await failure(file('alias.yaml', 'name: &n X\nfooter: *n\n'))).message).toContain('aliases');
  });

  it.each([
    ['JPEG', JPEG, 'image/jpeg'],
    ['SVG', SVG, 'image/svg+xml'],
  ])('inlines a %s logo, judged by content whatever its extension', async (_, content, type) => {
    file(`sniff-${type.length}/logo.png`, content);
    const brand = await loadBrand(file(`sniff-${type.length}/brand.yaml`, 'logo: logo.png\n'));
    expect(brand.logoDataUri?.startsWith(`data:${type};base64,`)).toBe(true);
  });

  it('refuses a logo that is no image, in one line naming both files and the spot', async () => {
    const logo = file('txt/logo.svg', 'hello, I am text');
    const brand = file('txt/brand.yaml', 'name: X\nlogo: logo.svg\n');
    const error = await failure(brand);
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe(
      `${brand}:2:7  logo: ${logo}: not a PNG, JPEG or SVG image (judged by its content, not its name)`,
    );
  });

  it('refuses a missing logo and one over the size cap', async () => {
    const missing = await failure(file('missing/brand.yaml', 'logo: nope.png\n'));
    expect(missing.message).toMatch(/brand\.yaml:1:7 {2}logo: .*nope\.png: no such file$/);
    const big = file('big/logo.png', PNG);
    truncateSync(big, MAX_LOGO_BYTES + 1);
    const tooLarge = await failure(file('big/brand.yaml', 'logo: logo.png\n'));
    expect(tooLarge.code).toBe('INPUT_TOO_LARGE');
    expect(tooLarge.message).toContain(`too large (got ${MAX_LOGO_BYTES + 1} bytes; expected at most 2 MiB)`);
  });

  it('refuses a brand file that is missing, a folder or binary', async () => {
    expect((await failure(join(dir, 'absent.yaml'))).message).toBe(
      `brand file ${join(dir, 'absent.yaml')}: no such file`,
    );
    expect((await failure(dir)).message).toBe(`brand file ${dir}: is a directory (expected a file)`);
    expect((await failure(file('bin.yaml', new Uint8Array([0, 1, 2])))).code).toBe('INPUT_UNREADABLE');
  });

  it('names a brand file saved as UTF-16 (with or without a BOM) instead of calling it binary', async () => {
    const text = 'name: X\nfooter: Confidential\n';
    const bom = file(
      'utf16-bom.yaml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const bare = file('utf16.yaml', Buffer.from(text, 'utf16le'));
    for (const path of [bom, bare]) {
      const error = await failure(path);
      expect(error.code).toBe('INPUT_UNREADABLE');
      expect(error.message).toBe(`${path}: is UTF-16 text; save it as UTF-8`);
    }
  });

  it('escapes terminal escapes and newlines of a logo path quoted in a message', async () => {
    const brand = file('esc/brand.yaml', 'name: X\nlogo: "\\e[2Jx\\ny.png"\n');
    const error = await failure(brand);
    expect(error.message).toMatch(/brand\.yaml:2:7 {2}logo: .*\\u001b\[2Jx\\u000ay\.png: no such file$/);
    expect(error.message).not.toContain('\u001b');
    expect(error.message).not.toContain('\n');
  });
});

describe('sniffImageType', () => {
  it.each([
    [PNG, 'image/png'],
    [JPEG, 'image/jpeg'],
    [new TextEncoder().encode(SVG), 'image/svg+xml'],
    [new TextEncoder().encode('\uFEFF  <svg viewBox="0 0 1 1"></svg>'), 'image/svg+xml'],
    [new TextEncoder().encode('<html><svg></svg></html>'), null],
    [new TextEncoder().encode('<svgx>'), null],
    [new Uint8Array([0x89, 0x50, 0x4e]), null],
    [new Uint8Array([0xff, 0xfe, 0x3c, 0x00]), null],
    [new Uint8Array([]), null],
  ])('%#: %s', (bytes, type) => {
    expect(sniffImageType(bytes)).toBe(type);
  });
});
