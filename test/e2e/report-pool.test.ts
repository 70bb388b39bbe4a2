import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PreparedReport, PrepareSettings } from '../../src/generate/prepare-report.js';
import type { ReportPreparer } from '../../src/generate/report-pool.js';
import { reportPoolSize } from '../../src/generate/report-pool.js';
import { loadBrand } from '../../src/io/load-brand.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('reportPoolSize', () => {
  it('starts one worker per core when memory allows, fewer when it does not, and never none', () => {
    expect(reportPoolSize(2, 22_000)).toBe(2);
    expect(reportPoolSize(16, 4_096)).toBe(8);
    expect(reportPoolSize(4, 1_500)).toBe(1);
    expect(reportPoolSize(4, 300)).toBe(1);
  });
});

describe('reportPool', () => {
  it('prepares on this thread a report that outgrows its worker thread heap', async () => {
    // The compiled pool, whose workers run the compiled modules (the TypeScript sources have no worker entry).
    const { reportPool } = (await import(
      pathToFileURL(join(root, 'dist', 'generate', 'report-pool.js')).href
    )) as typeof import('../../src/generate/report-pool.js');
    const jobs: string[] = [];
    const here: ReportPreparer = {
      parallel: 1,
      prepare: async ({ file }) => {
        jobs.push(file);
        return { file } as unknown as PreparedReport;
      },
      close: async () => undefined,
    };
    const settings: PrepareSettings = {
      formats: ['html', 'json'],
      paper: 'A4',
      brand: await loadBrand(undefined),
      now: new Date('2026-12-07T00:00:00Z'),
      toolVersion: 'test',
      pngs: 'here',
    };
    // A heap far too small for the bundle's modules: the worker runs out of memory on its first report.
    const pool = reportPool(settings, undefined, 1, here, {
      maxOldGenerationSizeMb: 2,
      maxYoungGenerationSizeMb: 1,
    });
    try {
      const file = join(root, 'examples', 'regulated-bank.yaml');
      const prepared = await pool.prepare({ index: 0, file });
      expect(prepared.file).toBe(file);
      expect(jobs).toEqual([file]);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
