import { type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_FORMATS, REPORT_FORMATS } from '../../generate/parse-formats.js';

/** The flags that say how a report is written, as `generate` and `render` both take them. */
export interface ReportFlags {
  out: string;
  format?: string;
  paper: 'a4' | 'letter';
  brand?: string;
  template?: string;
}

/** Declares the report's flags on a command, in one place for every command that writes reports. */
export function withReportOptions(command: Command): Command {
  return command
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
    );
}

export function parsePaper(value: string): 'a4' | 'letter' {
  const paper = value.trim().toLowerCase();
  if (paper === 'a4' || paper === 'letter') return paper;
  throw new InvalidArgumentError(`expected a4 or letter (got ${value})`);
}
