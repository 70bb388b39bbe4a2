import { InternalError } from '../shared/errors.js';
import { answersJsonSchema } from './answers-json-schema.js';
import { describeExpectation, formatSchemaValue } from './describe-expectation.js';
import type { JsonSchemaNode } from './json-schema-node.js';

export const ANSWERS_REFERENCE_START = '<!-- answers-reference:start -->';
export const ANSWERS_REFERENCE_END = '<!-- answers-reference:end -->';

/** The answers file reference (docs/answers.md): one table per section, generated from the schema. */
export function answersReferenceMarkdown(): string {
  const schema = answersJsonSchema();
  const required = new Set(schema.required ?? []);
  const topLevel: [string, JsonSchemaNode][] = [];
  const sections: string[] = [];
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    if (node.type === 'object' && node.properties !== undefined) {
      sections.push(
        [
          `## \`${key}\`${required.has(key) ? ' (required)' : ''}`,
          '',
          node.description ?? '',
          '',
          table(key, node),
        ].join('\n'),
      );
    } else topLevel.push([key, node]);
  }
  const top = table('', { properties: Object.fromEntries(topLevel), required: [...required] });
  return [
    'Generated from the schema by `npm run docs`; `cnireport init` writes the same information as comments.',
    '',
    top,
    '',
    sections.join('\n\n'),
  ].join('\n');
}

/** `document` with the text between the reference markers replaced by the current reference. */
export function replaceAnswersReference(document: string): string {
  const start = document.indexOf(ANSWERS_REFERENCE_START);
  const end = document.indexOf(ANSWERS_REFERENCE_END);
  if (start === -1 || end === -1 || end < start) {
    throw new InternalError(
      `the reference file lacks the markers ${ANSWERS_REFERENCE_START} … ${ANSWERS_REFERENCE_END}`,
    );
  }
  const before = document.slice(0, start + ANSWERS_REFERENCE_START.length);
  return `${before}\n${answersReferenceMarkdown()}\n${document.slice(end)}`;
}

function table(prefix: string, node: JsonSchemaNode): string {
  const required = new Set(node.required ?? []);
  const rows = Object.entries(node.properties ?? {}).map(([key, child]) => {
    const name = `\`${prefix === '' ? key : `${prefix}.${key}`}\``;
    const value =
      child.default !== undefined
        ? `\`${formatSchemaValue(child.default)}\``
        : required.has(key)
          ? '**required**'
          : 'optional';
    return `| ${name} | ${cell(describeExpectation(child))} | ${value} | ${cell(child.description ?? '')} |`;
  });
  return ['| Key | Accepts | Default | Meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
