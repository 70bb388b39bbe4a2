import type { Command } from 'commander';
import { defaultDataset } from '../../io/load-dataset.js';
import type { CliIo } from '../cli-io.js';
import { formatDataReport } from '../format-data-report.js';

export function registerData(program: Command, io: CliIo): void {
  program
    .command('data')
    .description(
      'print what the tool assumes: the capability matrix and every cost default with its range and source',
    )
    .option('--json', 'print the validated data set as JSON')
    .addHelpText('after', '\nExample:\n  $ cnireport data | less\n')
    .action((opts: { json?: boolean }) => {
      const dataset = defaultDataset();
      io.out(opts.json ? `${JSON.stringify(dataset, null, 2)}\n` : formatDataReport(dataset));
    });
}
