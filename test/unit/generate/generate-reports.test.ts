import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type GenerateRequest,
  generateReports,
  type Printer,
  type ReportRenderers,
} from '../../../src/generate/generate-reports.js';
import { REPORT_FORMATS, type ReportFormat } from '../../../src/generate/parse-formats.js';
import { DEFAULT_BRAND } from '../../../src/io/load-brand.js';
import { CniError } from '../../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function answers(name: string, client: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `version: 1\nengagement:\n  client: ${JSON.stringify(client)}\n  date: 2026-11-24\n`);
  return path;
}

const renderers: ReportRenderers = {
  charts: async (result) => [
    {
      name: 'tco',
      title: 'TCO',
      description: `cheapest: ${result.recommendation.option}`,
      spec: { mark: 'bar' },
      svg: '<svg width="10" height="5"/>',
      width: 10,
      height: 5,
    },
  ],
  png: async (svg) => new TextEncoder().encode(`png of ${svg}`),
  html: (sources) => `<html>${sources.result.engagement.client} ${sources.stamp.date}</html>`,
  markdown: (sources) => `# ${sources.result.engagement.client}\n`,
  deck: async (sources) => new TextEncoder().encode(`pptx of ${sources.result.engagement.client}`),
  workbook: async (sources) => new TextEncoder().encode(`xlsx of ${sources.result.engagement.client}`),
};

const loadRenderers = async () => renderers;

/** A printer that counts what happens to it. */
function fakePrinter(print: Printer['print'] = async () => new TextEncoder().encode('%PDF-1.7')) {
  const counts = { launches: 0, prints: 0, closes: 0 };
  const launchPrinter = async (): Promise<Printer> => {
    counts.launches += 1;
    return {
      print: (html, options) => {
        counts.prints += 1;
        return print(html, options);
      },
      close: async () => {
        counts.closes += 1;
      },
    };
  };
  return { counts, launchPrinter };
}

function request(
  out: string,
  files: string[],
  formats: readonly ReportFormat[] = REPORT_FORMATS,
): GenerateRequest {
  return {
    files,
    outDir: join(dir, out),
    formats,
    paper: 'A4',
    brand: DEFAULT_BRAND,
    now: new Date(2030, 0, 1),
    toolVersion: '9.9.9',
  };
}

describe('generateReports', () => {
  it('writes one folder per file with every format, sharing one browser that it closes', async () => {
    const { counts, launchPrinter } = fakePrinter();
    const progress: string[] = [];
    const outcome = await generateReports(
      request('all', [answers('a', 'Acme Bank'), answers('b', 'Globex')]),
      { loadRenderers, launchPrinter, onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.slug}`) },
    );
    expect(counts).toEqual({ launches: 1, prints: 2, closes: 1 });
    expect(outcome.failures).toEqual([]);
    expect(outcome.pdfUnavailable).toBeNull();
    expect(outcome.written.map((w) => w.folder)).toEqual([
      join(dir, 'all', 'acme-bank'),
      join(dir, 'all', 'globex'),
    ]);
    // Reports finish in any order; the counter counts them as they do.
    expect(progress.map((p) => p.split(' ')[0])).toEqual(['1/2', '2/2']);
    expect(progress.map((p) => p.split(' ')[1]).sort()).toEqual(['acme-bank', 'globex']);
    const folder = join(dir, 'all', 'acme-bank');
    expect(readdirSync(folder).sort()).toEqual([
      'charts',
      'report.html',
      'report.md',
      'report.pdf',
      'report.pptx',
      'result.json',
      'tco.xlsx',
    ]);
    expect(readFileSync(join(folder, 'report.pptx'), 'utf8')).toBe('pptx of Acme Bank');
    expect(readFileSync(join(folder, 'tco.xlsx'), 'utf8')).toBe('xlsx of Acme Bank');
    expect(readdirSync(join(folder, 'charts')).sort()).toEqual(['tco.png', 'tco.svg', 'tco.vl.json']);
    expect(readFileSync(join(folder, 'charts', 'tco.png'), 'utf8')).toBe(
      'png of <svg width="10" height="5"/>',
    );
    expect(readFileSync(join(folder, 'report.html'), 'utf8')).toBe('<html>Acme Bank 2026-11-24</html>');
    const result = JSON.parse(readFileSync(join(folder, 'result.json'), 'utf8'));
    expect(result.engagement.client).toBe('Acme Bank');
    expect(result.generatedBy).toMatchObject({ tool: 'cnireport', toolVersion: '9.9.9', date: '2026-11-24' });
  });

  it('never starts a browser when no PDF is asked for, or when no answers file loads', async () => {
    const html = fakePrinter();
    await generateReports(request('html', [answers('c', 'C')], ['html', 'json']), { loadRenderers, ...html });
    expect(html.counts.launches).toBe(0);
    const none = fakePrinter();
    const outcome = await generateReports(request('none', [join(dir, 'missing.yaml')]), {
      loadRenderers,
      ...none,
    });
    expect(none.counts.launches).toBe(0);
    expect(outcome.failures.map((f) => f.error.message)).toEqual([
      `${join(dir, 'missing.yaml')}: no such file`,
    ]);
  });

  it('writes everything but the PDF when there is no browser, and says why', async () => {
    const missing = new CniError('BROWSER_NOT_FOUND', 'no browser');
    const outcome = await generateReports(request('nobrowser', [answers('d', 'D')]), {
      loadRenderers,
      launchPrinter: () => Promise.reject(missing),
    });
    expect(outcome.pdfUnavailable).toBe(missing);
    expect(outcome.failures).toEqual([]);
    expect(readdirSync(join(dir, 'nobrowser', 'd')).sort()).toEqual([
      'charts',
      'report.html',
      'report.md',
      'report.pptx',
      'result.json',
      'tco.xlsx',
    ]);
  });

  it('goes on past a failing file and reports it in input order', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'version: 1\nengagement:\n  client: X\ncluster:\n  nodse: 3\n');
    const { launchPrinter } = fakePrinter();
    const outcome = await generateReports(
      request('mixed', [bad, answers('e', 'E'), join(dir, 'nope.yaml')]),
      {
        loadRenderers,
        launchPrinter,
      },
    );
    expect(outcome.written.map((w) => w.folder)).toEqual([join(dir, 'mixed', 'e')]);
    expect(outcome.failures.map((f) => f.file)).toEqual([bad, join(dir, 'nope.yaml')]);
    expect(outcome.failures[0]?.error.message).toContain(`${bad}:5:3  cluster.nodse: unknown key`);
  });

  it('refuses a second file whose client would share the first one’s folder', async () => {
    const first = answers('f1', 'Same Co');
    const second = answers('f2', 'same-co');
    const outcome = await generateReports(request('same', [first, second], ['json']), {
      loadRenderers,
      ...fakePrinter(),
    });
    expect(outcome.written).toHaveLength(1);
    expect(outcome.failures[0]?.error.message).toBe(
      `${second}: its report would go to ${join(dir, 'same', 'same-co')}, as the report of ${first} does`,
    );
  });

  it('names each folder after its answers file with nameBy file: variants of one client in one batch', async () => {
    const first = answers('acme-today', 'Acme Co');
    const second = answers('acme-with-support', 'Acme Co');
    const outcome = await generateReports(
      { ...request('variants', [first, second], ['json']), nameBy: 'file' },
      { loadRenderers, ...fakePrinter() },
    );
    expect(outcome.failures).toEqual([]);
    expect(outcome.written.map((w) => w.folder)).toEqual([
      join(dir, 'variants', 'acme-today'),
      join(dir, 'variants', 'acme-with-support'),
    ]);
  });

  it('says when it replaces a report, and with noClobber leaves it as it was (new-user findings, minor 31)', async () => {
    const file = answers('again', 'Again Co');
    const first = await generateReports(request('again', [file], ['json', 'md']), {
      loadRenderers,
      ...fakePrinter(),
    });
    expect(first.written[0]?.replaced).toBeUndefined();
    const folder = join(dir, 'again', 'again-co');
    const earlier = new Date(Date.UTC(2026, 11, 5, 12));
    utimesSync(join(folder, 'result.json'), earlier, earlier);
    utimesSync(join(folder, 'report.md'), earlier, earlier);
    writeFileSync(join(folder, 'result.json'), '{"sent": "to the client"}\n');
    utimesSync(join(folder, 'result.json'), earlier, earlier);

    const kept = await generateReports(
      { ...request('again', [file], ['json', 'md']), noClobber: true },
      { loadRenderers, ...fakePrinter() },
    );
    expect(kept.written).toEqual([]);
    expect(kept.failures[0]?.error.code).toBe('OUTPUT_EXISTS');
    expect(kept.failures[0]?.error.message).toBe(
      `${file}: ${folder}/ already holds a report (from 2026-12-05); not replaced (--no-clobber)`,
    );
    expect(readFileSync(join(folder, 'result.json'), 'utf8')).toBe('{"sent": "to the client"}\n');

    const replaced = await generateReports(request('again', [file], ['json', 'md']), {
      loadRenderers,
      ...fakePrinter(),
    });
    expect(replaced.written[0]?.replaced).toBe('2026-12-05');
    expect(readFileSync(join(folder, 'result.json'), 'utf8')).not.toContain('to the client');
  });

  it('records a failed print against its file and still writes the rest of that report', async () => {
    const { launchPrinter } = fakePrinter(async (_, { title }) => {
      if (title.includes('Slow')) throw new CniError('BROWSER_FAILED', 'printing took longer than 60 s');
      return new TextEncoder().encode('%PDF');
    });
    const slow = answers('g', 'Slow Ltd');
    const outcome = await generateReports(request('print', [slow, answers('h', 'Fast Ltd')]), {
      loadRenderers,
      launchPrinter,
    });
    expect(outcome.failures.map((f) => f.error.message)).toEqual([`${slow}: printing took longer than 60 s`]);
    expect(existsSync(join(dir, 'print', 'slow-ltd', 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'print', 'slow-ltd', 'report.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'print', 'fast-ltd', 'report.pdf'))).toBe(true);
  });

  it('replaces its own files and touches nothing else in the folder', async () => {
    const folder = join(dir, 'keep', 'k');
    mkdirSync(join(folder, 'charts'), { recursive: true });
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    writeFileSync(join(folder, 'charts', 'old.svg'), 'old');
    writeFileSync(join(folder, 'report.html'), 'stale');
    await generateReports(request('keep', [answers('k', 'K')], ['html', 'svg']), {
      loadRenderers,
      ...fakePrinter(),
    });
    expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(folder, 'charts', 'old.svg'), 'utf8')).toBe('old');
    expect(readFileSync(join(folder, 'report.html'), 'utf8')).toBe('<html>K 2026-11-24</html>');
    expect(readdirSync(folder).sort()).toEqual(['charts', 'notes.txt', 'report.html']);
  });

  it('lets a bug end the run, after closing the browser', async () => {
    const { counts, launchPrinter } = fakePrinter();
    const broken: ReportRenderers = {
      ...renderers,
      html: () => {
        throw new TypeError('bug');
      },
    };
    await expect(
      generateReports(request('bug', [answers('m', 'M')]), {
        loadRenderers: async () => broken,
        launchPrinter,
      }),
    ).rejects.toThrow(TypeError);
    expect(counts).toMatchObject({ launches: 1, closes: 1 });
  });

  it('on interruption closes the browser at once, writes nothing more and ends with the signal’s exit code', async () => {
    const interruption = new AbortController();
    let closedWhilePrinting = false;
    const { counts, launchPrinter } = fakePrinter(async () => {
      interruption.abort(130);
      await new Promise((resolve) => setTimeout(resolve, 10));
      closedWhilePrinting = counts.closes === 1;
      throw new CniError('BROWSER_FAILED', 'the browser was closed');
    });
    const error = await generateReports(request('stop', [answers('s1', 'S1'), answers('s2', 'S2')]), {
      loadRenderers,
      launchPrinter,
      signal: interruption.signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CniError);
    expect(error).toMatchObject({ code: 'INTERRUPTED', exitCode: 130 });
    expect((error as CniError).message).toBe(
      'interrupted: 0 of 2 reports written in full; nothing else was touched',
    );
    expect(closedWhilePrinting).toBe(true);
    expect(counts).toMatchObject({ launches: 1, closes: 1 });
    expect(existsSync(join(dir, 'stop'))).toBe(false);
  });

  it('says which folder it cannot create when a file is in the way', async () => {
    writeFileSync(join(dir, 'blocked'), 'a file');
    const outcome = await generateReports(request('blocked', [answers('b1', 'B1')], ['json']), {
      loadRenderers,
      ...fakePrinter(),
    });
    expect(outcome.failures.map((f) => f.error.message)).toEqual([
      `${join(dir, 'blocked', 'b1')}: cannot create the folder (a parent of it is a file, not a folder)`,
    ]);
  });
});
