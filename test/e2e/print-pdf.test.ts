import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render-chart.js';
import { reportFontFaceCss } from '../../src/charts/report-font.js';
import { BROWSER_ARGS } from '../../src/pdf/browser-args.js';
import { startEarlyBrowser } from '../../src/pdf/early-browser.js';
import { currentBrowserSearchContext, findBrowser } from '../../src/pdf/find-browser.js';
import { PdfPrinter } from '../../src/pdf/print-pdf.js';
import { CniError } from '../../src/shared/errors.js';
import { commandRuns, prerequisite } from '../helpers/prerequisite.js';

const browser = findBrowser(currentBrowserSearchContext());
const hasBrowser = prerequisite(
  'Chrome or Chromium (install chromium or set CNIREPORT_CHROME)',
  browser !== null,
);
const hasPoppler = prerequisite(
  'poppler-utils (pdftotext, pdfinfo)',
  commandRuns('pdftotext', ['-v']) && commandRuns('pdfinfo', ['-v']),
);

function pdfText(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const lines = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8').split('\n');
  return Object.fromEntries(lines.map((line) => line.split(/:\s+/, 2) as [string, string]));
}

/** Outline entries as Skia writes them: `/Title (text)` in the outline item dictionaries. */
function outlineTitles(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  return [...raw.matchAll(/\/Title \(([^)]*)\)/g)].map((m) => m[1] ?? '');
}

async function reportHtml(imageUrls: readonly string[]): Promise<string> {
  const chart = await renderChartSvg({
    width: 300,
    data: {
      values: [
        { option: 'Flannel with add-ons', cost: 812_345 },
        { option: 'Cilium OSS', cost: 512_000 },
        { option: 'Isovalent Enterprise', cost: 690_000 },
      ],
    },
    mark: 'bar',
    encoding: {
      y: { field: 'option', type: 'nominal', title: null },
      x: { field: 'cost', type: 'quantitative', title: 'Three-year TCO (USD)' },
    },
  });
  const rows = ['Pod networking', 'L3/L4 policy', 'L7 policy', 'Encryption']
    .map((capability) => `<tr><td>${capability}</td><td>add-on</td><td>built-in</td><td>enterprise</td></tr>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>draft</title><style>
${reportFontFaceCss()}
@page { size: A4; margin: 20mm 18mm 22mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Inter; } }
body { font-family: Inter, sans-serif; font-size: 10pt; }
h1.chapter { break-before: page; }
table { border-collapse: collapse; } td { border: 1px solid #999; padding: 2pt 6pt; }
</style></head><body>
<h1>Recommendation</h1><h2>Summary</h2><p>Cilium OSS is recommended for Acme Bank.</p>
<figure>${chart.svg}</figure>
${imageUrls.map((url) => `<img src="${url}" alt="">`).join('')}
<h1 class="chapter">Capabilities</h1><h2>Comparison</h2>
<table><thead><tr><td>Capability</td><td>Flannel</td><td>Cilium OSS</td><td>Isovalent</td></tr></thead>
<tbody>${rows}</tbody></table>
<h1 class="chapter">Costs</h1><h2>Total cost of ownership</h2><p>Over three years.</p>
</body></html>`;
}

describe.runIf(hasBrowser)('PdfPrinter with a real browser', () => {
  let printer: PdfPrinter;
  let server: Server;
  let serverHits = 0;
  let serverUrl = '';

  beforeAll(async () => {
    server = createServer((_, response) => {
      serverHits++;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    printer = await PdfPrinter.launch({ executablePath: browser?.executablePath });
  });

  afterAll(async () => {
    await printer?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('prints a report with the bundled font, a table and a chart, without touching the network', async () => {
    const html = await reportHtml(['http://example.com/x.png', `${serverUrl}/logo.png`]);
    const pdf = await printer.print(html, {
      paper: 'A4',
      title: 'Acme Bank — CNI recommendation',
      author: 'Zoë Ng, Example Consulting',
      creator: 'cnireport test',
      timeoutMs: 20_000,
    });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(serverHits).toBe(0);

    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+Inter/);
    expect(raw).toContain('/Outlines');
    expect(outlineTitles(pdf)).toEqual(
      expect.arrayContaining(['Recommendation', 'Summary', 'Capabilities', 'Comparison', 'Costs']),
    );

    if (!hasPoppler) return;
    const info = pdfInfo(pdf);
    expect(info.Pages).toBe('3');
    expect(info.Title).toBe('Acme Bank — CNI recommendation');
    expect(info.Author).toBe('Zoë Ng, Example Consulting');
    expect(info.Creator).toBe('cnireport test');
    expect(info.Producer).toMatch(/^Skia\/PDF/);
    expect(info.Tagged).toBe('yes');
    const text = pdfText(pdf);
    expect(text).toContain('Cilium OSS is recommended for Acme Bank.');
    expect(text).toMatch(/L7 policy\s+add-on\s+built-in\s+enterprise/);
    expect(text).toContain('Three-year TCO (USD)');
    expect(text).toContain('Flannel with add-ons');
    for (const page of [1, 2, 3]) expect(text).toContain(`Page ${page} of 3`);
  });

  it('reuses the browser for further documents and honours a Letter fallback size', async () => {
    const html = '<!doctype html><html><body><h1>Second</h1></body></html>';
    const pdf = await printer.print(html, {
      paper: 'Letter',
      title: 'Second <document>',
      creator: 'cnireport test',
    });
    if (!hasPoppler) return;
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^612 x 792 pts/);
    expect(info.Title).toBe('Second <document>');
  });

  it('fills each page-number slot with the page its linked target starts on', async () => {
    const chapter = (id: string, title: string, pages: number) =>
      `<h1 id="${id}" style="break-before: page">${title}</h1>` +
      Array.from({ length: pages - 1 }, () => '<p style="break-after: page">continued</p>').join('');
    const html =
      '<!doctype html><html><body><ol>' +
      ['intro', 'costs', 'appendix']
        .map((id) => `<li><a href="#${id}">${id} <span data-page-of="${id}"></span></a></li>`)
        .join('') +
      `<li>nowhere <span data-page-of="missing">?</span></li>` +
      `<li>inherited <span data-page-of="constructor">?</span></li></ol>` +
      `${chapter('intro', 'Intro', 1)}${chapter('costs', 'Costs', 3)}${chapter('appendix', 'Appendix', 2)}</body></html>`;
    const pdf = await printer.print(html, { paper: 'A4', title: 'contents', creator: 'cnireport test' });
    if (!hasPoppler) return;
    expect(pdfInfo(pdf).Pages).toBe('5');
    const contents = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', '-', '-'], { input: pdf })
      .toString('utf8')
      .replace(/\s+/g, ' ');
    expect(contents).toContain('intro 2');
    expect(contents).toContain('costs 3');
    expect(contents).toContain('appendix 5');
    expect(contents).toMatch(/nowhere 5\. inherited\s*$/);
  });

  it('prints documents at once on its few reused pages, each PDF holding only its own document', async () => {
    // The first has page-number slots (a hidden draft, then the slots filled); the ones after it, on the
    // same pages, must show neither that hiding style nor the earlier document's text.
    const withSlots =
      '<!doctype html><html><head></head><body><p><a href="#end">to the end <span data-page-of="end"></span></a></p>' +
      '<p id="end" style="break-before: page">alpha document</p></body></html>';
    const plain = (n: number) =>
      `<!doctype html><html><head></head><body><p>plain document ${n}</p></body></html>`;
    const documents = [withSlots, ...[1, 2, 3, 4, 5].map(plain)];
    const pdfs = await Promise.all(
      documents.map((html, n) =>
        printer.print(html, { paper: 'A4', title: `doc ${n}`, creator: 'cnireport test' }),
      ),
    );
    if (!hasPoppler) return;
    const texts = pdfs.map((pdf) => pdfText(pdf).replace(/\s+/g, ' ').trim());
    expect(texts[0]).toBe('to the end 2 alpha document');
    for (const n of [1, 2, 3, 4, 5]) expect(texts[n]).toBe(`plain document ${n}`);
  });

  it('fails with BROWSER_FAILED instead of hanging when printing exceeds its timeout', async () => {
    const html = await reportHtml([]);
    const failure = printer.print(html, {
      paper: 'A4',
      title: 'slow',
      creator: 'cnireport test',
      timeoutMs: 1,
    });
    await expect(failure).rejects.toBeInstanceOf(CniError);
    await expect(failure).rejects.toMatchObject({
      code: 'BROWSER_FAILED',
      message: expect.stringMatching(/took longer/),
    });
    // The printer is still usable afterwards.
    const pdf = await printer.print('<p>after</p>', {
      paper: 'A4',
      title: 'after',
      creator: 'cnireport test',
    });
    expect(pdf.byteLength).toBeGreaterThan(1000);
  });
});

describe.runIf(hasBrowser)('the browser switches (BROWSER_ARGS) on this browser', () => {
  it('start no omnibox WebUI renderer, at launch or with a new window', async () => {
    const launched = await puppeteer.launch({
      executablePath: browser?.executablePath ?? '',
      headless: 'shell',
      pipe: true,
      args: process.getuid?.() === 0 ? ['--no-sandbox', ...BROWSER_ARGS] : [...BROWSER_ARGS],
    });
    try {
      const context = await launched.createBrowserContext();
      await context.newPage();
      const session = await launched.target().createCDPSession();
      const { targetInfos } = await session.send('Target.getTargets');
      expect(targetInfos.length).toBeGreaterThanOrEqual(2);
      expect(targetInfos.filter((target) => target.type !== 'page').map((target) => target.url)).toEqual([]);
    } finally {
      await launched.close();
    }
  });
});

describe.runIf(hasBrowser)('a browser started before Puppeteer is loaded (startEarlyBrowser)', () => {
  it('is connected to and prints as a launched one does, then quits with its profile deleted', async () => {
    const early = startEarlyBrowser([process.execPath, 'cnireport', 'generate', 'acme.yaml']);
    const started = early?.take() ?? null;
    expect(started).not.toBeNull();
    expect(early?.take()).toBeNull();
    const printer = await PdfPrinter.launch({ started });
    const pdf = await printer.print('<!doctype html><html><head></head><body><p>early</p></body></html>', {
      paper: 'A4',
      title: 'early',
      creator: 'cnireport test',
    });
    await printer.close();
    expect(started?.child.exitCode !== null || started?.child.signalCode !== null).toBe(true);
    expect(existsSync(started?.userDataDir ?? '')).toBe(false);
    if (hasPoppler) expect(pdfText(pdf).trim()).toBe('early');
  });

  it('is killed, its profile deleted, when nothing takes it', async () => {
    const early = startEarlyBrowser([process.execPath, 'cnireport', 'generate', 'acme.yaml']);
    const profiles = () => readdirSync(tmpdir()).filter((name) => name.includes(`-${process.pid}-`));
    expect(profiles()).toHaveLength(1);
    await early?.close();
    expect(profiles()).toEqual([]);
    expect(early?.take()).toBeNull();
  });
});

describe('PdfPrinter.launch', () => {
  it('reports a browser that cannot start as BROWSER_FAILED', async () => {
    await expect(
      PdfPrinter.launch({ executablePath: '/bin/false', launchTimeoutMs: 5_000 }),
    ).rejects.toMatchObject({
      code: 'BROWSER_FAILED',
      message: expect.stringContaining('/bin/false'),
    });
  });
});
