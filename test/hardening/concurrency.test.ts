import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateReports, type Printer, type ReportRenderers } from '../../src/generate/generate-reports.js';
import { LOCK_NAME } from '../../src/generate/lock-folder.js';
import { REPORT_FORMATS } from '../../src/generate/parse-formats.js';
import { DEFAULT_BRAND } from '../../src/io/load-brand.js';
import { withoutPlaceholderNotes } from '../helpers/without-placeholder-notes.js';
import { generate, root, STACK_LINE, startGenerate } from './harness/cli.js';
import { differences, snapshot } from './harness/report-folder.js';

// Whole generate runs, which a loaded machine can slow many times over.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'cnireport-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('two runs writing the same report folder at once', () => {
  it('in-process, released into their writes together: every round leaves one run’s report whole', async () => {
    const answers = join(dir, 'acme.yaml');
    writeFileSync(answers, 'version: 1\nengagement:\n  client: Acme\n  date: 2026-11-24\n');
    const outDir = join(dir, 'in-process');
    const runTag = /run-(\w+)/;
    for (let round = 0; round < 10; round++) {
      // Both prints return only once both runs are printing, so the two reports reach their writes in
      // the same turn of the event loop: without the lock their renames interleave.
      let arrive = () => {};
      const bothPrinting = new Promise<void>((resolve) => {
        let arrived = 0;
        arrive = () => {
          arrived += 1;
          if (arrived === 2) resolve();
        };
      });
      const runOf = (tag: string) => {
        const renderers: ReportRenderers = {
          charts: async () =>
            Array.from({ length: 12 }, (_, i) => ({
              name: `chart-${i}`,
              title: 'chart',
              description: tag,
              spec: { run: `run-${tag}` },
              svg: `<svg>run-${tag}</svg>`,
              width: 1,
              height: 1,
            })),
          png: async (svg) => new TextEncoder().encode(svg),
          html: () => `<html>run-${tag}</html>`,
          markdown: () => `run-${tag}\n`,
          deck: async () => new TextEncoder().encode(`run-${tag}`),
          workbook: async () => new TextEncoder().encode(`run-${tag}`),
        };
        const printer: Printer = {
          print: async () => {
            arrive();
            await bothPrinting;
            return new TextEncoder().encode(`%PDF run-${tag}`);
          },
          close: async () => {},
        };
        return generateReports(
          {
            files: [answers],
            outDir,
            formats: REPORT_FORMATS,
            paper: 'A4',
            brand: DEFAULT_BRAND,
            now: new Date(2030, 0, 1),
            toolVersion: tag,
          },
          { loadRenderers: async () => renderers, launchPrinter: async () => printer },
        );
      };
      const outcomes = await Promise.all([runOf('a'), runOf('b')]);
      expect(outcomes.map((outcome) => outcome.failures)).toEqual([[], []]);
      const files = snapshot(join(outDir, 'acme'));
      const tags = new Set(
        [...files].map(([path, data]) =>
          path === 'result.json'
            ? JSON.parse(data.toString()).generatedBy.toolVersion
            : runTag.exec(data.toString())?.[1],
        ),
      );
      expect(files.size).toBe(1 + 1 + 36 + 2 + 2);
      expect([...tags], `round ${round}`).toHaveLength(1);
    }
  });

  it('a run that finds the folder locked by a live run says so, waits, then writes', async () => {
    const folder = join(dir, 'locked', 'brightloaf-bakery-online');
    mkdirSync(folder, { recursive: true });
    // This test's own process stands in for the other run: alive, on this machine.
    const holder = { pid: process.pid, host: hostname(), since: '2026-11-24T09:00:00.000Z' };
    writeFileSync(join(folder, LOCK_NAME), JSON.stringify(holder));
    const example = join(root, 'examples', 'small-team-basic.yaml');
    const running = startGenerate([example, '--out', 'locked', '--format', 'json'], { cwd: dir });
    // Released once the run has said it is waiting (after a second of it).
    while (!running.stderrSoFar().includes('waiting') && running.child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    rmSync(join(folder, LOCK_NAME));
    const run = await running.exited;
    expect(run.code, run.stderr).toBe(0);
    expect(withoutPlaceholderNotes(run.stderr)).toBe(
      `note: waiting for another cnireport run (pid ${process.pid} on ${hostname()}, since 2026-11-24T09:00:00.000Z) writing locked/brightloaf-bakery-online/\n`,
    );
    expect(readdirSync(folder)).toEqual(['result.json']);
  });

  describe('spawned, a real report each', () => {
    const example = join(root, 'examples', 'small-team-basic.yaml');
    const client = 'brightloaf-bakery-online';
    const hasPdfText = (() => {
      try {
        execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    const pdfText = (file: string) => execFileSync('pdftotext', [file, '-']).toString('utf8');
    const references = new Map<string, Map<string, Buffer>>();

    beforeAll(async () => {
      // What each run writes on its own; the seed changes result.json, the HTML, some charts and the PDF.
      const runs = await Promise.all(
        ['7', '8'].map((seed) => generate([example, '--out', `ref-${seed}`, '--seed', seed], { cwd: dir })),
      );
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      for (const seed of ['7', '8']) references.set(seed, snapshot(join(dir, `ref-${seed}`, client)));
    });

    it('both exit 0 and the folder holds one of the two reports, whole', async () => {
      const out = 'both';
      const runs = await Promise.all(
        ['7', '8'].map((seed) => generate([example, '--out', out, '--seed', seed], { cwd: dir })),
      );
      for (const run of runs) {
        expect(run.stderr).not.toMatch(STACK_LINE);
        expect(run.code, run.stderr).toBe(0);
      }
      const folder = join(dir, out, client);
      const files = snapshot(folder);
      const pdfless = (files: Map<string, Buffer>) =>
        new Map([...files].filter(([path]) => path !== 'report.pdf'));
      const winner = ['7', '8'].find(
        (seed) => differences(pdfless(files), pdfless(references.get(seed) ?? new Map())).length === 0,
      );
      expect(winner, 'every file but the PDF is the same run’s').toBeDefined();
      // PDFs carry their creation time, so the same run's PDF is recognised by its text.
      if (hasPdfText && winner !== undefined) {
        expect(pdfText(join(folder, 'report.pdf'))).toBe(
          pdfText(join(dir, `ref-${winner}`, client, 'report.pdf')),
        );
      }
    });
  });
});
