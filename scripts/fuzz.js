// The long fuzz run (not in CI): `npm run fuzz [-- --runs N --seed S]`. Runs the seeded fuzz suites of
// test/fuzz with N cases per property (default 1,200: 13 properties, over 15,000 cases) and a fresh seed,
// then prints what each target did with them and every failure with its shrunk counterexample and seed.
// It drives vitest rather than dist/: the generators and oracles are the suites' own TypeScript, so the
// long run and `npm test` cannot drift apart.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const runs = Number(values.runs ?? 1200);
const seed = Number(values.seed ?? Date.now() % 2 ** 31);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs <cases per property>] [--seed <integer>]');
  process.exit(1);
}

const SUITES = ['example-mutations', 'schema-shaped', 'random-documents', 'brand-documents'].map(
  (s) => `test/fuzz/${s}.test.ts`,
);
const tallyDir = mkdtempSync(join(tmpdir(), 'cnireport-fuzz-tally-'));
console.log(`fuzzing: ${runs} cases per property, seed ${seed}`);
const start = performance.now();
const vitest = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--config',
    'vitest.slow.config.ts',
    ...SUITES,
    '--testTimeout=0',
    '--reporter=dot',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_TALLY_DIR: tallyDir },
  },
);
const seconds = (performance.now() - start) / 1000;

const tallies = readdirSync(tallyDir)
  .sort()
  .map((f) => JSON.parse(readFileSync(join(tallyDir, f), 'utf8')));
rmSync(tallyDir, { recursive: true, force: true });

const pad = (x, n) => String(x).padStart(n);
const row = (label, c) =>
  `${label.padEnd(46)}${pad(c.cases, 7)}${pad(c.exit0, 8)}${pad(c.exit1, 8)}${pad(c.other, 7)}${pad(c.maxMs, 8)}`;
const header = `${''.padEnd(46)}${pad('cases', 7)}${pad('exit 0', 8)}${pad('exit 1', 8)}${pad('other', 7)}${pad('max ms', 8)}`;

console.log(`\nper target\n${header}`);
for (const t of tallies) console.log(row(`${t.suite} / ${t.target}`, t.counts));

const byKind = new Map();
for (const t of tallies) {
  for (const [kind, c] of Object.entries(t.byKind)) {
    const sum = byKind.get(kind) ?? { cases: 0, exit0: 0, exit1: 0, other: 0, maxMs: 0 };
    for (const k of ['cases', 'exit0', 'exit1', 'other']) sum[k] += c[k];
    sum.maxMs = Math.max(sum.maxMs, c.maxMs);
    byKind.set(kind, sum);
  }
}
console.log(`\nper class of input (a case with several edits counts in each)\n${header}`);
for (const [kind, c] of [...byKind].sort((a, b) => b[1].cases - a[1].cases)) console.log(row(kind, c));

const total = tallies.reduce((s, t) => s + t.counts.cases, 0);
const failures = tallies.filter((t) => t.failure !== undefined);
console.log(
  `\n${total} cases in ${seconds.toFixed(0)} s across ${tallies.length} target runs, seed ${seed}: ${failures.length} failures`,
);
for (const f of failures) console.log(`\nFAILURE ${f.suite} / ${f.target}\n${f.failure}`);
if (tallies.length < 13) console.log('\nsome suites wrote no tally: see the vitest output above');
process.exit(vitest.status ?? 1);
