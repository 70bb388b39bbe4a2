import { describe, expect, it } from 'vitest';
import { decodeTextFile, sniffWideEncoding } from '../../../src/io/decode-text-file.js';
import { CniError } from '../../../src/shared/errors.js';

const TEXT = 'name: Example Consulting\nfooter: Confidential\n';
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

function refusal(bytes: Uint8Array): string {
  try {
    decodeTextFile(bytes, 'f.yaml');
  } catch (error) {
    if (error instanceof CniError && error.code === 'INPUT_UNREADABLE') return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('decodeTextFile', () => {
  it('decodes UTF-8, with or without a byte order mark', () => {
    expect(decodeTextFile(Buffer.from(TEXT), 'f.yaml')).toBe(TEXT);
    expect(decodeTextFile(Buffer.from(`\uFEFF${TEXT}é`), 'f.yaml')).toBe(`${TEXT}é`);
    expect(decodeTextFile(new Uint8Array(), 'f.yaml')).toBe('');
  });

  it.each([
    ['UTF-16LE with its BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['UTF-16BE with its BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])],
    ['UTF-16LE without a BOM', Buffer.from(TEXT, 'utf16le')],
    ['UTF-16BE without a BOM', utf16be(TEXT)],
    ['UTF-16LE without a BOM, a few letters outside ASCII', Buffer.from(`${TEXT}# Ærø café\n`, 'utf16le')],
    ['a lone BOM', Buffer.from([0xff, 0xfe])],
  ])('names %s as UTF-16, in one line', (_, bytes) => {
    expect(refusal(bytes)).toBe('f.yaml: is UTF-16 text; save it as UTF-8');
  });

  it('names UTF-32 with its BOM as UTF-32', () => {
    const le = Buffer.alloc(8);
    le.set([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]);
    expect(refusal(le)).toBe('f.yaml: is UTF-32 text; save it as UTF-8');
    expect(refusal(Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]))).toBe(
      'f.yaml: is UTF-32 text; save it as UTF-8',
    );
  });

  it.each([
    ['NUL bytes', new Uint8Array(64)],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')],
    ['16-bit numbers', new Uint8Array(Uint16Array.from({ length: 64 }, (_, i) => i * 300).buffer)],
    ['UTF-8 text with one NUL', Buffer.from(`${TEXT}\0`)],
  ])('calls %s binary, not UTF-16', (_, bytes) => {
    expect(sniffWideEncoding(bytes)).toBeNull();
    expect(refusal(bytes)).toBe('f.yaml: binary content (expected a YAML or JSON text file)');
  });

  it('refuses Latin-1 as not UTF-8', () => {
    expect(refusal(Buffer.from('name: Ærø\n', 'latin1'))).toBe(
      'f.yaml: not UTF-8 text (expected a YAML or JSON file in UTF-8)',
    );
  });
});
