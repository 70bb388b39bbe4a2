// fontkit 2 ships no type declarations; these cover the part this package uses.
declare module 'fontkit' {
  export interface GlyphRun {
    /** Sum of the shaped glyphs' advances (kerning and default features applied), in font units. */
    readonly advanceWidth: number;
  }
  export interface Font {
    readonly unitsPerEm: number;
    readonly familyName: string;
    /** Every code point the font maps to a glyph. */
    readonly characterSet: readonly number[];
    /** OpenType feature tags of the font's layout tables. */
    readonly availableFeatures: readonly string[];
    layout(text: string, features?: readonly string[]): GlyphRun;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
