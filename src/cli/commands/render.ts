import type { Command } from 'commander';
import type { EarlyBrowser } from '../../pdf/early-browser.js';
import type { CliIo } from '../cli-io.js';
import { writeReports } from './generate.js';
import { type ReportFlags, withReportOptions } from './report-options.js';

export function registerRender(program: Command, io: CliIo, earlyBrowser: EarlyBrowser | null): void {
  withReportOptions(
    program
      .command('render')
      .description(
        'write the report of each result.json again, without scoring: the same files generate writes',
      )
      .argument(
        '<results...>',
        'result.json files, as generate or score --json wrote them; one report folder each',
      ),
  )
    .addHelpText(
      'after',
      `
The result is read as it is: nothing is scored again, and the report's date, seed and data version are the
ones its generatedBy records. For the same brand, paper and templates the files are byte for byte those
generate wrote for the answers (the PDF, deck and workbook carry the same text and figures). A result.json
that is not valid is one error at file:line:col.

Examples:
  $ cnireport render out/acme-bank/result.json --format html,pdf --brand brand.yaml
  $ cnireport render out/*/result.json --out rebranded --format pptx`,
    )
    .action((files: string[], options: ReportFlags) =>
      writeReports(io, earlyBrowser, files, options, 'result'),
    );
}
