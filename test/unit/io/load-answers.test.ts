import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAnswers, MAX_ANSWERS_BYTES } from '../../../src/io/load-answers.js';
import { CniError } from '../../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function failure(path: string): Promise<CniError> {
  const error = await loadAnswers(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CniError)) throw new Error(`expected a CniError, got ${String(error)}`);
  return error;
}

describe('loadAnswers', () => {
  it('returns the answers and the text of a valid file', async () => {
    const text = 'version: 1\nengagement:\n  client: Acme\n';
    const { answers, text: read } = await loadAnswers(file('ok.yaml', text));
    expect(answers.engagement.client).toBe('Acme');
    expect(read).toBe(text);
  });

  it('throws INPUT_INVALID with a count and one line per problem', async () => {
    const path = file(
      'bad.yaml',
      'version: 1\nengagement:\n  client: Acme\ncluster:\n  nodse: 3\n  nodes: 12.5\n',
    );
    const error = await failure(path);
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe(
      [
        `${path}: 2 problems`,
        `${path}:5:3  cluster.nodse: unknown key (did you mean \`nodes\`?)`,
        `${path}:6:10  cluster.nodes: must be an integer (got 12.5; expected an integer from 1 to 1000000)`,
      ].join('\n'),
    );
  });

  it('refuses a file over 1 MiB without parsing it', async () => {
    const path = file('huge.yaml', `# ${'x'.repeat(MAX_ANSWERS_BYTES)}\n`);
    const error = await failure(path);
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.message).toBe(
      `${path}: too large (got ${MAX_ANSWERS_BYTES + 3} bytes; expected at most 1048576 bytes)`,
    );
  });

  it('refuses binary content', async () => {
    const path = file(
      'image.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    const error = await failure(path);
    expect(error.code).toBe('INPUT_UNREADABLE');
    expect(error.message).toBe(`${path}: binary content (expected a YAML or JSON text file)`);
  });

  it('names a file saved as UTF-16 instead of calling it binary', async () => {
    const path = file('utf16.yaml', Buffer.from('version: 1\nengagement:\n  client: Acme\n', 'utf16le'));
    const error = await failure(path);
    expect(error.code).toBe('INPUT_UNREADABLE');
    expect(error.message).toBe(`${path}: is UTF-16 text; save it as UTF-8`);
  });

  it('refuses text that is not UTF-8', async () => {
    const path = file(
      'latin1.yaml',
      new Uint8Array([0x63, 0x6c, 0x69, 0x65, 0x6e, 0x74, 0x3a, 0x20, 0xe9, 0x0a]),
    );
    expect((await failure(path)).message).toBe(
      `${path}: not UTF-8 text (expected a YAML or JSON file in UTF-8)`,
    );
  });

  it('refuses a missing file and a directory, naming them', async () => {
    const missing = join(dir, 'nope.yaml');
    expect((await failure(missing)).message).toBe(`${missing}: no such file`);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect((await failure(folder)).message).toBe(`${folder}: is a directory (expected a file)`);
  });

  it('reports an empty file as one problem', async () => {
    const path = file('empty.yaml', '');
    expect((await failure(path)).message).toBe(
      `${path}: 1 problem\n${path}:1:1  empty answers file (expected a mapping with at least version: 1 and engagement.client)`,
    );
  });
});
