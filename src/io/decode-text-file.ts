import { binaryContent, notUtf8, textInOtherEncoding } from '../shared/error-catalogue.js';

/** Enough of the start of a file to tell UTF-16 text from binary content. */
const SNIFF_BYTES = 1024;

/**
 * The text of an input file's bytes, which must be UTF-8 (a UTF-8 byte order mark is allowed), or a
 * one-line CniError naming the file: UTF-16 and UTF-32 text is named as such, so the user knows to save it
 * again as UTF-8, and never decoded; other bytes with a NUL are binary; the rest must decode as UTF-8.
 */
export function decodeTextFile(bytes: Uint8Array, file: string): string {
  const encoding = sniffWideEncoding(bytes);
  if (encoding !== null) {
    throw textInOtherEncoding(file, encoding);
  }
  if (bytes.includes(0)) {
    throw binaryContent(file);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(file);
  }
}

/**
 * `UTF-16` or `UTF-32` when the bytes open with that byte order mark, `UTF-16` when, without one, the first
 * kilobyte reads as ASCII text with a NUL before or after every character; otherwise null.
 */
export function sniffWideEncoding(bytes: Uint8Array): 'UTF-16' | 'UTF-32' | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xfe, 0, 0) || starts(0, 0, 0xfe, 0xff)) return 'UTF-32';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'UTF-16';
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2);
  if (pairs === 0) return null;
  let littleEndian = 0;
  let bigEndian = 0;
  for (let i = 0; i < pairs; i++) {
    const first = bytes[2 * i] ?? 0;
    const second = bytes[2 * i + 1] ?? 0;
    if (second === 0 && isAsciiText(first)) littleEndian++;
    if (first === 0 && isAsciiText(second)) bigEndian++;
  }
  // A few characters outside ASCII (é is E9 00) still leave most pairs an ASCII character and a NUL.
  return Math.max(littleEndian, bigEndian) >= pairs * 0.9 ? 'UTF-16' : null;
}

/** Printable ASCII, tab, line feed or carriage return. */
function isAsciiText(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}
