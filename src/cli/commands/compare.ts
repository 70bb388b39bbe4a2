import { type Command, InvalidArgumentError } from 'commander';
import { compareScenarios, type ScenarioInput } from '../../compare/compare-scenarios.js';
import { comparisonJson } from '../../compare/comparison-json.js';
import { reportDate } from '../../generate/report-date.js';
import { escapeUnsafeLines } from '../../io/escape-unsafe-chars.js';
import { loadAnswers } from '../../io/load-answers.js';
import { defaultDataset } from '../../io/load-dataset.js';
import { scoreAnswers } from '../../scoring/score-answers.js';
import { didYouMean } from '../../shared/did-you-mean.js';
import { CniError } from '../../shared/errors.js';
import type { CliIo } from '../cli-io.js';
import { formatComparison } from '../format-comparison.js';
import { readPackageInfo } from '../package-info.js';
import { paint } from '../paint.js';

const COMPARE_FORMATS = ['html', 'pdf', 'md', 'json'] as const;
type CompareFormat = (typeof COMPARE_FORMATS)[number];

interface CompareOptions {
  json?: boolean;
  out?: string;
  format?: string;
  paper: 'a4' | 'letter';
  seed?: number;
}

export function registerCompare(program: Command, io: CliIo): void {
  program
    .command('compare')
    .description(
      'compare answers files side by side and say why the recommendation moved (Shapley attribution)',
    )
    .argument('<answers...>', 'two or more answers files; each later one is explained against the first')
    .option('--json', 'print the comparison as JSON on stdout, and nothing else')
    .option('-o, --out <dir>', 'also write a comparison report to this folder')
    .option(
      '--format <list>',
      `with --out: comma-separated formats (default: all of ${COMPARE_FORMATS.join(',')})`,
    )
    .option('--paper <size>', 'PDF paper size: a4 or letter', parsePaper, 'a4')
    .option('--seed <n>', 'Monte Carlo seed (default from data/model.yaml)', parseSeed)
    .addHelpText(
      'after',
      `
The first file is the reference (say the report you handed over); each later file is compared with it:
its recommendation, confidence, scores and TCOs, the answers and needs that differ, and each changed
answer's share of every change (exact Shapley values over the changed answers: every combination is
scored, so the shares add up). --out writes comparison.html, comparison.pdf, comparison.md,
comparison.json and charts/. A file that does not validate is reported as \`validate\` reports it; the
others are still compared when at least two are valid (exit 1 either way).

Examples:
  $ cnireport compare examples/scaleup-sidecar-cost.yaml examples/scaleup-after-audit.yaml
  $ cnireport compare march.yaml today.yaml --out out/compare --format html,pdf`,
    )
    .action(async (files: string[], options: CompareOptions) => {
      if (files.length < 2) throw new CniError('USAGE', 'compare needs two or more answers files');
      const formats = parseCompareFormats(options.format ?? COMPARE_FORMATS.join(','));
      const loaded: { file: string; answers: ScenarioInput['answers'] }[] = [];
      let invalid = 0;
      for (const file of files) {
        try {
          loaded.push({ file, answers: (await loadAnswers(file)).answers });
        } catch (error) {
          if (!(error instanceof CniError)) throw error;
          invalid += 1;
          io.err(`${escapeUnsafeLines(error.message)}\n`);
        }
      }
      if (loaded.length < 2) {
        throw new CniError(
          'INPUT_INVALID',
          `${invalid} of ${files.length} files ${invalid === 1 ? 'is' : 'are'} not valid; fewer than two are left to compare`,
          { hint: '`cnireport validate` lists every problem; fix them and compare again' },
        );
      }
      const dataset = defaultDataset();
      const scoreOptions = options.seed === undefined ? {} : { seed: options.seed };
      const inputs = loaded.map((s) => ({ ...s, result: scoreAnswers(s.answers, dataset, scoreOptions) }));
      const comparison = compareScenarios(inputs, dataset, scoreOptions);
      for (const warning of comparison.warnings)
        io.err(`${paint(io.errColor, 'yellow', 'warning:')} ${warning}\n`);
      const json = `${JSON.stringify(comparisonJson(comparison), null, 2)}\n`;
      io.out(options.json ? json : formatComparison(comparison));
      if (options.out !== undefined) {
        const dates = inputs.flatMap((s) => s.answers.engagement.date ?? []).sort();
        const date = reportDate(dates.at(-1), process.env.SOURCE_DATE_EPOCH, new Date());
        const { writeComparisonReport } = await import('../write-comparison-report.js');
        const written = await writeComparisonReport(comparison, {
          outDir: options.out,
          formats,
          json,
          date,
          paper: options.paper === 'letter' ? 'Letter' : 'A4',
          generator: `cnireport ${readPackageInfo().version}`,
          pdfAskedFor: options.format !== undefined && formats.includes('pdf'),
          note: (text) => io.err(`${paint(io.errColor, 'yellow', 'note:')} ${text}\n`),
        });
        if (!options.json) io.out(`wrote ${written.join(', ')}\n`);
      }
      if (invalid > 0) {
        throw new CniError(
          'INPUT_INVALID',
          `${invalid} of ${files.length} files ${invalid === 1 ? 'is' : 'are'} not valid (see above); the other ${loaded.length} were compared`,
        );
      }
    });
}

function parseCompareFormats(list: string): CompareFormat[] {
  const names = list
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n !== '');
  if (names.length === 0)
    throw new CniError('USAGE', `--format is empty (expected some of ${COMPARE_FORMATS.join(', ')})`);
  for (const name of names) {
    if ((COMPARE_FORMATS as readonly string[]).includes(name)) continue;
    const suggestion = didYouMean(name, COMPARE_FORMATS);
    throw new CniError(
      'USAGE',
      `--format: unknown format "${name}" (expected some of ${COMPARE_FORMATS.join(', ')}${suggestion === undefined ? '' : `; did you mean ${suggestion}?`})`,
    );
  }
  return COMPARE_FORMATS.filter((f) => names.includes(f));
}

function parsePaper(value: string): 'a4' | 'letter' {
  const paper = value.trim().toLowerCase();
  if (paper === 'a4' || paper === 'letter') return paper;
  throw new InvalidArgumentError(`expected a4 or letter (got ${value})`);
}

/** pure-rand seeds with the low 32 bits, signed; as `generate --seed`. */
function parseSeed(value: string): number {
  const seed = /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(seed <= 2 ** 31 - 1))
    throw new InvalidArgumentError(`expected a whole number from 0 to ${2 ** 31 - 1} (got ${value})`);
  return seed;
}
