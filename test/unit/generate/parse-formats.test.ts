import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMATS, parseFormats, REPORT_FORMATS } from '../../../src/generate/parse-formats.js';

describe('parseFormats', () => {
  it('reads a comma-separated list into the canonical order, ignoring case, blanks and repeats', () => {
    expect(parseFormats('pdf,html')).toEqual(['html', 'pdf']);
    expect(parseFormats(' MD , json,,md ')).toEqual(['json', 'md']);
    expect(parseFormats(REPORT_FORMATS.join(','))).toEqual(REPORT_FORMATS);
  });

  it('suggests the closest format for a typo', () => {
    expect(() => parseFormats('html,pfd')).toThrow(
      '--format: unknown format "pfd" (expected some of html, pdf, png, svg, json, md, pptx, xlsx; did you mean pdf?)',
    );
    expect(() => parseFormats('jsno')).toThrow('did you mean json?');
    expect(() => parseFormats('ppt')).toThrow('did you mean pptx?');
  });

  it('names an unrelated word without a suggestion, and refuses an empty list', () => {
    expect(() => parseFormats('docx')).toThrow(
      '--format: unknown format "docx" (expected some of html, pdf, png, svg, json, md, pptx, xlsx)',
    );
    expect(() => parseFormats(' , ')).toThrow('--format is empty');
  });

  it('writes the deck and the workbook only on request', () => {
    expect(parseFormats('xlsx,pptx')).toEqual(['pptx', 'xlsx']);
    expect(DEFAULT_FORMATS).not.toContain('pptx');
    expect(DEFAULT_FORMATS).not.toContain('xlsx');
    expect(parseFormats(DEFAULT_FORMATS.join(','))).toEqual(DEFAULT_FORMATS);
  });
});
