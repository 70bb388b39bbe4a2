import fc from 'fast-check';
import { EXAMPLE_TEXTS } from './example-texts.js';
import { type FuzzCase, fuzzCase } from './fuzz-case.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Bytes that are not UTF-8 YAML: random bytes, an image header, an example in UTF-16 or Latin-1, and an
 * example with invalid UTF-8 or a NUL spliced in.
 */
export function binaryContent(): fc.Arbitrary<FuzzCase> {
  const example = fc.constantFrom(...EXAMPLE_TEXTS.values());
  return fc.oneof(
    fc.uint8Array({ maxLength: 4096 }).map((b) => fuzzCase(b, ['random-bytes'])),
    fc
      .uint8Array({ maxLength: 512 })
      .map((b) => fuzzCase(Uint8Array.from([...PNG_SIGNATURE, ...b]), ['png'])),
    example.map((t) =>
      fuzzCase(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]), ['utf-16']),
    ),
    example.map((t) => fuzzCase(Buffer.from(t.replace('Acme', 'Ærø'), 'latin1'), ['latin-1'])),
    fc
      .tuple(
        example,
        fc.nat(),
        fc.constantFrom([0x00], [0xc3], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0xf8, 0x88]),
      )
      .map(([t, at, bad]) => {
        const bytes = Buffer.from(t, 'utf8');
        const spot = at % (bytes.length + 1);
        const kind = bad[0] === 0 ? 'nul-byte' : 'invalid-utf-8';
        return fuzzCase(Buffer.concat([bytes.subarray(0, spot), Buffer.from(bad), bytes.subarray(spot)]), [
          kind,
        ]);
      }),
  );
}
