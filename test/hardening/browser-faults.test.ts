import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isProcessRunning } from '../../src/io/is-process-running.js';
import { withoutPlaceholderNotes } from '../helpers/without-placeholder-notes.js';
import { generate, type Run, relayBrowser, root, STACK_LINE, silentBrowser } from './harness/cli.js';
import { differences, processesMentioning, snapshot } from './harness/report-folder.js';

// Each case is a whole generate run or two, which a loaded machine can slow many times over; the
// deadlines under test show in the messages ("within 1.5 s"), not in the time taken.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'cnireport-browser-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = join(root, 'examples', 'small-team-basic.yaml');
const client = 'brightloaf-bakery-online';
let previous: Map<string, Buffer>;
/** What this run writes besides the PDF, made without a browser. */
let reference: Map<string, Buffer>;

beforeAll(async () => {
  const [made, ref] = await Promise.all([
    generate([example, '--out', 'previous', '--seed', '1'], { cwd: dir }),
    generate([example, '--out', 'reference', '--seed', '2', '--format', 'html,svg,png,json,md'], {
      cwd: dir,
    }),
  ]);
  expect(made.code, made.stderr).toBe(0);
  expect(ref.code, ref.stderr).toBe(0);
  previous = snapshot(join(dir, 'previous', client));
  reference = snapshot(join(dir, 'reference', client));
  expect(previous.has('report.pdf')).toBe(true);
});

interface Fault {
  readonly run: Run;
  readonly folder: string;
  /** Processes still running that mention this run's private temporary folder (the browser profile). */
  readonly survivors: string[];
}

/** Runs generate (seed 2) over a copy of the previous report, with its own TMPDIR for the browser profile. */
async function withFault(name: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<Fault> {
  const out = join(dir, name);
  const privateTmp = join(dir, `${name}-tmp`);
  mkdirSync(privateTmp);
  cpSync(join(dir, 'previous'), out, { recursive: true });
  const run = await generate([example, '--out', name, '--seed', '2', ...args], {
    cwd: dir,
    env: { TMPDIR: privateTmp, ...env },
  });
  expect(run.stderr).not.toMatch(STACK_LINE);
  // Every line a note, a hint or an error: nothing from a library or the browser.
  expect(run.stderr.split('\n').filter(Boolean)).toEqual(
    run.stderr
      .split('\n')
      .filter(Boolean)
      .filter((line) => /^(note|hint|error): /.test(line)),
  );
  return {
    run: { ...run, stderr: withoutPlaceholderNotes(run.stderr) },
    folder: join(dir, name, client),
    survivors: processesMentioning(privateTmp),
  };
}

/** The new report everywhere but the PDF, which is the previous run's, untouched. */
function expectNewReportWithPreviousPdf(folder: string): void {
  const files = snapshot(folder);
  expect(files.get('report.pdf')?.equals(previous.get('report.pdf') ?? Buffer.alloc(0))).toBe(true);
  files.delete('report.pdf');
  expect(differences(files, reference)).toEqual([]);
}

/** The note on replacing the report the fault's run was given to overwrite, written moments before (UTC date). */
const replacedNote = (name: string) =>
  `note: replaced ${join(name, client)}/ from ${new Date().toISOString().slice(0, 10)} (--no-clobber keeps an earlier report)\n`;

const outdatedNote = (name: string) =>
  `note: ${join(name, client, 'report.pdf')} is from an earlier run, left as it was; it may not match the new report\n`;

describe.concurrent('browser faults', () => {
  it('no browser: everything but the PDF, exit 0, and notes that say so and that report.pdf is older', async () => {
    const { run, folder } = await withFault('none', { CNIREPORT_CHROME: '/nonexistent', PATH: '' });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'note: CNIREPORT_CHROME is set to /nonexistent, but there is no such file\n' +
        'hint: Point CNIREPORT_CHROME at a Chrome, Chromium or Edge executable, or unset it to search the usual places.\n' +
        replacedNote('none') +
        outdatedNote('none'),
    );
    expectNewReportWithPreviousPdf(folder);
  });

  it('no browser and only the PDF asked for: exit 1, nothing written', async () => {
    const { run, folder } = await withFault('none-pdf', { CNIREPORT_CHROME: '/nonexistent', PATH: '' }, [
      '--format',
      'pdf',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      outdatedNote('none-pdf') +
        'error: no PDF written: CNIREPORT_CHROME is set to /nonexistent, but there is no such file\n' +
        'hint: Point CNIREPORT_CHROME at a Chrome, Chromium or Edge executable, or unset it to search the usual places.\n',
    );
    expect(differences(snapshot(folder), previous)).toEqual([]);
  });

  it('the browser killed mid-print: exit 1, the rest of the report written, the old PDF intact, no process left', async () => {
    const { run, folder, survivors } = await withFault('crash', {
      CNIREPORT_CHROME: relayBrowser,
      RELAY_MODE: 'crash',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      replacedNote('crash') +
        outdatedNote('crash') +
        `error: ${example}: the browser quit while printing "CNI recommendation for Brightloaf Bakery Online" (it crashed or was killed)\n` +
        'hint: Run again; if it keeps happening, check the browser on its own or set CNIREPORT_CHROME to another.\n',
    );
    expectNewReportWithPreviousPdf(folder);
    expect(survivors).toEqual([]);
  });

  it('the browser killed mid-print in a batch: the next report is refused at once, not waited for', async () => {
    const second = join(dir, 'second.yaml');
    writeFileSync(
      second,
      readFileSync(example, 'utf8').replace(/^ {2}client: .*$/m, '  client: Second Client'),
    );
    const { run, survivors } = await withFault(
      'crash-batch',
      // A print deadline far past this test's own: waiting for it instead of failing at once would fail.
      { CNIREPORT_CHROME: relayBrowser, RELAY_MODE: 'crash', CNIREPORT_PRINT_TIMEOUT_MS: '3600000' },
      [second],
    );
    expect(run.code).toBe(1);
    // Both reports may be in the browser when it dies; either way each fails on its own line.
    expect(
      run.stderr.match(/^error: .*: the browser quit (before|while) printing "CNI recommendation for /gm),
    ).toHaveLength(2);
    expect(run.stderr).toMatch(
      /^error: 2 of 2 answers files failed \(see above\); the others were written$/m,
    );
    expect(survivors).toEqual([]);
  });

  it('a browser that never answers at launch: exit 1 after the launch deadline, and it is killed', async () => {
    const pidFile = join(dir, 'silent.pid');
    const { run, folder } = await withFault('silent', {
      CNIREPORT_CHROME: silentBrowser,
      SILENT_PID_FILE: pidFile,
      CNIREPORT_LAUNCH_TIMEOUT_MS: '1500',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      replacedNote('silent') +
        outdatedNote('silent') +
        `error: no PDF written: could not start the browser ${silentBrowser}: it did not answer within 1.5 s\n` +
        'hint: Check that this browser starts on its own, or set CNIREPORT_CHROME to another one.\n',
    );
    expectNewReportWithPreviousPdf(folder);
    expect(isProcessRunning(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('a browser that hangs while printing: exit 1 after the print deadline, and it is closed', async () => {
    const { run, folder, survivors } = await withFault('hang', {
      CNIREPORT_CHROME: relayBrowser,
      RELAY_MODE: 'hang',
      CNIREPORT_PRINT_TIMEOUT_MS: '2000',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      replacedNote('hang') +
        outdatedNote('hang') +
        `error: ${example}: printing "CNI recommendation for Brightloaf Bakery Online" to PDF took longer than 2 s\n`,
    );
    expectNewReportWithPreviousPdf(folder);
    expect(survivors).toEqual([]);
  });

  it('no room for the browser profile (TMPDIR is a file): exit 1 with the reason, the rest written', async () => {
    const notAFolder = join(dir, 'tmpdir-file');
    writeFileSync(notAFolder, 'x');
    const { run, folder } = await withFault('no-profile', { TMPDIR: notAFolder });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      replacedNote('no-profile') +
        outdatedNote('no-profile') +
        `error: no PDF written: could not start the browser: cannot create its profile folder in ${notAFolder} (ENOTDIR)\n` +
        'hint: Free some space there, or set TMPDIR to a writable folder.\n',
    );
    expectNewReportWithPreviousPdf(folder);
  });

  it('refuses a timeout that is not a number of milliseconds', async () => {
    const { run } = await withFault('bad-timeout', { CNIREPORT_PRINT_TIMEOUT_MS: '2s' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: CNIREPORT_PRINT_TIMEOUT_MS must be a whole number of milliseconds from 1 to 3600000 (got 2s)\n',
    );
  });
});
