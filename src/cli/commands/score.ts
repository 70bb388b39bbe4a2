import type { Command } from 'commander';
import { score } from '../../index.js';
import { loadAnswers } from '../../io/load-answers.js';
import type { CliIo } from '../cli-io.js';
import { formatScoreTable } from '../format-score-table.js';
import { parseSeed } from '../parse-seed.js';
import { printWarnings } from '../print-warnings.js';

export function registerScore(program: Command, io: CliIo): void {
  program
    .command('score')
    .description('rank the three options for an answers file: score, TCO over the horizon, and the reasons')
    .argument('<answers>', 'answers file (YAML or JSON)')
    .option('--json', 'print the full result object as JSON on stdout, and nothing else')
    .option('--seed <n>', 'Monte Carlo seed (default from data/model.yaml)', parseSeed)
    .addHelpText(
      'after',
      '\nExample:\n  cnireport score examples/scaleup-sidecar-cost.yaml\n  cnireport score answers.yaml --json > result.json\n',
    )
    .action(async (file: string, opts: { json?: boolean; seed?: number }) => {
      const { answers, warnings } = await loadAnswers(file);
      printWarnings(io, warnings);
      const result = score(answers, undefined, opts.seed === undefined ? {} : { seed: opts.seed });
      io.out(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatScoreTable(result));
    });
}
