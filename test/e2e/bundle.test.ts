import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentBrowserSearchContext, findBrowser } from '../../src/pdf/find-browser.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Beside dist/bundle/, two levels below the root like it, and of this test alone: other tests may be running
// bin/cnireport.js meanwhile.
const bundleDir = join(root, 'dist', 'bundle-test');
const out = mkdtempSync(join(tmpdir(), 'cnireport-bundle-'));

/** Runs `generate` with one entry point of the CLI and returns the files it wrote, by path. */
function generate(entry: string, name: string, formats = 'html,svg,json,md,pptx,xlsx'): Map<string, string> {
  const folder = join(out, name);
  execFileSync(
    process.execPath,
    [
      entry,
      'generate',
      join(root, 'examples', 'scaleup-sidecar-cost.yaml'),
      '--out',
      folder,
      '--format',
      formats,
    ],
    { cwd: out, env: { ...process.env, SOURCE_DATE_EPOCH: '1790000000' } },
  );
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, readFileSync(join(dir, entry.name), 'latin1'));
    }
  };
  walk(folder, '');
  return files;
}

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.js'), bundleDir], { cwd: root });
  const runners: [string, string][] = [
    ['bundled.js', "createRequire(import.meta.url)('./load.cjs').load()"],
    ['unbundled.js', "await import('../cli/main.js')"],
  ];
  for (const [runner, load] of runners) {
    writeFileSync(
      join(bundleDir, runner),
      `import { createRequire } from 'node:module';\nconst { run } = ${load};\nprocess.exitCode = await run(process.argv);\n`,
    );
  }
}, 60_000);
afterAll(() => {
  rmSync(bundleDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('the bundled CLI (dist/bundle/, what bin/cnireport.js runs after npm run build)', () => {
  it('writes byte for byte what the unbundled modules write', () => {
    const bundled = generate(join(bundleDir, 'bundled.js'), 'bundled');
    const unbundled = generate(join(bundleDir, 'unbundled.js'), 'unbundled');
    expect([...bundled.keys()].sort()).toEqual([...unbundled.keys()].sort());
    expect(bundled.size).toBeGreaterThan(10);
    for (const [path, text] of unbundled) expect(bundled.get(path), path).toBe(text);
  });

  it('loads with the code cache the build made for it', () => {
    const state = execFileSync(
      process.execPath,
      [
        '--input-type=commonjs',
        '-e',
        `const l = require('./load.cjs'); l.load(); console.log(l.cacheState());`,
      ],
      { cwd: bundleDir, encoding: 'utf8' },
    );
    expect(state.trim()).toBe('accepted');
  });

  const canCheckPdf =
    findBrowser(currentBrowserSearchContext()) !== null &&
    spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!canCheckPdf)(
    'prints the PDF with chapter pages in its contents (pdf-lib, bundled, loads)',
    () => {
      const pdf = generate(join(bundleDir, 'bundled.js'), 'bundled-pdf', 'pdf').get(
        'fleetwise-logistics/report.pdf',
      );
      expect(pdf?.slice(0, 5)).toBe('%PDF-');
      const contents = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-', '-'], {
        input: Buffer.from(pdf ?? '', 'latin1'),
      }).toString('utf8');
      expect(contents.replace(/\s+/g, ' ')).toMatch(/Executive summary \d+/);
    },
    60_000,
  );
});
