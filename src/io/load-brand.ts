import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Brand } from '../report/report-sources.js';
import { DEFAULT_PRIMARY_COLOR } from '../schema/brand.js';
import {
  atValue,
  fileProblems,
  imageProblem,
  isDirectory,
  notAnImage,
  notRegularFile,
  ofBrandFile,
  tooLarge,
  unreadable,
} from '../shared/error-catalogue.js';
import { CniError } from '../shared/errors.js';
import { decodeTextFile } from './decode-text-file.js';
import { escapeUnsafeChars } from './escape-unsafe-chars.js';
import { parseBrandText } from './parse-brand-text.js';
import { formatProblem } from './problem.js';
import { outsideImageProblem, svgOutsideImages } from './svg-outside-images.js';

/** A brand file is a handful of lines. */
export const MAX_BRAND_BYTES = 64 * 1024;
/** A logo is shown a few centimetres wide; anything bigger only bloats every report that inlines it. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export const DEFAULT_BRAND: Brand = {
  name: null,
  logoDataUri: null,
  primaryColor: DEFAULT_PRIMARY_COLOR,
  footer: null,
};

/**
 * Reads and validates a brand file and inlines its logo; without a file, the neutral default brand. Every
 * way it can fail is a CniError naming the file; problems in the file are located `file:line:col`.
 */
export async function loadBrand(file: string | undefined): Promise<Brand> {
  if (file === undefined) return DEFAULT_BRAND;
  const bytes = await readCapped(file, MAX_BRAND_BYTES, 'a brand file is a few lines of YAML').catch(
    (error: unknown) => {
      // Beside the answers files on the same command line, the message says which file this is.
      if (!(error instanceof CniError) || error.code !== 'INPUT_UNREADABLE') throw error;
      throw ofBrandFile(error);
    },
  );
  const parsed = parseBrandText(decodeTextFile(bytes, file), file);
  if (!parsed.ok) {
    throw fileProblems(file, parsed.problems.map(formatProblem));
  }
  const { brand, logoAt } = parsed;
  let logoDataUri: string | null = null;
  if (brand.logo !== undefined) {
    const logoFile = path.isAbsolute(brand.logo) ? brand.logo : path.join(path.dirname(file), brand.logo);
    const where = `${file}:${logoAt?.line ?? 1}:${logoAt?.col ?? 1}  logo`;
    logoDataUri = await readLogo(logoFile).catch((error: unknown) => {
      if (!(error instanceof CniError)) throw error;
      // The logo's path comes from the file and may hold terminal escapes or newlines.
      throw atValue(where, error, escapeUnsafeChars(error.message));
    });
  }
  return {
    name: brand.name ?? null,
    logoDataUri,
    primaryColor: brand.primaryColor.toLowerCase(),
    footer: brand.footer ?? null,
  };
}

async function readLogo(file: string): Promise<string> {
  const bytes = await readCapped(file, MAX_LOGO_BYTES, 'export the logo smaller, or as SVG');
  const type = sniffImageType(bytes);
  if (type === null) {
    throw notAnImage(file);
  }
  if (type === 'image/svg+xml') {
    // The browser draws a logo as an <img>, which loads nothing; the deck's rasteriser refuses such a logo.
    // Said here, once, for every format.
    const outside = svgOutsideImages(new TextDecoder().decode(bytes));
    const [href] = outside.ok ? outside.hrefs : [];
    if (href !== undefined) {
      const { message, hint } = outsideImageProblem(href);
      throw imageProblem(file, message, hint);
    }
  }
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** The image's MIME type from its first bytes, or null when it is none of the types a report inlines. */
export function sniffImageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/svg+xml' | null {
  const starts = (signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  const text = decodeUtf8(bytes);
  // An SVG may open with an XML declaration, comments and a doctype before its root element.
  const svgRoot = /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>]/i;
  if (text !== null && svgRoot.test(text)) return 'image/svg+xml';
  return null;
}

/**
 * The bytes of `file`, refusing directories, devices and anything over `max` bytes without reading more
 * than `max + 1` of them (the file may grow between the size check and the read).
 */
async function readCapped(file: string, max: number, hint: string): Promise<Uint8Array> {
  // stat before opening: opening a FIFO would wait for a writer.
  const stats = await stat(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  if (stats.isDirectory()) throw isDirectory(file);
  if (!stats.isFile()) throw notRegularFile(file);
  if (stats.size > max) throw tooLarge(file, `${stats.size} bytes`, limitOf(max), hint);
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw unreadable(file, error);
  });
  try {
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > max) throw tooLarge(file, `more than ${max} bytes`, limitOf(max), hint);
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof CniError) throw error;
    throw unreadable(file, error);
  } finally {
    await handle.close();
  }
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function limitOf(max: number): string {
  return max >= 1024 * 1024 ? `${max / (1024 * 1024)} MiB` : `${max / 1024} KiB`;
}
