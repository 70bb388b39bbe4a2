import { execFile, execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentBrowserSearchContext, findBrowser } from '../../src/pdf/find-browser.js';
import { formatMoney } from '../../src/shared/format.js';
import { commandRuns, prerequisite } from '../helpers/prerequisite.js';
import { withoutPlaceholderNotes } from '../helpers/without-placeholder-notes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cnireport-generate-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = join(root, 'examples', 'regulated-bank.yaml');
const hasBrowser = prerequisite(
  'Chrome or Chromium (install chromium or set CNIREPORT_CHROME)',
  findBrowser(currentBrowserSearchContext()) !== null,
);
const hasPoppler = prerequisite(
  'poppler-utils (pdftotext, pdfinfo)',
  commandRuns('pdftotext', ['-v']) && commandRuns('pdfinfo', ['-v']),
);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns the CLI as a user runs it (bin/ on the dist/ that globalSetup built). */
function cnireport(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin', 'cnireport.js'), 'generate', ...args],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function answers(name: string, client: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `version: 1\nengagement:\n  client: ${JSON.stringify(client)}\n  date: 2026-11-24\n`);
  return file;
}

/** Every file under `folder`, relative, sorted. */
function tree(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

const STACK_LINE = /^ {4}at /m;
const SCRIPT_CLIENT = '<script>alert(1)</script> & Co';

let full: Run;
let batch: Run;
let noBrowser: Run;
let noBrowserPdf: Run;
let mixed: Run;

beforeAll(async () => {
  const scriptAnswers = answers('script', SCRIPT_CLIENT);
  const plain = answers('plain', 'Plain Ltd');
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'version: 1\nengagement:\n  client: Bad\ncluster:\n  nodse: 3\n');
  // The browser-free runs go alongside the two that print.
  [full, batch, noBrowser, noBrowserPdf, mixed] = await Promise.all([
    cnireport([example, '--out', 'full']),
    cnireport([example, scriptAnswers, '--out', 'batch'], { CNIREPORT_TIMING: '1' }),
    cnireport([plain, '--out', 'nobrowser'], { CNIREPORT_CHROME: '/nonexistent' }),
    cnireport([plain, '--out', 'nobrowser-pdf', '--format', 'html,pdf'], {
      CNIREPORT_CHROME: '/nonexistent',
    }),
    cnireport([bad, plain, join(dir, 'absent.yaml'), '--out', 'mixed', '--format', 'json']),
  ]);
}, 120_000);

describe('cnireport generate (spawned)', () => {
  it('writes the whole report folder and says so in one line', () => {
    expect(withoutPlaceholderNotes(full.stderr)).toBe(hasBrowser ? '' : expect.any(String));
    expect(full.code).toBe(0);
    const folder = join(dir, 'full', 'northwind-bank');
    const files = tree(folder);
    expect(files).toEqual(expect.arrayContaining(['report.html', 'report.md', 'result.json']));
    if (hasBrowser) expect(files).toContain('report.pdf');
    const charts = files
      .filter((f) => f.endsWith('.svg'))
      .map((f) => f.slice('charts/'.length, -'.svg'.length));
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const chart of charts) {
      expect(files).toEqual(expect.arrayContaining([`charts/${chart}.png`, `charts/${chart}.vl.json`]));
    }
    expect(full.stdout).toMatch(/^wrote full\/northwind-bank\/: report\.html, .*result\.json, report\.md\n$/);
  });

  it.skipIf(!hasBrowser || !hasPoppler)(
    'prints a PDF with the client, the recommendation and its TCO, page X of Y, and chapter pages in the contents',
    () => {
      const folder = join(dir, 'full', 'northwind-bank');
      const pdf = readFileSync(join(folder, 'report.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const info = execFileSync('pdfinfo', [join(folder, 'report.pdf')]).toString('utf8');
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(8);
      expect(pages).toBeLessThanOrEqual(40);
      expect(info).toMatch(/^Page size:.*\(A4\)$/m);
      // The document information names the report, who prepared it and the tool (not the browser).
      expect(info).toMatch(/^Title:\s+CNI recommendation for Northwind Bank$/m);
      expect(info).toMatch(/^Author:\s+Jane Roe, Example Consulting$/m);
      const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      expect(info).toMatch(new RegExp(`^Creator:\\s+cnireport ${version.replaceAll('.', '\\.')}$`, 'm'));
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      const result = JSON.parse(readFileSync(join(folder, 'result.json'), 'utf8'));
      const recommended = result.options.find((o: { id: string }) => o.id === result.recommendation.option);
      const text = execFileSync('pdftotext', [join(folder, 'report.pdf'), '-']).toString('utf8');
      expect(text).toContain('Northwind Bank');
      expect(text).toContain(result.recommendation.name);
      expect(text).toContain(formatMoney(recommended.tco.total, result.engagement.currency));
      expect(text).toContain(`Page 2 of ${pages}`);

      // The contents page gives each chapter's page, and the chapter starts on that page.
      const pageText = (page: number) =>
        execFileSync('pdftotext', [
          '-f',
          `${page}`,
          '-l',
          `${page}`,
          join(folder, 'report.pdf'),
          '-',
        ]).toString('utf8');
      const contents = pageText(2).replace(/\s+/g, ' ');
      for (const [number, title] of [
        [1, 'Executive summary'],
        [5, 'Total cost of ownership'],
        [10, 'Methodology'],
      ] as const) {
        const page = Number(new RegExp(`${title} (\\d+)`).exec(contents)?.[1]);
        expect(page, title).toBeGreaterThan(2);
        expect(pageText(page)).toContain(`${number} ${title}`);
      }
    },
  );

  it('renders every PNG at twice the size of its SVG', () => {
    const charts = join(dir, 'full', 'northwind-bank', 'charts');
    for (const svgFile of readdirSync(charts).filter((f) => f.endsWith('.svg'))) {
      const svg = readFileSync(join(charts, svgFile), 'utf8');
      const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
      const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]);
      const png = readFileSync(join(charts, svgFile.replace(/\.svg$/, '.png')));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
        Math.round(width * 2),
        Math.round(height * 2),
      ]);
    }
  });

  it('shares one browser across a batch and reports each folder', () => {
    expect(batch.code).toBe(0);
    const launches = batch.stderr.match(/^timing browser: launch/gm) ?? [];
    expect(launches).toHaveLength(hasBrowser ? 1 : 0);
    // Prepared on worker threads, one per core (`full`, a single report, on the main thread).
    expect(batch.stderr).toMatch(/^timing workers: [1-9]\d* threads prepare the reports$/m);
    // One line per report, in the order they finish.
    expect(batch.stdout.split('\n').sort()).toEqual([
      '',
      expect.stringMatching(/^wrote batch\/northwind-bank\/: report\.html, /),
      expect.stringMatching(/^wrote batch\/script-alert-1-script-co\/: report\.html, /),
    ]);
    if (hasBrowser)
      expect(existsSync(join(dir, 'batch', 'script-alert-1-script-co', 'report.pdf'))).toBe(true);
    // Progress lines are for terminals only.
    expect(batch.stderr).not.toMatch(/^\[\d\/2\]/m);
  });

  it('escapes a client name that holds markup, in the HTML and the Markdown', () => {
    const folder = join(dir, 'batch', 'script-alert-1-script-co');
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(readFileSync(join(folder, 'report.md'), 'utf8')).not.toContain('<script>');
    expect(JSON.parse(readFileSync(join(folder, 'result.json'), 'utf8')).engagement.client).toBe(
      SCRIPT_CLIENT,
    );
  });

  it('gives byte-identical HTML, JSON, Markdown, SVG and PNG for the same answers and date, alone or in a batch', () => {
    const a = join(dir, 'full', 'northwind-bank');
    const b = join(dir, 'batch', 'northwind-bank');
    const compared = tree(a).filter((f) => /\.(html|json|md|svg|png)$/.test(f));
    expect(compared.length).toBeGreaterThan(5);
    for (const file of compared) {
      expect(readFileSync(join(b, file)).equals(readFileSync(join(a, file))), file).toBe(true);
    }
  });

  it('without a browser writes the rest and exits 0 with a note, or 1 when the PDF was asked for', () => {
    expect(noBrowser.code, noBrowser.stderr).toBe(0);
    expect(withoutPlaceholderNotes(noBrowser.stderr)).toBe(
      'note: CNIREPORT_CHROME is set to /nonexistent, but there is no such file\n' +
        'hint: Point CNIREPORT_CHROME at a Chrome, Chromium or Edge executable, or unset it to search the usual places.\n',
    );
    expect(tree(join(dir, 'nobrowser', 'plain-ltd'))).not.toContain('report.pdf');
    expect(tree(join(dir, 'nobrowser', 'plain-ltd'))).toContain('report.html');

    expect(noBrowserPdf.code).toBe(1);
    expect(withoutPlaceholderNotes(noBrowserPdf.stderr)).toMatch(
      /^error: no PDF written: CNIREPORT_CHROME is set to \/nonexistent/,
    );
    expect(noBrowserPdf.stdout).toBe('wrote nobrowser-pdf/plain-ltd/: report.html\n');
    expect(noBrowserPdf.stderr).not.toMatch(STACK_LINE);
  });

  it('goes on past failing files, names each with its location, and exits 1', () => {
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toBe('wrote mixed/plain-ltd/: result.json\n');
    expect(withoutPlaceholderNotes(mixed.stderr)).toBe(
      [
        `error: ${join(dir, 'bad.yaml')}: 1 problem`,
        `${join(dir, 'bad.yaml')}:5:3  cluster.nodse: unknown key (did you mean \`nodes\`?)`,
        `error: ${join(dir, 'absent.yaml')}: no such file`,
        'error: 2 of 3 answers files failed (see above); the others were written',
        '',
      ].join('\n'),
    );
  });

  it.skipIf(!hasBrowser)(
    'stops on Ctrl+C with exit code 130, leaving no browser process or profile behind',
    async () => {
      const privateTmp = join(dir, 'tmp');
      mkdirSync(privateTmp);
      const child = spawn(
        process.execPath,
        [join(root, 'bin', 'cnireport.js'), 'generate', example, '--out', 'stop'],
        {
          cwd: dir,
          env: { ...process.env, NO_COLOR: '1', CNIREPORT_TIMING: '1', TMPDIR: privateTmp },
        },
      );
      let stderr = '';
      let interrupted = false;
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        if (!interrupted && stderr.includes('timing browser: launch')) interrupted = child.kill('SIGINT');
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code, stderr).toBe(130);
      expect(stderr).toMatch(
        /^error: interrupted: [01] of 1 report written in full; nothing else was touched$/m,
      );
      expect(readdirSync(privateTmp)).toEqual([]);
      const leftover = execFileSync('ps', ['-eo', 'args']).toString('utf8');
      expect(leftover).not.toContain(privateTmp);
    },
    30_000,
  );
});
