import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentBrowserSearchContext, findBrowser } from '../../src/pdf/find-browser.js';
import { commandRuns, prerequisite } from '../helpers/prerequisite.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundleDir = join(root, 'dist', 'bundle');
const out = mkdtempSync(join(tmpdir(), 'cnireport-bundle-'));
// Entry points of this test alone, beside the bundle (two levels below the root, as it is): one that loads the
// bundle whatever its build id, one that runs the compiled modules.
const runners = mkdtempSync(join(root, 'dist', 'bundle-test-'));

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
  const loads: [string, string][] = [
    ['bundled.js', `createRequire(import.meta.url)(${JSON.stringify(join(bundleDir, 'load.cjs'))}).load()`],
    ['unbundled.js', "await import('../cli/main.js')"],
  ];
  for (const [runner, load] of loads) {
    writeFileSync(
      join(runners, runner),
      `import { createRequire } from 'node:module';\nconst { run } = ${load};\nprocess.exitCode = await run(process.argv);\n`,
    );
  }
});
afterAll(() => {
  rmSync(runners, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('the bundled CLI (dist/bundle/, what bin/cnireport.js runs after npm run build)', () => {
  it('writes byte for byte what the unbundled modules write', () => {
    const bundled = generate(join(runners, 'bundled.js'), 'bundled');
    const unbundled = generate(join(runners, 'unbundled.js'), 'unbundled');
    expect([...bundled.keys()].sort()).toEqual([...unbundled.keys()].sort());
    expect(bundled.size).toBeGreaterThan(10);
    for (const [path, text] of unbundled) expect(bundled.get(path), path).toBe(text);
    // Two whole runs with the Office formats: 20 s is too short on 2 cores shared at load average 15-20.
  }, 120_000);

  it('is the build of dist/ (its id in dist/build-id.js), so bin/cnireport.js runs it', () => {
    const valid = execFileSync(
      process.execPath,
      ['--input-type=commonjs', '-e', `console.log(require('./load.cjs').valid())`],
      { cwd: bundleDir, encoding: 'utf8' },
    );
    expect(valid.trim()).toBe('true');
  });

  it('is not run once tsc has rewritten dist/build-id.js, and bin/cnireport.js then runs the compiled modules', () => {
    // A copy of the package's entry points, bundle and build id, in a folder of this test's own.
    const copy = mkdtempSync(join(tmpdir(), 'cnireport-bundle-copy-'));
    try {
      for (const path of ['bin', 'dist/bundle', 'dist/build-id.js']) {
        cpSync(join(root, path), join(copy, path), { recursive: true });
      }
      const load = join(copy, 'dist', 'bundle', 'load.cjs');
      const check = `console.log(require(${JSON.stringify(load)}).valid())`;
      const valid = () => execFileSync(process.execPath, ['-e', check], { encoding: 'utf8' }).trim();
      expect(valid()).toBe('true');
      // What tsc compiles src/build-id.ts to.
      writeFileSync(join(copy, 'dist', 'build-id.js'), 'export const BUILD_ID = null;\n');
      expect(valid()).toBe('false');
      // No compiled modules in the copy either: the bin says so in one line instead of running stale code.
      const run = spawnSync(process.execPath, [join(copy, 'bin', 'cnireport.js'), '--version'], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        'error: cnireport is not built here: run `npm run build` in its folder first\n',
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
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
    prerequisite('Chrome or Chromium', findBrowser(currentBrowserSearchContext()) !== null) &&
    prerequisite('poppler-utils (pdftotext)', commandRuns('pdftotext', ['-v']));
  it.runIf(canCheckPdf)(
    'prints the PDF with chapter pages in its contents (pdf-lib, bundled, loads)',
    () => {
      const pdf = generate(join(runners, 'bundled.js'), 'bundled-pdf', 'pdf').get(
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
