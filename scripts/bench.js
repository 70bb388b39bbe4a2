// Prints timing figures for the decision engine (run after `npm run build`): `npm run bench`.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { AnswersSchema, loadDataset, scoreAnswers } from '../dist/index.js';

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
