import { keysDecidedByGroups } from '../schema/answers.js';
import { answersJsonSchema } from '../schema/answers-json-schema.js';
import { describeExpectation, formatSchemaValue } from '../schema/describe-expectation.js';
import type { JsonSchemaNode } from '../schema/json-schema-node.js';
import type { AnswersDraft } from './answers-draft.js';
import { yamlValueAfterKey } from './update-answers-yaml.js';

export interface RenderAnswersYamlOptions {
  /** Path or URL of the JSON Schema, for the yaml-language-server modeline (editor completion). */
  schemaRef: string;
  /** Answers to write instead of the defaults; keys left out show their default or stay commented out. */
  values?: AnswersDraft;
  /** A first comment, under the modeline: what this file is (an interview's draft, say). */
  note?: string;
  /**
   * What an optional key with no schema default means when left out, by its path (`assumptions.vcpuHourPrice`):
   * the data's default and range, written after its description.
   */
  defaults?: Readonly<Record<string, string>>;
}

/** The shape of the stakeholders list, shown above its key: a list is not obvious from a description. */
const STAKEHOLDERS_EXAMPLE = [
  'For example:',
  '  stakeholders:',
  '    - name: CFO',
  '      priorities: {cost: 5, capability: 2, risk: 3, simplicity: 3}',
  '    - name: CISO',
  '      priorities: {cost: 2, capability: 4, risk: 5, simplicity: 2}',
];

const COMMENT_WIDTH = 100;

/**
 * A complete answers file with every key of the schema and a comment on each: what it means, what it
 * accepts and its default. Keys without a default are written commented out, so the file is valid as long
 * as the values given (or the required placeholders) are.
 */
export function renderAnswersYaml({
  schemaRef,
  values = {},
  note,
  defaults = {},
}: RenderAnswersYamlOptions): string {
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
  // With the estate written as groups, the totals they decide are left out (commented), or they would contradict.
  const groups = values.cluster?.groups;
  const decided = new Set(groups === undefined ? [] : keysDecidedByGroups(groups).map((k) => `cluster.${k}`));
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    lines.push('');
    const value = (values as Record<string, unknown>)[key];
    if (key === 'stakeholders' && value === undefined) {
      lines.push(...comment(node.description ?? '', ''), ...STAKEHOLDERS_EXAMPLE.map((l) => `# ${l}`));
      lines.push('# stakeholders:');
      continue;
    }
    lines.push(
      ...renderEntry(key, node, (schema.required ?? []).includes(key), value, '', defaults, decided),
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
  defaults: Readonly<Record<string, string>>,
  decided: ReadonlySet<string>,
  path = key,
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
        defaults,
        decided,
        `${path}.${childKey}`,
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
          : defaults[path] !== undefined
            ? ` Optional; left out: ${defaults[path]}.`
            : ' Optional.';
    notes.push(`${capitalise(describeExpectation(node))}.${status}`);
  }
  if (decided.has(path) && value === undefined) {
    return [
      ...comment(`${node.description ?? ''} Follows from cluster.groups.`, indent),
      `${indent}# ${key}:`,
    ];
  }
  const shown = value !== undefined ? value : node.const !== undefined ? node.const : node.default;
  const entry =
    shown !== undefined
      ? `${indent}${key}:${yamlValueAfterKey(shown, indent)}`
      : required
        ? `${indent}${key}:`
        : `${indent}# ${key}:`;
  return [...notes.flatMap((note) => comment(note, indent)), entry];
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
