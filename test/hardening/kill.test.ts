import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCK_NAME } from '../../src/generate/lock-folder.js';
import { parseTempName } from '../../src/io/write-file-atomic.js';
import { generate, root, startGenerate } from './harness/cli.js';
import { differences, incompleteness, processesMentioning, snapshot } from './harness/report-folder.js';
import { seededRandom } from './harness/seeded-random.js';

// Whole generate runs, which a loaded machine can slow many times over.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'cnireport-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = join(root, 'examples', 'small-team-basic.yaml');
const client = 'brightloaf-bakery-online';
/** KILL_RUNS and KILL_SEED run more or other kills: `npm run stress` runs 40. */
const RUNS = Number(process.env.KILL_RUNS ?? 16);
const SEED = Number(process.env.KILL_SEED ?? 20261124);

let previous: Map<string, Buffer>;
/** The new report's files but its PDF, whose bytes carry the time it was printed. */
let next: Map<string, Buffer>;
/** The new report.md as a run that prints no PDF writes it. */
let nextMarkdownWithoutPdf: Buffer;
/** How long an undisturbed run takes here, in ms. */
let duration = 0;

beforeAll(async () => {
  const started = performance.now();
  const [made, fresh] = await Promise.all([
    generate([example, '--out', 'previous', '--seed', '1'], { cwd: dir }),
    generate([example, '--out', 'next', '--seed', '2'], { cwd: dir }),
  ]);
  duration = performance.now() - started;
  expect(made.code, made.stderr).toBe(0);
  expect(fresh.code, fresh.stderr).toBe(0);
  previous = snapshot(join(dir, 'previous', client));
  next = snapshot(join(dir, 'next', client));
  next.delete('report.pdf');
  // report.md links report.pdf only where one was printed; the runs killed while writing ask for no PDF.
  nextMarkdownWithoutPdf = Buffer.from(
    (next.get('report.md') ?? Buffer.alloc(0)).toString('utf8').replace(' · [report.pdf](report.pdf)', ''),
  );
});

/** Starts generate (seed 2) over a copy of the previous report, with its own TMPDIR for the browser. */
function start(name: string, env: NodeJS.ProcessEnv = {}, formats: readonly string[] = []) {
  const privateTmp = join(dir, `${name}-tmp`);
  mkdirSync(privateTmp);
  cpSync(join(dir, 'previous'), join(dir, name), { recursive: true });
  const folder = join(dir, name, client);
  const run = startGenerate([example, '--out', name, '--seed', '2', ...formats], {
    cwd: dir,
    env: { TMPDIR: privateTmp, ...env },
  });
  return { ...run, folder, privateTmp };
}

/** Resolves when the run's first temporary file appears: it has started writing its report. */
function writingStarts(folder: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(folder, (_, name) => {
      if (name?.endsWith('.tmp')) {
        watcher.close();
        resolve();
      }
    });
  });
}

/** Waits for processes that mention `marker` to go (a browser quits once its pipe to generate closes). */
async function survivorsAfter(marker: string, graceMs: number): Promise<string[]> {
  const until = performance.now() + graceMs;
  for (;;) {
    const left = processesMentioning(marker);
    if (left.length === 0 || performance.now() > until) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Verdict {
  /** Of the files the new report changes, how many are still the previous version and how many are new. */
  readonly previousFiles: number;
  readonly newFiles: number;
  readonly leftovers: readonly string[];
  readonly problems: readonly string[];
}

/** Each report file must be the previous version or the new one, whole; anything else must be ours and hidden. */
function judge(folder: string): Verdict {
  const problems: string[] = [];
  const leftovers: string[] = [];
  let previousFiles = 0;
  let newFiles = 0;
  const files = snapshot(folder);
  for (const [path, data] of files) {
    const name = path.split('/').at(-1) ?? path;
    if (name === LOCK_NAME || parseTempName(name) !== null) {
      leftovers.push(path);
      continue;
    }
    const wasPrevious = previous.get(path)?.equals(data) === true;
    const isNew =
      path === 'report.pdf'
        ? incompleteness(path, data) === null
        : next.get(path)?.equals(data) === true ||
          (path === 'report.md' && nextMarkdownWithoutPdf.equals(data));
    if (!wasPrevious && !isNew) {
      problems.push(
        `${path}: neither the previous version nor the new one (${incompleteness(path, data) ?? 'complete'})`,
      );
    } else if (path === 'report.pdf' || !next.get(path)?.equals(previous.get(path) ?? Buffer.alloc(0))) {
      if (wasPrevious) previousFiles += 1;
      else newFiles += 1;
    }
  }
  for (const path of previous.keys()) if (!files.has(path)) problems.push(`${path}: lost`);
  return { previousFiles, newFiles, leftovers, problems };
}

describe('generate killed at a random moment', () => {
  const verdicts: (Verdict & { name: string; at: string })[] = [];

  it(`${RUNS} SIGKILLs (seed ${SEED}): every file the previous version or the new one, whole; no browser left`, async () => {
    const random = seededRandom(SEED);
    const plans = Array.from({ length: RUNS }, (_, i) => ({
      name: `kill-${i}`,
      // Half at any moment of a whole run, browser and all; half while a report is written (the window
      // where a file could be cut short), without the PDF, whose file is written like any other but whose
      // browser would double the time it takes to get there.
      during: i % 2 === 0 ? ('run' as const) : ('write' as const),
      delay: i % 2 === 0 ? random() * duration : random() * 40,
    }));
    const killOne = async (plan: (typeof plans)[number]) => {
      const run = start(plan.name, {}, plan.during === 'write' ? ['--format', 'html,svg,png,json,md'] : []);
      if (plan.during === 'write') await Promise.race([writingStarts(run.folder), run.exited]);
      await new Promise((resolve) => setTimeout(resolve, plan.delay));
      run.child.kill('SIGKILL');
      const { signal, code } = await run.exited;
      const verdict = judge(run.folder);
      verdicts.push({
        ...verdict,
        name: plan.name,
        at: `${plan.during} +${Math.round(plan.delay)} ms, ended by ${signal ?? `exit ${code}`}`,
      });
      expect(verdict.problems, plan.name).toEqual([]);
      expect(await survivorsAfter(run.privateTmp, 15_000), plan.name).toEqual([]);
    };
    // Two at a time: the machine has two cores, and a kill must land in a run as busy as a real one.
    for (let i = 0; i < plans.length; i += 2) await Promise.all(plans.slice(i, i + 2).map(killOne));
    const before = verdicts.filter((v) => v.newFiles === 0).length;
    const after = verdicts.filter((v) => v.previousFiles === 0).length;
    const leftovers = verdicts.reduce((sum, v) => sum + v.leftovers.length, 0);
    console.info(
      `kill test: ${RUNS} SIGKILLs: ${before} before the report's files were replaced, ${after} after, ` +
        `${RUNS - before - after} in between (whole files of both runs); ` +
        `${leftovers} temporary or lock files left for the next run; 0 files lost or cut short`,
    );
  }, 600_000);

  it('the next run over a killed run’s folder clears its leftovers and writes the whole new report', async () => {
    const withLeftovers = verdicts.find((v) => v.leftovers.length > 0)?.name ?? verdicts[0]?.name ?? 'kill-0';
    const folder = join(dir, withLeftovers, client);
    const rerun = await generate([example, '--out', withLeftovers, '--seed', '2'], { cwd: dir });
    expect(rerun.code, rerun.stderr).toBe(0);
    const files = snapshot(folder);
    expect(incompleteness('report.pdf', files.get('report.pdf') ?? Buffer.alloc(0))).toBeNull();
    files.delete('report.pdf');
    expect(differences(files, next)).toEqual([]);
  });
});

describe('the browser profile of a SIGKILLed run', () => {
  it('is left in the temporary folder, and the next run there deletes it', async () => {
    const run = start('kill-profile', { CNIREPORT_TIMING: '1' });
    const profiles = () => readdirSync(run.privateTmp).filter((name) => name.startsWith('cnireport-chrome-'));
    // Killed once the browser is up and using its profile.
    while (!/^timing browser: launch/m.test(run.stderrSoFar()) && run.child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 20));
    run.child.kill('SIGKILL');
    await run.exited;
    expect(await survivorsAfter(run.privateTmp, 15_000)).toEqual([]);
    expect(profiles()).toHaveLength(1);
    const rerun = await generate([example, '--out', 'kill-profile', '--seed', '2'], {
      cwd: dir,
      env: { TMPDIR: run.privateTmp },
    });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(profiles()).toEqual([]);
  });
});

describe('generate stopped by a signal', () => {
  // SIGTERM and SIGINT: while the browser starts, while it prints, and while the report is written.
  const cases = [
    ['SIGTERM', 'launch'],
    ['SIGINT', 'print'],
    ['SIGTERM', 'write'],
    ['SIGINT', 'write'],
  ] as const;

  it.concurrent.each(cases)(
    '%s during %s: exit 128+n, the folder consistent, no browser or profile left',
    async (signal, moment) => {
      const name = `${signal}-${moment}`;
      // The write cases leave the PDF out: no browser is needed to reach the write, and none to leave behind.
      const run = start(
        name,
        { CNIREPORT_TIMING: '1' },
        moment === 'write' ? ['--format', 'html,svg,png,json,md'] : [],
      );
      const until = async (reached: () => boolean) => {
        while (!reached() && run.child.exitCode === null)
          await new Promise((resolve) => setTimeout(resolve, 20));
      };
      if (moment === 'write') await Promise.race([writingStarts(run.folder), run.exited]);
      // The browser's process is there but Puppeteer is not yet connected to it.
      if (moment === 'launch') await until(() => processesMentioning(run.privateTmp).length > 0);
      if (moment === 'print') {
        await until(() => /^timing browser: launch/m.test(run.stderrSoFar()));
        // Printing starts a moment after the browser is up.
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      run.child.kill(signal);
      const { code, signal: endedBy, stderr } = await run.exited;
      const number = signal === 'SIGTERM' ? 15 : 2;
      // A signal that comes once the report is written ends the process the default way; one that lands as the
      // run is finishing finds it done (exit 0). Either way the folder must hold one whole report (below).
      if (moment === 'write')
        expect(code === 128 + number || code === 0 || endedBy === signal, stderr).toBe(true);
      else expect(code, stderr).toBe(128 + number);
      expect(judge(run.folder).problems).toEqual([]);
      expect(judge(run.folder).leftovers).toEqual([]);
      expect(await survivorsAfter(run.privateTmp, 15_000)).toEqual([]);
      expect(readdirSync(run.privateTmp).filter((entry) => entry.startsWith('cnireport-chrome-'))).toEqual(
        [],
      );
      expect(existsSync(join(run.folder, LOCK_NAME))).toBe(false);
    },
  );
});
