import type { Command } from 'commander';
import { score } from '../../index.js';
import { loadAnswers } from '../../io/load-answers.js';
import { defaultDataset } from '../../io/load-dataset.js';
import { quoteTargetSentence, quoteTargets } from '../../scoring/quote-target.js';
import { stakeholderViews } from '../../scoring/stakeholder-views.js';
import type { CliIo } from '../cli-io.js';
import { formatQuoteTargets } from '../format-quote-targets.js';
import { formatScoreTable } from '../format-score-table.js';
import { formatStakeholders } from '../format-stakeholders.js';
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
      const scoreOptions = opts.seed === undefined ? {} : { seed: opts.seed };
      const dataset = defaultDataset();
      const result = score(answers, dataset, scoreOptions);
      const targets = quoteTargets(answers, dataset, result, scoreOptions);
      const stakeholders = stakeholderViews(answers, dataset, result, scoreOptions);
      const { currency } = result.engagement;
      if (opts.json) {
        const json = {
          ...result,
          quoteTargets: targets.map((t) => ({ ...t, sentence: quoteTargetSentence(t, currency) })),
          ...(stakeholders === null ? {} : { stakeholders }),
        };
        io.out(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      io.out(
        formatScoreTable(result) +
          formatQuoteTargets(targets, currency) +
          (stakeholders === null ? '' : formatStakeholders(stakeholders)),
      );
    });
}
