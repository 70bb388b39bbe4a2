import type { Command } from 'commander';
import { DEFAULT_FORMATS, REPORT_FORMATS } from '../../generate/parse-formats.js';
import type { EarlyBrowser } from '../../pdf/early-browser.js';
import type { CliIo } from '../cli-io.js';
import { parsePaper, writeReports } from './generate.js';

export function registerRender(program: Command, io: CliIo, earlyBrowser: EarlyBrowser | null): void {
  program
    .command('render')
    .description(
      'write the report of each result.json again, without scoring: the same files generate writes',
    )
    .argument(
      '<results...>',
      'result.json files, as generate or score --json wrote them; one report folder each',
    )
    .option('-o, --out <dir>', 'folder that receives one <client>/ folder per report', 'out')
    .option(
      '--format <list>',
      `comma-separated formats to write, of ${REPORT_FORMATS.join(',')} (default: ${DEFAULT_FORMATS.join(',')})`,
    )
    .option('--paper <size>', 'PDF paper size: a4 or letter', parsePaper, 'a4')
    .option('--brand <file>', 'brand file (YAML): consultancy name, logo, primary colour, footer')
    .option(
      '--template <dir>',
      'folder of templates and partials that replace the built-in ones by name; its extra.css adds rules',
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
    .action((files: string[], options: { out: string; format?: string; paper: 'a4' | 'letter' }) =>
      writeReports(io, earlyBrowser, files, options, 'result'),
    );
}
