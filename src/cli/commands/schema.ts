import type { Command } from 'commander';
import { answersJsonSchemaText } from '../../schema/answers-json-schema.js';
import type { CliIo } from '../cli-io.js';

export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description('print the JSON Schema of the answers file (draft-07), for editor completion')
    .addHelpText(
      'after',
      `
The package also ships it as schema/answers.schema.json; \`cnireport init\` points new files at it.

Examples:
  $ cnireport schema > answers.schema.json
  # then, as the first line of an answers file:
  # yaml-language-server: $schema=./answers.schema.json`,
    )
    .action(() => {
      io.out(answersJsonSchemaText());
    });
}
