// The long hardening run (not in CI): `npm run stress [-- --files N] [-- --kills K] [-- --json]`.
// Makes N answers files (default 100: the examples, copied round-robin, each with its own client name),
// runs one `cnireport generate` over all of them with every format, samples the browser's processes
// while it runs, then prints the figures: wall time, the Node process's peak RSS (from the
// CNIREPORT_TIMING line), the most browser and renderer processes alive at once, and any report folder
// that is not complete. Then runs the SIGKILL test of test/hardening/kill.test.ts K times (default 40;
// npm test runs it 16 times) and prints its tally. Exits 1 when a bound is broken: peak RSS of 1 GiB or
// more, more than one browser, a report missing, a browser process left, a kill that cost a file.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
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
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { files: { type: 'string' }, kills: { type: 'string' }, json: { type: 'boolean' } },
});
const count = Number(values.files ?? 100);
const kills = Number(values.kills ?? 40);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(kills) || kills < 0) {
  console.error(
    'usage: npm run stress -- [--files <answers files, 1+>] [--kills <SIGKILL runs, 0+>] [--json]',
  );
  process.exit(1);
}
const MEMORY_BOUND_MIB = 1024;
const SAMPLE_MS = 200;

const dir = mkdtempSync(join(tmpdir(), 'cnireport-stress-'));
// The browser's profile goes under this folder, which is how its processes are told from any other.
const privateTmp = join(dir, 'tmp');
mkdirSync(privateTmp);
const examples = readdirSync(join(root, 'examples'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => readFileSync(join(root, 'examples', name), 'utf8'));
const files = Array.from({ length: count }, (_, i) => {
  const file = join(dir, `client-${i + 1}.yaml`);
  const text = examples[i % examples.length].replace(/^ {2}client: .*$/m, `  client: Stress Client ${i + 1}`);
  writeFileSync(file, text);
  return file;
});

/**
 * The browser processes now. Puppeteer starts each browser as the leader of its own process group, so
 * browsers are counted by group: a launcher script's passing subshell (Debian's /usr/bin/chromium) has
 * the same command line but is no second browser.
 */
function sampleBrowsers() {
  const rows = execFileSync('ps', ['-eo', 'pid=,pgid=,rss=,args='], { maxBuffer: 16 << 20 })
    .toString('utf8')
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, pid, pgid, rss, args]) => ({ pid, pgid, rssKiB: Number(rss), args }));
  const browsers = rows.filter(
    (row) => row.args.includes(`--user-data-dir=${privateTmp}`) && !row.args.includes('--type='),
  );
  const groups = new Set(browsers.map((browser) => browser.pgid));
  const members = rows.filter((row) => groups.has(row.pgid));
  return {
    browsers: groups.size,
    renderers: members.filter((row) => row.args.includes('--type=renderer')).length,
    processes: members.length,
    rssMiB: Math.round(members.reduce((sum, row) => sum + row.rssKiB, 0) / 1024),
  };
}

const peak = { browsers: 0, renderers: 0, processes: 0, rssMiB: 0 };
const started = performance.now();
const child = spawn(
  process.execPath,
  [join(root, 'bin', 'cnireport.js'), 'generate', ...files, '--out', join(dir, 'out')],
  {
    env: { ...process.env, TMPDIR: privateTmp, CNIREPORT_TIMING: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
let stderr = '';
child.stderr.on('data', (chunk) => {
  stderr += chunk.toString('utf8');
});
const sampler = setInterval(() => {
  const now = sampleBrowsers();
  for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], now[key]);
}, SAMPLE_MS);
const exitCode = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
clearInterval(sampler);
const seconds = (performance.now() - started) / 1000;
const nodePeakMiB = Number(/^timing total: \d+ ms, peak RSS (\d+) MiB$/m.exec(stderr)?.[1] ?? Number.NaN);

const out = join(dir, 'out');
const folders = existsSync(out) ? readdirSync(out) : [];
const incomplete = [];
for (let i = 1; i <= count; i++) {
  const folder = join(out, `stress-client-${i}`);
  const problems = [
    ['report.html', (data) => data.toString('latin1').trimEnd().endsWith('</html>')],
    ['report.pdf', (data) => data.toString('latin1').trimEnd().endsWith('%%EOF')],
    ['result.json', (data) => JSON.parse(data.toString('utf8')) !== null],
    ['report.md', (data) => data.length > 0],
  ].filter(([name, complete]) => {
    try {
      return !complete(readFileSync(join(folder, name)));
    } catch {
      return true;
    }
  });
  if (problems.length > 0)
    incomplete.push(`stress-client-${i}: ${problems.map(([name]) => name).join(', ')}`);
}
const leftover = sampleBrowsers().processes;
rmSync(dir, { recursive: true, force: true });

/** The kill test's own tally line, or why there is none. */
function killTally() {
  const vitest = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'vitest.slow.config.ts',
      'test/hardening/kill.test.ts',
      '-t',
      'SIGKILLs',
    ],
    {
      cwd: root,
      env: { ...process.env, KILL_RUNS: String(kills), NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    },
  );
  const tally = /kill test: .*$/m.exec(vitest.stdout)?.[0];
  return {
    passed: vitest.status === 0,
    tally: tally ?? 'kill test: no tally (see npx vitest run test/hardening/kill.test.ts)',
  };
}
const killed = kills > 0 ? killTally() : null;

const figures = {
  files: count,
  exitCode,
  seconds: Math.round(seconds * 10) / 10,
  nodePeakRssMiB: nodePeakMiB,
  maxBrowsers: peak.browsers,
  maxRenderers: peak.renderers,
  maxBrowserProcesses: peak.processes,
  maxBrowserRssMiB: peak.rssMiB,
  folders: folders.length,
  incomplete,
  browserProcessesLeft: leftover,
  kills: killed?.tally ?? null,
};
const broken = [
  exitCode !== 0 &&
    `generate exited with ${exitCode}: ${stderr
      .split('\n')
      .filter((l) => !l.startsWith('timing'))
      .join(' ')}`,
  !(nodePeakMiB < MEMORY_BOUND_MIB) && `peak RSS ${nodePeakMiB} MiB is not under ${MEMORY_BOUND_MIB} MiB`,
  peak.browsers !== 1 && `${peak.browsers} browsers at once, not 1`,
  incomplete.length > 0 && `${incomplete.length} reports incomplete: ${incomplete.slice(0, 5).join('; ')}`,
  leftover > 0 && `${leftover} browser processes still running after generate ended`,
  killed !== null && !killed.passed && `the kill test failed: ${killed.tally}`,
].filter(Boolean);

if (values.json) {
  console.log(JSON.stringify({ ...figures, broken }));
} else {
  console.log(`stress: ${count} answers files, every format, one generate run`);
  console.log(
    `  wall time                  ${figures.seconds} s (${(seconds / count).toFixed(2)} s per report)`,
  );
  console.log(`  Node peak RSS              ${nodePeakMiB} MiB (bound ${MEMORY_BOUND_MIB} MiB)`);
  console.log(`  browsers at once           ${peak.browsers}`);
  console.log(`  renderers at once (max)    ${peak.renderers}`);
  console.log(`  browser processes (max)    ${peak.processes}, ${peak.rssMiB} MiB RSS together`);
  console.log(`  report folders complete    ${count - incomplete.length} of ${count}`);
  console.log(`  browser processes left     ${leftover}`);
  if (killed !== null) console.log(killed.tally);
  for (const problem of broken) console.log(`BROKEN: ${problem}`);
}
process.exitCode = broken.length > 0 ? 1 : 0;
