import { renderChartPng } from '../charts/render-chart.js';
import { renderReportCharts } from '../charts/render-report-charts.js';
import type { Comparison } from '../compare/compare-scenarios.js';
import { comparisonCharts } from '../compare/comparison-charts.js';
import { comparisonReportModel } from '../compare/comparison-report-model.js';
import { renderComparisonHtml } from '../compare/render-comparison-html.js';
import { renderComparisonMarkdown } from '../compare/render-comparison-markdown.js';
import type { ReportFile } from '../generate/report-files.js';
import { writeReportFiles } from '../generate/write-report-files.js';
import { loadComparisonTemplates } from '../io/load-comparison-templates.js';
import { browserTimeouts } from '../pdf/browser-timeouts.js';
import type { Brand } from '../report/report-sources.js';
import { CniError } from '../shared/errors.js';

export interface ComparisonReportOptions {
  readonly outDir: string;
  readonly formats: readonly ('html' | 'pdf' | 'md' | 'json')[];
  /** comparison.json: the text `compare --json` prints. */
  readonly json: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly paper: 'A4' | 'Letter';
  readonly brand: Brand;
  readonly generator: string;
  /** --format named pdf: a missing browser is then an error, else a note. */
  readonly pdfAskedFor: boolean;
  readonly note: (text: string) => void;
}

/**
 * Writes the comparison report into `outDir` as a unit (every file staged, then renamed under the folder's
 * lock, as `generate` writes a report): comparison.html, .pdf, .md, .json, and the charts the Markdown links
 * to. Returns the paths written.
 */
export async function writeComparisonReport(
  comparison: Comparison,
  options: ComparisonReportOptions,
): Promise<string[]> {
  const { formats } = options;
  const specs = comparisonCharts(comparison);
  const charts = await renderReportCharts(specs, { png: formats.includes('md') });
  const model = comparisonReportModel(
    comparison,
    charts.map((c) => ({ name: c.name, description: c.description, svg: c.svg })),
    options.date,
    options.paper,
    options.brand,
  );
  const files: ReportFile[] = [];
  const needsHtml = formats.includes('html') || formats.includes('pdf');
  const html = needsHtml
    ? renderComparisonHtml(model, await loadComparisonTemplates(), options.generator)
    : null;
  if (html !== null && formats.includes('html')) files.push({ path: 'comparison.html', data: html });
  if (html !== null && formats.includes('pdf')) {
    const pdf = await printPdf(html, model.title, options);
    if (pdf !== null) files.push({ path: 'comparison.pdf', data: pdf });
  }
  if (formats.includes('md')) {
    files.push({ path: 'comparison.md', data: renderComparisonMarkdown(model, true) });
    for (const chart of charts) {
      files.push(
        { path: `charts/${chart.name}.svg`, data: chart.svg },
        { path: `charts/${chart.name}.png`, data: chart.png ?? renderChartPng(chart.svg) },
        { path: `charts/${chart.name}.vl.json`, data: `${JSON.stringify(chart.spec, null, 2)}\n` },
      );
    }
  }
  if (formats.includes('json')) files.push({ path: 'comparison.json', data: options.json });
  await writeReportFiles(options.outDir, files);
  return files.filter((f) => !f.path.startsWith('charts/')).map((f) => `${options.outDir}/${f.path}`);
}

async function printPdf(
  html: string,
  title: string,
  options: ComparisonReportOptions,
): Promise<Uint8Array | null> {
  // Loaded only when a PDF is wanted: puppeteer is the heaviest import of the tool.
  const { PdfPrinter } = await import('../pdf/print-pdf.js');
  let printer: Awaited<ReturnType<typeof PdfPrinter.launch>>;
  try {
    printer = await PdfPrinter.launch(browserTimeouts(process.env));
  } catch (error) {
    if (error instanceof CniError && error.code === 'BROWSER_NOT_FOUND' && !options.pdfAskedFor) {
      options.note(`no PDF written: ${error.message}`);
      return null;
    }
    throw error;
  }
  try {
    return await printer.print(html, { paper: options.paper, title, creator: options.generator });
  } finally {
    await printer.close();
  }
}
