import { stringify } from 'yaml';
import { answersJsonSchema } from '../schema/answers-json-schema.js';
import { describeExpectation, formatSchemaValue } from '../schema/describe-expectation.js';
import type { JsonSchemaNode } from '../schema/json-schema-node.js';
import type { AnswersDraft } from './answers-draft.js';

export interface RenderAnswersYamlOptions {
  /** Path or URL of the JSON Schema, for the yaml-language-server modeline (editor completion). */
  schemaRef: string;
  /** Answers to write instead of the defaults; keys left out show their default or stay commented out. */
  values?: AnswersDraft;
  /** A first comment, under the modeline: what this file is (an interview's draft, say). */
  note?: string;
}

const COMMENT_WIDTH = 100;

/**
 * A complete answers file with every key of the schema and a comment on each: what it means, what it
 * accepts and its default. Keys without a default are written commented out, so the file is valid as long
 * as the values given (or the required placeholders) are.
 */
export function renderAnswersYaml({ schemaRef, values = {}, note }: RenderAnswersYamlOptions): string {
  const schema = answersJsonSchema();
  const lines = [`# yaml-language-server: $schema=${schemaRef}`, '#'];
  if (note !== undefined) lines.push(...comment(note, ''), '#');
  lines.push(...comment(schema.description ?? '', ''));
  lines.push(
    ...comment(
      'Keys written with a value show their default; keys commented out are optional: remove the # to set ' +
        'one. Check the file with `cnireport validate <file>`.',
      '',
    ),
  );
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    lines.push('');
    lines.push(
      ...renderEntry(
        key,
        node,
        (schema.required ?? []).includes(key),
        (values as Record<string, unknown>)[key],
        '',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

function renderEntry(
  key: string,
  node: JsonSchemaNode,
  required: boolean,
  value: unknown,
  indent: string,
): string[] {
  if (node.type === 'object' && node.properties !== undefined) {
    const given = isRecord(value) ? value : {};
    const children: string[] = [];
    let active = false;
    for (const [childKey, childNode] of Object.entries(node.properties)) {
      const childLines = renderEntry(
        childKey,
        childNode,
        (node.required ?? []).includes(childKey),
        given[childKey],
        `${indent}  `,
      );
      active ||= childLines.some((line) => line.startsWith(`${indent}  ${childKey}:`));
      children.push(...childLines);
    }
    // A section whose keys are all commented out must be commented out too: `needs:` alone is null.
    const header = active ? `${indent}${key}:` : `${indent}# ${key}:`;
    return [...comment(node.description ?? '', indent), header, ...children];
  }

  const notes = [node.description ?? ''];
  if (node.const === undefined) {
    const status =
      node.default !== undefined
        ? ` Default: ${formatSchemaValue(node.default)}.`
        : required
          ? ' Required.'
          : ' Optional.';
    notes.push(`${capitalise(describeExpectation(node))}.${status}`);
  }
  const shown = value !== undefined ? value : node.const !== undefined ? node.const : node.default;
  const entry =
    shown !== undefined
      ? `${indent}${key}: ${yamlValue(shown)}`
      : required
        ? `${indent}${key}:`
        : `${indent}# ${key}:`;
  return [...notes.flatMap((note) => comment(note, indent)), entry];
}

/** A value on one line: lists in flow style, text quoted only where YAML needs it. */
function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(', ')}]`;
  if (typeof value === 'string' && /[\n\r]/.test(value)) return JSON.stringify(value);
  if (isRecord(value) || value === null) return JSON.stringify(value);
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  // A string the library writes as a block scalar (`|-` then the text on the next line: one that starts
  // `---` or `...`, say) does not fit the one-line `key: value` slot; JSON's quoting is valid YAML there.
  return typeof value === 'string' && plain.includes('\n') ? JSON.stringify(value) : plain;
}

/** `# text`, word-wrapped so the file reads well in a terminal. */
function comment(text: string, indent: string): string[] {
  if (text === '') return [];
  const width = Math.max(40, COMMENT_WIDTH - indent.length - 2);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${indent}# ${l}`);
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
