import type { Command } from 'commander';
import { defaultDataset } from '../../io/load-dataset.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { renderAnswersYaml } from '../../questionnaire/render-answers-yaml.js';
import { STARTER_ANSWERS } from '../../questionnaire/starter-answers.js';
import { AnswersSchema } from '../../schema/answers.js';
import { ASSUMPTION_KEYS } from '../../schema/assumption-keys.js';
import type { Dataset } from '../../schema/dataset.js';
import { deriveSituation } from '../../scoring/derive-situation.js';
import { resolveParameters } from '../../scoring/resolve-parameters.js';
import { schemaInTheWay } from '../../shared/error-catalogue.js';
import { formatQuantity } from '../../shared/format.js';
import type { CliIo } from '../cli-io.js';
import { paint } from '../paint.js';
import { placeSchemaBeside, SCHEMA_BESIDE, schemaBeside, schemaState } from '../schema-beside.js';

export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('write a commented answers file to fill in during or after the workshop')
    .argument('[file]', 'answers file to create, or - for standard output', 'answers.yaml')
    .option('-f, --force', 'overwrite the file if it already exists', false)
    .addHelpText(
      'after',
      `
Every key of the answers file is written with a comment giving its meaning, what it accepts and its
default. The first line points editors (yaml-language-server) at ${SCHEMA_BESIDE}, the JSON Schema,
which init writes next to the file (or refreshes, if it is an older one) for completion and checking.

Examples:
  $ cnireport init                      # writes answers.yaml and ${SCHEMA_BESIDE}
  $ cnireport init acme/answers.yaml
  $ cnireport init - > answers.yaml     # then: cnireport schema > ${SCHEMA_BESIDE}`,
    )
    .action(async (file: string, options: { force: boolean }) => {
      const text = renderAnswersYaml({
        schemaRef: SCHEMA_BESIDE,
        values: STARTER_ANSWERS,
        defaults: assumptionDefaults(defaultDataset()),
      });
      if (file === '-') {
        io.out(text);
        io.err(
          `${paint(io.errColor, 'yellow', 'note:')} the first line points editors at ${SCHEMA_BESIDE} next to the file; write it with: cnireport schema > ${SCHEMA_BESIDE}\n`,
        );
        return;
      }
      // Checked before anything is written: a file of that name that is not ours stops init whole.
      const schema = schemaBeside(file);
      if ((await schemaState(schema)) === 'foreign') {
        throw schemaInTheWay(schema, SCHEMA_BESIDE);
      }
      await writeFileAtomic(file, text, { overwrite: options.force });
      const placed = await placeSchemaBeside(file);
      const also = placed.state === 'current' ? '' : ` and ${placed.path} (for editor completion)`;
      io.out(`wrote ${file}${also}; fill it in, then run: cnireport validate ${file}\n`);
    });
}

/**
 * Each cost default as the data gives it for the starting answers (USD, no mesh), with its range, so the
 * commented `assumptions` keys say what leaving them out means without a look at `cnireport data`.
 */
function assumptionDefaults(dataset: Dataset): Record<string, string> {
  const answers = AnswersSchema.parse({ version: 1, ...STARTER_ANSWERS });
  const currency = answers.engagement.currency;
  const shown = (value: number, unit: string) => {
    const q = formatQuantity(value, unit, currency);
    return `${q.value} ${q.unit}`;
  };
  const keys = new Set<string>(ASSUMPTION_KEYS);
  return Object.fromEntries(
    resolveParameters(deriveSituation(answers, dataset), dataset)
      .filter((p) => keys.has(p.key))
      .map((p) => [
        `assumptions.${p.key}`,
        `${shown(p.value, p.unit)} (range ${formatQuantity(p.low, p.unit, currency).value} to ${formatQuantity(p.high, p.unit, currency).value}; ${KIND[p.kind] ?? p.kind})`,
      ]),
  );
}

const KIND: Readonly<Record<string, string>> = {
  sourced: 'sourced',
  derived: 'derived from sourced figures',
  estimate: 'an estimate',
  placeholder: 'a placeholder until there is a quote',
};
