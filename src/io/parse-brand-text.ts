import { Composer, isMap, LineCounter, Parser } from 'yaml';
import { z } from 'zod';
import { type BrandFile, BrandSchema } from '../schema/brand.js';
import type { JsonSchemaNode } from '../schema/json-schema-node.js';
import { findDeepNesting } from './find-deep-nesting.js';
import { locateInDocument } from './locate-in-document.js';
import { compareProblems, formatPath, type Problem } from './problem.js';
import { yamlErrorMessage } from './yaml-error-message.js';
import { NO_CUSTOM_MESSAGE, zodIssueMessages } from './zod-issue-messages.js';

export type ParseBrandResult =
  | {
      ok: true;
      brand: BrandFile;
      /** Where the `logo` value sits, so a problem with the image can point at it. */
      logoAt: { line: number; col: number } | null;
    }
  | { ok: false; problems: Problem[] };

/** A brand file has one level of keys; deeper nesting is a mistake or hostile. */
const MAX_NESTING_DEPTH = 8;

/**
 * Parses and validates the text of a brand file (YAML or JSON) with the same located, one-line problems as
 * answers files. Pure: every problem comes back with its line and column, none is thrown.
 */
export function parseBrandText(text: string, file: string): ParseBrandResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const at = (offset: number, path: string, message: string): Problem => ({
    file,
    ...lineCounter.linePos(offset),
    path,
    message,
  });
  const fail = (problems: Problem[]): ParseBrandResult => ({
    ok: false,
    problems: problems.sort(compareProblems),
  });

  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const deep = findDeepNesting(tokens, MAX_NESTING_DEPTH);
  if (deep !== undefined) return fail([at(deep, '', 'nested too deep (expected plain keys and values)')]);

  const docs = [...new Composer({ uniqueKeys: true, logLevel: 'error' }).compose(tokens)];
  const doc = docs[0];
  if (doc === undefined || doc.contents === null) {
    return fail([at(0, '', 'empty brand file (expected keys such as name, logo, primaryColor, footer)')]);
  }
  if (docs[1] !== undefined) {
    return fail([at(docs[1].range[0], '', 'more than one YAML document (expected one brand per file)')]);
  }
  const syntax = [...doc.errors, ...doc.warnings];
  if (syntax.length > 0) return fail(syntax.map((e) => at(e.pos[0], '', yamlErrorMessage(e))));
  if (!isMap(doc.contents)) {
    return fail([
      at(doc.contents.range?.[0] ?? 0, '', 'the brand file must be a mapping (expected keys such as name)'),
    ]);
  }

  let data: unknown;
  try {
    // A brand file has no use for aliases; refusing them all closes "billion laughs" documents.
    data = doc.toJS({ maxAliasCount: 0 });
  } catch {
    return fail([at(0, '', 'invalid YAML: aliases are not allowed in a brand file')]);
  }
  const parsed = BrandSchema.safeParse(data, { reportInput: true, error: () => NO_CUSTOM_MESSAGE });
  if (!parsed.success) {
    const schema = brandJsonSchema();
    return fail(
      parsed.error.issues.flatMap((issue) =>
        zodIssueMessages(issue, schema).map((m) =>
          at(locateInDocument(doc, m.path, m.anchor), formatPath(m.path), m.message),
        ),
      ),
    );
  }
  const logoAt =
    parsed.data.logo === undefined ? null : lineCounter.linePos(locateInDocument(doc, ['logo'], 'value'));
  return { ok: true, brand: parsed.data, logoAt };
}

function brandJsonSchema(): JsonSchemaNode {
  return z.toJSONSchema(BrandSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchemaNode;
}
