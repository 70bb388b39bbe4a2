import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersJsonSchema } from '../../../src/schema/answers-json-schema.js';
import {
  answersReferenceMarkdown,
  replaceAnswersReference,
} from '../../../src/schema/answers-reference-markdown.js';

describe('answers reference in docs/answers.md', () => {
  it('is up to date (run `npm run docs` to refresh it)', () => {
    const reference = readFileSync(new URL('../../../docs/answers.md', import.meta.url), 'utf8');
    expect(
      replaceAnswersReference(reference),
      'docs/answers.md answers reference is out of date: run `npm run docs`',
    ).toBe(reference);
  });

  it('has a row for every key of the schema', () => {
    const markdown = answersReferenceMarkdown();
    const schema = answersJsonSchema();
    for (const [section, node] of Object.entries(schema.properties ?? {})) {
      const keys =
        node.properties === undefined
          ? [section]
          : Object.keys(node.properties).map((k) => `${section}.${k}`);
      for (const key of keys) expect(markdown, key).toContain(`| \`${key}\` |`);
    }
  });

  it('refuses a file without the markers', () => {
    expect(() => replaceAnswersReference('# no markers\n')).toThrow(/markers/);
  });
});
