import type { Command } from 'commander';
import { loadAnswers } from '../../io/load-answers.js';
import { defaultDataset } from '../../io/load-dataset.js';
import { buildResult } from '../../result/build-result.js';
import { BuiltResultSchema } from '../../result/result-schema.js';
import type { CliIo } from '../cli-io.js';
import { formatQuoteTargets } from '../format-quote-targets.js';
import { formatScoreTable } from '../format-score-table.js';
import { formatStakeholders } from '../format-stakeholders.js';
import { parseSeed } from '../parse-seed.js';
import { printWarnings } from '../print-warnings.js';

export function registerScore(program: Command, io: CliIo): void {
  program
    .command('score')
    .description(
      'rank the options (the paths open on the client’s platforms) for an answers file: score, TCO over the horizon, and the reasons',
    )
    .argument('<answers>', 'answers file (YAML or JSON)')
    .option('--json', 'print the full result object as JSON on stdout, and nothing else')
    .option('--seed <n>', 'Monte Carlo seed (default from data/model.yaml)', parseSeed)
    .addHelpText(
      'after',
      '\nExamples:\n  $ cnireport score examples/scaleup-sidecar-cost.yaml\n  $ cnireport score answers.yaml --json > result.json\n',
    )
    .action(async (file: string, opts: { json?: boolean; seed?: number }) => {
      const { answers, warnings } = await loadAnswers(file);
      printWarnings(io, warnings);
      const scoreOptions = opts.seed === undefined ? {} : { seed: opts.seed };
      const result = buildResult(answers, defaultDataset(), scoreOptions);
      if (opts.json) {
        io.out(`${JSON.stringify(BuiltResultSchema.parse(result), null, 2)}\n`);
        return;
      }
      io.out(
        formatScoreTable(result) +
          formatQuoteTargets(result.quoteTargets) +
          (result.stakeholders === undefined ? '' : formatStakeholders(result.stakeholders)),
      );
    });
}
