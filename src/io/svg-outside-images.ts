import { SaxesParser } from 'saxes';

/**
 * The elements whose `href` resvg's parser (usvg 0.34, in @resvg/resvg-js 2.6.2) hands to its image loader. That
 * loader reads every href that is not a `data:` URL as a path on the disk, absolute or relative to the current
 * folder (`#id` included), and resvg-js offers no option to turn it off: a logo that names `/dev/zero`, a FIFO
 * or someone's photo would be read. Compared case-insensitively, whatever the namespace prefix: erring wide.
 */
const IMAGE_ELEMENTS = new Set(['image', 'feimage']);
/** An SVG inside a data: URL inside the logo, and so on: a logo needs one or two levels. */
const MAX_NESTING = 4;

/** What an SVG refers to outside itself, or why it cannot be told. */
export type OutsideImages =
  | { readonly ok: true; readonly hrefs: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** What to tell the user about a logo that names `href`, and how to fix it. */
export function outsideImageProblem(href: string): { readonly message: string; readonly hint: string } {
  return {
    message: `refers to an image outside it (${JSON.stringify(href)}); a logo is drawn from its own content only`,
    hint: 'embed the image in the SVG as a data: URL, or give a PNG logo',
  };
}

/**
 * The image references of an SVG that are not carried inside it (anything but a `data:` URL), looking into the
 * SVG images its data: URLs carry as usvg does. Not well-formed XML, a compressed SVG inside, or nesting deeper
 * than a logo needs: `ok: false`, since what it refers to cannot be told.
 */
export function svgOutsideImages(svg: string): OutsideImages {
  const hrefs: string[] = [];
  const reason = collect(svg, 0, hrefs);
  return reason === null ? { ok: true, hrefs } : { ok: false, reason };
}

function collect(svg: string, depth: number, hrefs: string[]): string | null {
  if (depth > MAX_NESTING) return `images nested more than ${MAX_NESTING} levels deep`;
  const parser = new SaxesParser({ xmlns: false });
  const inner: Uint8Array[] = [];
  let failure: string | null = null;
  parser.on('error', (error) => {
    failure ??= `not well-formed XML (${error.message})`;
  });
  parser.on('opentag', (tag) => {
    const local = tag.name.slice(tag.name.indexOf(':') + 1).toLowerCase();
    if (!IMAGE_ELEMENTS.has(local)) return;
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (name !== 'href' && !name.endsWith(':href')) continue;
      const data = dataUrl(value);
      if (data === null) hrefs.push(value);
      else if (data.svg !== null) inner.push(data.svg);
    }
  });
  parser.write(svg).close();
  if (failure !== null) return failure;
  for (const bytes of inner) {
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'a compressed SVG image inside it';
    const nested = collect(Buffer.from(bytes).toString('utf8'), depth + 1, hrefs);
    if (nested !== null) return nested;
  }
  return null;
}

/**
 * A data: URL as usvg's `data-url` crate reads it (WHATWG fetch's data: URL processor): null when it is none,
 * which sends it to the file loader; else the bytes when usvg would load them as an SVG (an SVG or text type
 * that is not a PNG, JPEG or GIF), or null bytes for a raster.
 */
function dataUrl(href: string): { svg: Uint8Array | null } | null {
  // Leading and trailing C0 controls and spaces are stripped; tabs and newlines anywhere are removed.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the characters the URL parser drops
  const url = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (!/^data:/i.test(url)) return null;
  const comma = url.indexOf(',');
  if (comma < 0) return null;
  const header = url.slice(5, comma);
  const mime = (header.split(';')[0] ?? '').trim().toLowerCase() || 'text/plain';
  if (mime !== 'image/svg+xml' && mime !== 'text/plain') return { svg: null };
  const body = url.slice(comma + 1);
  const bytes = /;\s*base64\s*$/i.test(header)
    ? new Uint8Array(Buffer.from(Buffer.from(percentDecode(body)).toString('latin1'), 'base64'))
    : percentDecode(body);
  return { svg: mime === 'text/plain' && isRaster(bytes) ? null : bytes };
}

function percentDecode(text: string): Uint8Array {
  const out: number[] = [];
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes.subarray(i + 1, i + 3).toString('latin1');
    if (bytes[i] === 0x25 && /^[0-9a-f]{2}$/i.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else out.push(bytes[i] ?? 0);
  }
  return new Uint8Array(out);
}

function isRaster(bytes: Uint8Array): boolean {
  const starts = (signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);
  return starts([0x89, 0x50, 0x4e, 0x47]) || starts([0xff, 0xd8, 0xff]) || starts([0x47, 0x49, 0x46, 0x38]);
}
