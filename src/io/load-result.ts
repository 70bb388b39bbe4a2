import { readFile, stat } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { type BuiltResult, type ReproStamp, ResultSchema } from '../result/result-schema.js';
import {
  notAResult,
  notJson,
  notRegularFile,
  resultTooLarge,
  unreadable,
} from '../shared/error-catalogue.js';
import { decodeTextFile } from './decode-text-file.js';

import { locateInDocument } from './locate-in-document.js';
import { formatPath } from './problem.js';

/** A result.json is tens to hundreds of kilobytes; anything this large is the wrong file. */
const MAX_RESULT_BYTES = 16 * 1024 * 1024;

/**
 * Reads a result.json and parses it through ResultSchema, exactly the schema it was written with: the result a
 * report is rendered from, and the stamp that dates and reproduces it. Every way it can fail is a one-line
 * CniError naming the file, at `file:line:col` where the file has a place to point at.
 */
export async function loadResult(file: string): Promise<{ result: BuiltResult; stamp: ReproStamp }> {
  const stats = await stat(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  if (!stats.isFile()) throw notRegularFile(file);
  if (stats.size > MAX_RESULT_BYTES) throw resultTooLarge(file, stats.size);
  const bytes = await readFile(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  const text = decodeTextFile(bytes, file);
  const lines = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return `${file}:${line}:${col}`;
  };

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.replace(/\s*(in JSON )?at position \d+.*$/s, '');
    const where = at(jsonErrorOffset(text, message, lines) ?? 0);
    throw notJson(where, reason);
  }

  const parsed = ResultSchema.safeParse(raw);
  if (!parsed.success) {
    const [issue, ...more] = parsed.error.issues;
    const path = issue?.path ?? [];
    const missing = issue?.code === 'invalid_type' && issue.input === undefined;
    const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false });
    const offset =
      unknownKey !== undefined
        ? locateInDocument(doc, [...path, unknownKey], 'key')
        : locateInDocument(doc, path, missing ? 'parent' : 'value');
    const shown = unknownKey === undefined ? path : [...path, unknownKey];
    throw notAResult(at(offset), formatPath(shown), issue?.message ?? 'invalid', more.length);
  }
  const { generatedBy, ...result } = parsed.data;
  return { result, stamp: generatedBy };
}

/**
 * Where JSON.parse stopped: its own "at position N" where V8 gives one, else the first error of the same text
 * read as YAML (a superset of JSON, whose parser locates every error). Fills `lines` either way.
 */
function jsonErrorOffset(text: string, message: string, lines: LineCounter): number | null {
  const doc = parseDocument(text, { lineCounter: lines });
  const position = /at position (\d+)/.exec(message);
  if (position !== null) return Number(position[1]);
  return doc.errors[0]?.pos[0] ?? null;
}
