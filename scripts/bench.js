// Prints timing figures for the decision engine and the report (run after `npm run build`): `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { AnswersSchema, loadDataset, scoreAnswers } from '../dist/index.js';
import { currentBrowserSearchContext, findBrowser } from '../dist/pdf/find-browser.js';

const dataset = loadDataset();
const answers = AnswersSchema.parse(
  parse(readFileSync(new URL('../examples/design-sample.yaml', import.meta.url), 'utf8')),
);

function median(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(label, runs, fn, target) {
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  const m = median(samples);
  console.log(
    `${label.padEnd(58)} median ${m.toFixed(1).padStart(7)} ms over ${runs} runs  (target <= ${target} ms)${m <= target ? '' : '  OVER TARGET'}`,
  );
}

time(
  'score one answers file (default 5,000 Monte Carlo draws)',
  30,
  () => scoreAnswers(answers, dataset),
  50,
);
time(
  'score one answers file, Monte Carlo off (100 draws)',
  30,
  () => scoreAnswers(answers, dataset, { draws: 100 }),
  50,
);
const base = scoreAnswers(answers, dataset, { draws: 100 });
time(
  'score with 10,000 Monte Carlo draws (bounds the draws alone)',
  15,
  () => scoreAnswers(answers, dataset, { draws: 10_000 }),
  200,
);
console.log(`(recommendation for ${base.engagement.client}: ${base.recommendation.option})`);

// The report: spawned CLI runs, as a user runs them, against Chromium printing the same HTML itself.
const cli = fileURLToPath(new URL('../bin/cnireport.js', import.meta.url));
const example = fileURLToPath(new URL('../examples/regulated-bank.yaml', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cnireport-bench-'));
const browser = findBrowser(currentBrowserSearchContext());

function wall(command, args, env = {}) {
  const t0 = performance.now();
  const run = spawnSync(command, args, { cwd: work, env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  return { ms, stderr: run.stderr };
}

function medianOf(runs, fn) {
  fn();
  return median(Array.from({ length: runs }, () => fn()));
}

const rows = [];
function row(label, value, target, unit = ' ms') {
  const over = target !== null && value > target;
  const digits = unit === '' ? 2 : 0;
  rows.push([
    label,
    `${value.toFixed(digits)}${unit}`,
    target === null ? '' : `<= ${target}${unit}`,
    over ? 'OVER TARGET' : '',
  ]);
}

/** The load average, so a reader can tell a slow figure from a busy machine. */
const load = () =>
  `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} CPUs`;
const loadBefore = load();

try {
  const generate = (out, ...args) =>
    wall(process.execPath, [cli, 'generate', example, '--out', out, ...args]).ms;
  row(
    'generate, HTML only (spawned CLI, median of 5)',
    medianOf(5, () => generate('html', '--format', 'html')),
    300,
  );
  if (browser === null) {
    console.log('\nNo Chrome/Chromium found: the PDF rows are skipped (set CNIREPORT_CHROME).');
  } else {
    const reportHtml = pathToFileURL(join(work, 'all', 'northwind-bank', 'report.html')).href;
    const floor = () =>
      wall(browser.executablePath, [
        '--headless',
        '--no-sandbox',
        `--print-to-pdf=${join(work, 'floor.pdf')}`,
        reportHtml,
      ]).ms;
    generate('all');
    floor();
    // Interleaved, so a busy machine slows both sides alike.
    const pairs = Array.from({ length: 5 }, () => [generate('all'), floor()]);
    const all = median(pairs.map(([g]) => g));
    const chromium = median(pairs.map(([, f]) => f));
    row('generate, all formats (spawned CLI, median of 5)', all, null);
    row('chromium --headless --print-to-pdf of that report.html (floor)', chromium, null);
    row('ratio generate / floor (aim 1.2)', all / chromium, 1.5, '');

    const examples = fileURLToPath(new URL('../examples/', import.meta.url));
    const texts = readdirSync(examples)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => readFileSync(join(examples, name), 'utf8'));
    const batch = Array.from({ length: 20 }, (_, i) => {
      const file = join(work, `client-${i + 1}.yaml`);
      writeFileSync(
        file,
        (texts[i % texts.length] ?? '').replace(/^( {2}client:).*$/m, `$1 Bench Client ${i + 1}`),
      );
      return file;
    });
    const batchMs = wall(process.execPath, [cli, 'generate', ...batch, '--out', 'batch']).ms;
    row('generate, 20-file batch, all formats: per report', batchMs / 20, 250);
    // What the batch cannot go below per report: the browser's own work on one report (new context and page,
    // the draft print for the contents' page numbers, the final print), the browser already running.
    const { PdfPrinter } = await import('../dist/pdf/print-pdf.js');
    const printer = await PdfPrinter.launch({ executablePath: browser.executablePath });
    try {
      const html = readFileSync(new URL(reportHtml), 'utf8');
      const print = async () => {
        const t0 = performance.now();
        await printer.print(html, { paper: 'A4', title: 'bench' });
        return performance.now() - t0;
      };
      await print();
      const prints = [];
      for (let i = 0; i < 5; i++) prints.push(await print());
      row('print of one report in an already-running browser (batch floor)', median(prints), null);
    } finally {
      await printer.close();
    }
    const { stderr } = wall(process.execPath, [cli, 'generate', example, '--out', 'all'], {
      CNIREPORT_TIMING: '1',
    });
    console.log(`\nWhere one all-formats run spends its time (CNIREPORT_TIMING=1):\n${stderr.trimEnd()}`);
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nMachine: ${loadBefore} before the report rows, ${load()} after.`);
  console.log(`\n${'report'.padEnd(width)}  ${'median'.padStart(8)}  target`);
  for (const [label, value, target, note] of rows) {
    console.log(`${label.padEnd(width)}  ${value.padStart(8)}  ${target.padEnd(9)} ${note}`.trimEnd());
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
