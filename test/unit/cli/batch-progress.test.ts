import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchProgress } from '../../../src/cli/batch-progress.js';
import type { CliIo } from '../../../src/cli/cli-io.js';
import type { ReportProgress } from '../../../src/generate/generate-reports.js';
import { CniError } from '../../../src/shared/errors.js';
import { runCli } from '../../helpers/run-cli.js';

function fakeIo() {
  const io = { out: '', err: '' };
  const cli: CliIo = {
    out: (t) => {
      io.out += t;
    },
    err: (t) => {
      io.err += t;
    },
    outColor: false,
    errColor: false,
  };
  return { io, cli };
}

const FILES = [{ path: 'report.html' }, { path: 'charts/tornado.svg' }, { path: 'result.json' }];
const ok = (done: number, slug: string, seconds: number): ReportProgress => ({
  done,
  total: 3,
  file: `${slug}.yaml`,
  slug,
  seconds,
  error: null,
  written: { folder: `out/${slug}`, files: FILES },
});
const failed: ReportProgress = {
  done: 2,
  total: 3,
  file: 'bad.yaml',
  slug: null,
  seconds: 0.1,
  error: new CniError('INPUT_INVALID', 'bad.yaml: 1 problem'),
  written: null,
};

describe('batchProgress', () => {
  it('without a terminal prints one line per report on stdout, as each finishes, and nothing else', () => {
    const { io, cli } = fakeIo();
    const progress = batchProgress(cli, { terminal: false });
    progress.finished(ok(1, 'small-team', 2.5));
    expect(io.out).toBe('wrote out/small-team/: report.html, 1 chart (.svg), result.json\n');
    progress.finished(failed);
    progress.finished(ok(3, 'acme-bank', 11));
    progress.done(14);
    expect(io.out.split('\n')).toEqual([
      'wrote out/small-team/: report.html, 1 chart (.svg), result.json',
      'wrote out/acme-bank/: report.html, 1 chart (.svg), result.json',
      '',
    ]);
    expect(io.err).toBe('');
  });

  it('on a terminal adds finished lines without "…" and a total that says the times overlap', () => {
    const { io, cli } = fakeIo();
    const progress = batchProgress(cli, { terminal: true });
    progress.finished(ok(1, 'small-team', 2.5));
    progress.finished(ok(2, 'northwind', 9.62));
    progress.finished(ok(3, 'acme-bank', 11));
    progress.done(14);
    expect(io.err).toBe(
      [
        '[1/3] small-team 2.5 s',
        '[2/3] northwind 9.6 s',
        '[3/3] acme-bank 11.0 s',
        '3 reports in 14.0 s (files ran side by side; per-file times overlap)',
        '',
      ].join('\n'),
    );
    expect(io.out.split('\n')).toHaveLength(4);
  });

  it('on a terminal counts the reports written against the files given', () => {
    const { io, cli } = fakeIo();
    const progress = batchProgress(cli, { terminal: true });
    progress.finished(ok(1, 'small-team', 2.5));
    progress.finished(failed);
    progress.done(3);
    expect(io.err).toBe(
      [
        '[1/3] small-team 2.5 s',
        '[2/3] bad.yaml failed',
        '1 of 3 reports in 3.0 s (files ran side by side; per-file times overlap)',
        '',
      ].join('\n'),
    );
  });
});

describe('generate with several answers files, output not a terminal', () => {
  const out = mkdtempSync(join(tmpdir(), 'cnireport-batch-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('prints one short line per report instead of one long line', async () => {
    const run = await runCli(
      'generate',
      'examples/small-team-basic.yaml',
      'examples/regulated-bank.yaml',
      '--out',
      out,
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    expect(run.out.split('\n').sort()).toEqual([
      '',
      `wrote ${out}/brightloaf-bakery-online/: result.json`,
      `wrote ${out}/northwind-bank/: result.json`,
    ]);
    // Only the consultant's notes about the placeholder price, one per report.
    expect(run.err.split('\n').filter((l) => l !== '' && !l.startsWith('note: '))).toEqual([]);
  });
});
