import { isMap, isPair, isScalar, type Pair, parseDocument, stringify, type YAMLMap } from 'yaml';

/** One value to write at `section.key`, with the comment to put beside it. */
export interface AnswerEdit {
  section: string;
  key: string;
  value: unknown;
  comment: string;
}

/** A value on one line, as init writes it: lists and records in flow style, text quoted only where YAML needs it. */
function inline(value: unknown, inFlow = false): string {
  if (Array.isArray(value)) return `[${value.map((v) => inline(v, true)).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${inline(v, true)}`)
      .join(', ')} }`;
  // Inside [ ] or { } a comma, bracket or brace would end a plain scalar: such text is written double-quoted.
  if (inFlow && typeof value === 'string' && /[,[\]{}]/.test(value)) return JSON.stringify(value);
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

const lineEnd = (text: string, at: number) => {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
};
const columnOf = (text: string, at: number) => at - (text.lastIndexOf('\n', at - 1) + 1);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oneLine = (comment: string) => comment.replace(/\s+/g, ' ').trim();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === key);
}

/**
 * Writes one value into the text of an answers file and returns the new text. Only the key's own line (or
 * lines, for a block list) changes; every other byte, comments and blank lines included, stays as it was:
 * the yaml library's Document finds where the value is, and the text is spliced there. (Printing the whole
 * Document again would move comments that stand between sections, such as init's commented-out ones.)
 */
export function editAnswersText(text: string, edit: AnswerEdit): string {
  const doc = parseDocument(text);
  const listOfMaps =
    Array.isArray(edit.value) &&
    edit.value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
  // A list of records (the estate's groups) is written as a block list under its key, one field a line, as a
  // person would write it; the evidence goes on the key's line.
  const entryAt = (indent: string) =>
    listOfMaps
      ? `# ${oneLine(edit.comment)}${(edit.value as Record<string, unknown>[])
          .map((item) =>
            Object.entries(item)
              .map(([k, v], i) => `\n${indent}${i === 0 ? '  - ' : '    '}${k}: ${inline(v)}`)
              .join(''),
          )
          .join('')}`
      : `${inline(edit.value)} # ${oneLine(edit.comment)}`;
  const entry = entryAt('  ');
  const root = doc.contents;
  if (!isMap(root)) throw new Error('the answers file is not a mapping');
  const sectionPair = pairOf(root, edit.section);
  if (sectionPair === undefined) {
    const joiner = text.endsWith('\n') || text === '' ? '' : '\n';
    return `${text}${joiner}${edit.section}:\n  ${edit.key}: ${entry}\n`;
  }
  const sectionKeyEnd = (sectionPair.key as { range?: [number, number, number] }).range?.[1] ?? 0;
  const section = sectionPair.value;
  if (section === null || (isScalar(section) && section.value === null)) {
    const at = lineEnd(text, sectionKeyEnd);
    return `${text.slice(0, at)}\n  ${edit.key}: ${entry}${text.slice(at)}`;
  }
  if (!isMap(section) || section.flow === true)
    throw new Error(`${edit.section} is not a block mapping of keys (write it as init does, one key a line)`);
  const pair = pairOf(section, edit.key);
  if (pair === undefined) {
    const last = section.items[section.items.length - 1];
    const first = section.items[0];
    const firstKeyStart = (first?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
    const indent = ' '.repeat(firstKeyStart === undefined ? 2 : columnOf(text, firstKeyStart));
    const lastEnd =
      (last?.value as { range?: [number, number, number] } | null | undefined)?.range?.[1] ??
      (last?.key as { range?: [number, number, number] } | undefined)?.range?.[1] ??
      sectionKeyEnd;
    const at = lineEnd(text, Math.max(sectionKeyEnd, lastEnd - 1));
    // init writes an optional key as a commented-out line under its description, which may follow the
    // section's last key: the value takes its place, anywhere before the next section.
    const next = text.slice(at).search(/\n(?=[^\s#])/);
    const sectionEnd = next < 0 ? text.length : at + next;
    const placeholder = new RegExp(`^${indent}# ${escapeRegExp(edit.key)}:[ \\t]*$`, 'm').exec(
      text.slice(sectionKeyEnd, sectionEnd),
    );
    if (placeholder !== null) {
      const start = sectionKeyEnd + placeholder.index;
      return `${text.slice(0, start)}${indent}${edit.key}: ${entryAt(indent)}${text.slice(start + placeholder[0].length)}`;
    }
    return `${text.slice(0, at)}\n${indent}${edit.key}: ${entryAt(indent)}${text.slice(at)}`;
  }
  const keyStart = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
  const keyEnd = (pair.key as { range?: [number, number, number] }).range?.[1] ?? 0;
  const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? keyEnd;
  const end = lineEnd(text, Math.max(keyEnd, valueEnd - 1));
  return `${text.slice(0, keyEnd)}: ${entryAt(' '.repeat(columnOf(text, keyStart)))}${text.slice(end)}`;
}

/**
 * Marks every value written in `sections` that no edit set (the ones a capture cannot show) with a comment
 * beside it. For a file discover writes from scratch; an existing file's comments are the consultant's.
 */
export function markUnseen(
  text: string,
  sections: readonly string[],
  seen: ReadonlySet<string>,
  mark: string,
): string {
  const doc = parseDocument(text);
  const root = doc.contents;
  if (!isMap(root)) return text;
  const ends: number[] = [];
  for (const sectionName of sections) {
    const section = pairOf(root, sectionName)?.value;
    if (!isMap(section)) continue;
    for (const pair of section.items) {
      if (!isPair(pair) || !isScalar(pair.key) || seen.has(`${sectionName}.${String(pair.key.value)}`))
        continue;
      const value = pair.value as { range?: [number, number, number]; comment?: string | null } | null;
      if (value?.range === undefined || value.comment) continue;
      ends.push(lineEnd(text, value.range[1] - 1));
    }
  }
  let out = text;
  for (const at of ends.sort((a, b) => b - a)) out = `${out.slice(0, at)} # ${mark}${out.slice(at)}`;
  return out;
}
