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
    target === null ? '' : over ? 'NOT MET' : 'met',
  ]);
}

/** The load average, so a reader can tell a slow figure from a busy machine. */
const load = () =>
  `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} CPUs`;
const loadBefore = load();

/** The slowest refusal of the worst 1 MiB answers files (shapes that once took minutes): ms. */
async function worstRefusal() {
  const [{ parseAnswersText }, { MAX_ANSWERS_BYTES }] = await Promise.all([
    import('../dist/io/parse-answers-text.js'),
    import('../dist/io/load-answers.js'),
  ]);
  const head = 'version: 1\nengagement:\n  client: Acme\n';
  const fill = (line) => {
    const parts = [head];
    let size = head.length;
    for (let i = 0; size < MAX_ANSWERS_BYTES - 200; i++) {
      const next = line(i);
      parts.push(next);
      size += next.length;
    }
    return parts.join('');
  };
  const shapes = [
    fill(() => 'a: 1\n'),
    fill((i) => `k${i}: 1\n`),
    fill((i) => (i === 0 ? 'x: &x 1\n' : `k${i}: *x\n`)),
    fill((i) => (i === 0 ? 'l:\n' : '  - 1\n')),
    fill(() => '- : : x\n'),
    fill(() => `n: ${'['.repeat(60)}${']'.repeat(60)}\n`),
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
  ];
  let slowest = 0;
  for (const text of shapes) {
    const t0 = performance.now();
    if (parseAnswersText(text, 'worst.yaml').ok)
      throw new Error('bench: a worst-case answers file was accepted');
    slowest = Math.max(slowest, performance.now() - t0);
  }
  return slowest;
}

/** Re-scoring and re-rendering the HTML report in a process that has done it before (the workshop page). */
async function warmRerender() {
  const [{ generateReports }, chart, charts, specs, html, markdown, templates, { loadBrand }] =
    await Promise.all([
      import('../dist/generate/generate-reports.js'),
      import('../dist/charts/render-chart.js'),
      import('../dist/charts/render-report-charts.js'),
      import('../dist/charts/report-charts.js'),
      import('../dist/render/render-report-html.js'),
      import('../dist/render/render-report-markdown.js'),
      import('../dist/io/load-report-templates.js'),
      import('../dist/io/load-brand.js'),
    ]);
  const loaded = await templates.loadReportTemplates();
  const renderers = {
    charts: async (result) => charts.renderReportCharts(specs.buildReportCharts(result), { png: false }),
    png: (svg) => chart.renderChartPngAsync(svg),
    html: (sources) => html.renderReportHtml(sources, loaded),
    markdown: markdown.renderReportMarkdown,
  };
  const brand = await loadBrand(undefined);
  const once = async () => {
    const t0 = performance.now();
    await generateReports(
      {
        files: [example],
        outDir: join(work, 'warm'),
        formats: ['html'],
        paper: 'A4',
        brand,
        now: new Date(),
        toolVersion: 'bench',
      },
      {
        loadRenderers: async () => renderers,
        launchPrinter: () => Promise.reject(new Error('no PDF in this figure')),
      },
    );
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) await once();
  const samples = [];
  for (let i = 0; i < 9; i++) samples.push(await once());
  return median(samples);
}

/** 20 answers files (the examples in turn, each its own client) for the batch figure. */
function batchFiles(count) {
  const examples = fileURLToPath(new URL('../examples/', import.meta.url));
  const texts = readdirSync(examples)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => readFileSync(join(examples, name), 'utf8'));
  return Array.from({ length: count }, (_, i) => {
    const file = join(work, `client-${i + 1}.yaml`);
    writeFileSync(
      file,
      (texts[i % texts.length] ?? '').replace(/^( {2}client:).*$/m, `$1 Bench Client ${i + 1}`),
    );
    return file;
  });
}

try {
  const generate = (out, ...args) =>
    wall(process.execPath, [cli, 'generate', example, '--out', out, ...args]).ms;
  let ratioRows = [];
  if (browser === null) {
    console.log('\nNo Chrome/Chromium found: the PDF rows are skipped (set CNIREPORT_CHROME).');
  } else {
    const { BROWSER_ARGS } = await import('../dist/pdf/print-pdf.js');
    const features = BROWSER_ARGS.filter((arg) => arg.startsWith('--disable-features='));
    console.log(`\nThe tool's switches for the efficient floor: ${features.join(' ')}`);
    const reportHtml = pathToFileURL(join(work, 'all', 'northwind-bank', 'report.html')).href;
    const floor = (switches) => () =>
      wall(browser.executablePath, [
        '--headless',
        '--no-sandbox',
        ...switches,
        `--print-to-pdf=${join(work, 'floor.pdf')}`,
        reportHtml,
      ]).ms;
    const plain = floor([]);
    const efficient = floor(features);
    generate('all');
    plain();
    efficient();
    // Interleaved, the order turning each round, so a busy moment slows every side alike.
    const sides = [() => generate('all'), plain, efficient];
    const rounds = Array.from({ length: 7 }, (_, round) => {
      const times = [];
      for (let i = 0; i < sides.length; i++) {
        const side = (i + round) % sides.length;
        times[side] = sides[side]();
      }
      return times;
    });
    const all = median(rounds.map(([g]) => g));
    const ratioTo = (side) => median(rounds.map((times) => times[0] / times[side]));
    ratioRows = [
      [
        'generate / Chromium --print-to-pdf with the same switches (median of 7 paired ratios)',
        ratioTo(2),
        1.2,
      ],
      ['generate / Chromium --print-to-pdf as it comes (median of 7 paired ratios)', ratioTo(1), null],
    ];
    for (const [label, value, target] of ratioRows) row(label, value, target, '');
    row('generate, all formats (spawned CLI, median of 7)', all, null);
    row(
      "floor: chromium --headless --print-to-pdf with the tool's --disable-features",
      median(rounds.map((t) => t[2])),
      null,
    );
    row('floor: chromium --headless --print-to-pdf as it comes', median(rounds.map((t) => t[1])), null);
  }
  row(
    'generate, HTML only, cold (spawned CLI, median of 7)',
    medianOf(7, () => generate('html', '--format', 'html')),
    500,
  );
  row('re-score and re-render the HTML in a running process (median of 9)', await warmRerender(), 200);
  if (browser !== null) {
    const files = batchFiles(20);
    const one = wall(process.execPath, [cli, 'generate', files[0], '--out', 'batch-1']).ms;
    const batch = wall(process.execPath, [cli, 'generate', ...files, '--out', 'batch'], {
      CNIREPORT_TIMING: '1',
    });
    const peak = /peak RSS (\d+) MiB/.exec(batch.stderr)?.[1];
    row(
      '20-file batch, all formats: each report after the first ((T20 - T1) / 19)',
      (batch.ms - one) / 19,
      600,
    );
    row('20-file batch, all formats: per report on average', batch.ms / 20, null);
    row('20-file batch: Node peak RSS (npm run stress checks 100 files < 1 GiB)', Number(peak), null, ' MiB');
    const { stderr } = wall(process.execPath, [cli, 'generate', example, '--out', 'all'], {
      CNIREPORT_TIMING: '1',
    });
    console.log(`\nWhere one all-formats run spends its time (CNIREPORT_TIMING=1):\n${stderr.trimEnd()}`);
  }
  row('slowest refusal of a worst-case 1 MiB answers file (in-process parse)', await worstRefusal(), 2000);
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nMachine: ${loadBefore} before the report rows, ${load()} after.`);
  console.log(`\n${'report'.padEnd(width)}  ${'median'.padStart(8)}  target`);
  for (const [label, value, target, note] of rows) {
    console.log(`${label.padEnd(width)}  ${value.padStart(8)}  ${target.padEnd(9)} ${note}`.trimEnd());
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
