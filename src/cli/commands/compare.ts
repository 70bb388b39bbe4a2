import { type Command, InvalidArgumentError } from 'commander';
import { compareScenarios, type ScenarioInput } from '../../compare/compare-scenarios.js';
import { comparisonJson } from '../../compare/comparison-json.js';
import { reportDate } from '../../generate/report-date.js';
import { escapeUnsafeLines } from '../../io/escape-unsafe-chars.js';
import { loadAnswers } from '../../io/load-answers.js';
import { loadBrand } from '../../io/load-brand.js';
import { defaultDataset } from '../../io/load-dataset.js';
import { buildResult } from '../../result/build-result.js';
import { DISPLAY_TEXT, isDisplayText } from '../../schema/display-text.js';
import { didYouMean } from '../../shared/did-you-mean.js';
import {
  noFormats,
  someNotCompared,
  tooFewToCompare,
  tooFewValidToCompare,
  tooManyLabels,
  unknownFormat,
} from '../../shared/error-catalogue.js';
import { CniError } from '../../shared/errors.js';
import type { CliIo } from '../cli-io.js';
import { formatComparison } from '../format-comparison.js';
import { readPackageInfo } from '../package-info.js';
import { paint } from '../paint.js';
import { parsePaper } from './report-options.js';

const COMPARE_FORMATS = ['html', 'pdf', 'md', 'json'] as const;
type CompareFormat = (typeof COMPARE_FORMATS)[number];

interface CompareOptions {
  json?: boolean;
  out?: string;
  format?: string;
  paper: 'a4' | 'letter';
  seed?: number;
  brand?: string;
  label: string[];
}

/** As long as a stakeholder's name: it heads a column of the tables. */
const LABEL_MAX = 60;

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
    .option(
      '--label <name>',
      'name a scenario, once per file in their order (default: the file name without .yaml)',
      collectLabel,
      [],
    )
    .option('--brand <file>', 'with --out: brand file (YAML), as for generate')
    .option('--paper <size>', 'PDF paper size: a4 or letter', parsePaper, 'a4')
    .option('--seed <n>', 'Monte Carlo seed (default from data/model.yaml)', parseSeed)
    .addHelpText(
      'after',
      `
The first file is the reference (say the report you handed over); each later file is compared with it:
its recommendation, confidence, scores and TCOs, the answers and needs that differ, and each changed
answer's share of every change (exact Shapley values over the changed answers: every combination is
scored, so the shares add up). Each scenario is named by its --label (the first --label names the first
file, and so on), else by the file's engagement.scenario, else by its file's name. --out writes
comparison.html, comparison.pdf, comparison.md, comparison.json and charts/, with "Prepared by" from the
files' engagement.preparedBy. A file that does not validate is reported as \`validate\` reports it; the
others are still compared when at least two are valid (exit 1 either way).

Examples:
  $ cnireport compare examples/scaleup-sidecar-cost.yaml examples/scaleup-after-audit.yaml
  $ cnireport compare march.yaml today.yaml --out out/compare --format html,pdf
  $ cnireport compare acme.yaml acme-24x7.yaml --label "As handed over" --label "With 24x7 support"
  $ cnireport compare acme.yaml acme-24x7.yaml --out out/compare --brand brand.yaml`,
    )
    .action(async (files: string[], options: CompareOptions) => {
      if (files.length < 2) throw tooFewToCompare();
      if (options.label.length > files.length) {
        throw tooManyLabels(options.label.length, files.length);
      }
      const formats = parseCompareFormats(options.format ?? COMPARE_FORMATS.join(','));
      // Read before any scoring: a wrong brand file is said at once.
      const brand = options.out === undefined ? null : await loadBrand(options.brand);
      for (const [flag, given] of [
        ['--format', options.format],
        ['--brand', options.brand],
      ] as const) {
        if (given !== undefined && options.out === undefined) {
          io.err(
            `${paint(io.errColor, 'yellow', 'note:')} ${flag} applies to the report --out writes: no report written, the comparison is printed only (add --out <dir>)\n`,
          );
        }
      }
      const loaded: Omit<ScenarioInput, 'result'>[] = [];
      let invalid = 0;
      for (const [i, file] of files.entries()) {
        try {
          const { answers } = await loadAnswers(file);
          // --label names the scenario, else the file's own engagement.scenario, else (downstream) its file name.
          const label = options.label[i] ?? answers.engagement.scenario;
          loaded.push({
            file,
            answers,
            ...(label === undefined ? {} : { label }),
          });
        } catch (error) {
          if (!(error instanceof CniError)) throw error;
          invalid += 1;
          io.err(`${escapeUnsafeLines(error.message)}\n`);
        }
      }
      if (loaded.length < 2) {
        throw tooFewValidToCompare(invalid, files.length);
      }
      const dataset = defaultDataset();
      const scoreOptions = options.seed === undefined ? {} : { seed: options.seed };
      const inputs = loaded.map((s) => ({ ...s, result: buildResult(s.answers, dataset, scoreOptions) }));
      const comparison = compareScenarios(inputs, dataset);
      for (const warning of comparison.warnings)
        io.err(`${paint(io.errColor, 'yellow', 'warning:')} ${warning}\n`);
      const json = `${JSON.stringify(comparisonJson(comparison), null, 2)}\n`;
      io.out(options.json ? json : formatComparison(comparison));
      if (options.out !== undefined && brand !== null) {
        const dates = inputs.flatMap((s) => s.answers.engagement.date ?? []).sort();
        const date = reportDate(dates.at(-1), process.env.SOURCE_DATE_EPOCH, new Date());
        const { writeComparisonReport } = await import('../write-comparison-report.js');
        const written = await writeComparisonReport(comparison, {
          outDir: options.out,
          formats,
          json,
          date,
          paper: options.paper === 'letter' ? 'Letter' : 'A4',
          brand,
          generator: `cnireport ${readPackageInfo().version}`,
          pdfAskedFor: options.format !== undefined && formats.includes('pdf'),
          note: (text) => io.err(`${paint(io.errColor, 'yellow', 'note:')} ${text}\n`),
        });
        if (!options.json) io.out(`wrote ${written.join(', ')}\n`);
      }
      if (invalid > 0) {
        throw someNotCompared(invalid, files.length, loaded.length);
      }
    });
}

function parseCompareFormats(list: string): CompareFormat[] {
  const names = list
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n !== '');
  if (names.length === 0) throw noFormats(COMPARE_FORMATS);
  for (const name of names) {
    if ((COMPARE_FORMATS as readonly string[]).includes(name)) continue;
    throw unknownFormat(name, COMPARE_FORMATS, didYouMean(name, COMPARE_FORMATS));
  }
  return COMPARE_FORMATS.filter((f) => names.includes(f));
}

function collectLabel(value: string, labels: string[]): string[] {
  const label = value.trim();
  if (label === '' || label.length > LABEL_MAX || !isDisplayText(label)) {
    throw new InvalidArgumentError(`expected ${DISPLAY_TEXT}, at most ${LABEL_MAX} characters`);
  }
  if (labels.includes(label)) throw new InvalidArgumentError(`"${label}" names two scenarios`);
  return [...labels, label];
}

/** pure-rand seeds with the low 32 bits, signed; as `generate --seed`. */
function parseSeed(value: string): number {
  const seed = /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(seed <= 2 ** 31 - 1))
    throw new InvalidArgumentError(`expected a whole number from 0 to ${2 ** 31 - 1} (got ${value})`);
  return seed;
}
