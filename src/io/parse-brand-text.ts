import { z } from 'zod';
import { type BrandFile, BrandSchema } from '../schema/brand.js';
import type { JsonSchemaNode } from '../schema/json-schema-node.js';
import { NO_CUSTOM_MESSAGE, zodIssueMessages } from '../schema/zod-issue-messages.js';
import { locateInDocument } from './locate-in-document.js';
import { meaningfulIssues } from './meaningful-issues.js';
import { parseYamlDocument, type YamlFileRules } from './parse-yaml-document.js';
import { compareProblems, formatPath, type Problem } from './problem.js';

export type ParseBrandResult =
  | {
      ok: true;
      brand: BrandFile;
      /** Where the `logo` value sits, so a problem with the image can point at it. */
      logoAt: { line: number; col: number } | null;
    }
  | { ok: false; problems: Problem[] };

/** A brand file has one level of keys; deeper nesting is a mistake or hostile. */
export const MAX_BRAND_NESTING_DEPTH = 8;
/** A brand file has four keys; a hundred is not a brand file. */
export const MAX_BRAND_ENTRIES = 100;

const BRAND_RULES: YamlFileRules = {
  kind: 'brand',
  maxDepth: MAX_BRAND_NESTING_DEPTH,
  maxEntries: MAX_BRAND_ENTRIES,
  // A brand file has no use for aliases; refusing them all closes "billion laughs" documents.
  maxAliasCount: 0,
  messages: {
    nesting: `nested more than ${MAX_BRAND_NESTING_DEPTH} levels deep (expected plain keys and values)`,
    entries: `more than ${MAX_BRAND_ENTRIES} keys and list entries (expected a brand file of at most four keys)`,
    empty: 'empty brand file (expected keys such as name, logo, primaryColor, footer)',
    notMapping: (got) => `the brand file must be a mapping (got ${got}; expected keys such as name)`,
  },
};

/**
 * Parses and validates the text of a brand file (YAML or JSON) with the same limits and located, one-line
 * problems as answers files. Pure: every problem comes back with its line and column, none is thrown.
 */
export function parseBrandText(text: string, file: string): ParseBrandResult {
  const yaml = parseYamlDocument(text, file, BRAND_RULES);
  if (!yaml.ok) return yaml;
  const { data, doc, at, lineCounter } = yaml;
  const parsed = BrandSchema.safeParse(data, { reportInput: true, error: () => NO_CUSTOM_MESSAGE });
  if (!parsed.success) {
    const schema = brandJsonSchema();
    const problems = meaningfulIssues(parsed.error.issues).flatMap((issue) =>
      zodIssueMessages(issue, schema).map((m) =>
        at(locateInDocument(doc, m.path, m.anchor), formatPath(m.path), m.message),
      ),
    );
    return { ok: false, problems: problems.sort(compareProblems) };
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
