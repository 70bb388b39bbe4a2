import { describe, expect, it } from 'vitest';
import { describeWritten } from '../../../src/generate/describe-written.js';
import { REPORT_FORMATS } from '../../../src/generate/parse-formats.js';
import { type RenderedReport, reportFiles } from '../../../src/generate/report-files.js';

const png = new Uint8Array([1, 2]);
const report: RenderedReport = {
  html: '<html>',
  pdf: new Uint8Array([37]),
  resultJson: '{}\n',
  markdown: '# r\n',
  deck: new Uint8Array([80, 75]),
  workbook: new Uint8Array([80, 75, 3]),
  charts: [
    { name: 'tco', spec: { mark: 'bar' }, svg: '<svg/>', png },
    { name: 'tornado', spec: { mark: 'rule' }, svg: '<svg/>', png },
  ],
};

describe('reportFiles', () => {
  it('lays out every format of a full report', () => {
    const files = reportFiles(REPORT_FORMATS, report);
    expect(files.map((f) => f.path)).toEqual([
      'report.html',
      'report.pdf',
      'charts/tco.svg',
      'charts/tco.png',
      'charts/tco.vl.json',
      'charts/tornado.svg',
      'charts/tornado.png',
      'charts/tornado.vl.json',
      'result.json',
      'report.md',
      'report.pptx',
      'tco.xlsx',
    ]);
    expect(files.find((f) => f.path === 'charts/tco.vl.json')?.data).toBe('{\n  "mark": "bar"\n}\n');
    expect(files.find((f) => f.path === 'charts/tco.png')?.data).toBe(png);
  });

  it('writes only what was asked for, and nothing that was not rendered', () => {
    expect(reportFiles(['json'], report).map((f) => f.path)).toEqual(['result.json']);
    expect(reportFiles(['png'], report).map((f) => f.path)).toEqual([
      'charts/tco.png',
      'charts/tco.vl.json',
      'charts/tornado.png',
      'charts/tornado.vl.json',
    ]);
    expect(reportFiles(['html', 'pdf'], { ...report, pdf: null }).map((f) => f.path)).toEqual([
      'report.html',
    ]);
    expect(reportFiles(['pptx'], report).map((f) => f.path)).toEqual(['report.pptx']);
    expect(reportFiles(['xlsx'], report).map((f) => f.path)).toEqual(['tco.xlsx']);
  });
});

describe('describeWritten', () => {
  const files = reportFiles(REPORT_FORMATS, report);

  it('summarises one folder, charts counted once with their file types', () => {
    expect(describeWritten({ folder: 'out/acme', files })).toBe(
      'wrote out/acme/: report.html, report.pdf, 2 charts (.svg .png .vl.json), result.json, report.md, report.pptx, tco.xlsx',
    );
    expect(describeWritten({ folder: 'out/a', files: files.slice(0, 2) })).toBe(
      'wrote out/a/: report.html, report.pdf',
    );
  });
});
