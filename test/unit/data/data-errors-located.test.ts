import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadDataset } from '../../../src/io/load-dataset.js';

const work = mkdtempSync(join(tmpdir(), 'cnireport-data-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of data/ with `file`'s text edited, and the error loading it gives. */
function errorAfter(name: string, file: string, edit: (text: string) => string): string {
  const dir = join(work, name);
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  try {
    loadDataset(dir);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the edited data loaded');
}

/** The 1-based line of the first line of shipped data file `file` that is exactly `text`. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(join(DEFAULT_DATA_DIR, file), 'utf8').split('\n').indexOf(text);
  if (index < 0) throw new Error(`${file} has no line ${text}`);
  return index + 1;
}

describe('a data-file error', () => {
  it('is one line: the data file, line and column, the path inside it and what is wrong', () => {
    const message = errorAfter('bad-cni', 'options.yaml', (t) =>
      t.replace('    cni: cilium\n', '    cni: cilium-x\n'),
    );
    const line = lineOf('options.yaml', '    cni: cilium');
    expect(message).toMatch(
      new RegExp(
        `^${join(work, 'bad-cni', 'options.yaml')}:${line}:10  options\\[1\\]\\.cni: Invalid option: expected one of "flannel"\\|[^\\n]*"none"$`,
      ),
    );
  });

  it('locates a YAML syntax error at its line and column, in one line', () => {
    const message = errorAfter('bad-yaml', 'costs.yaml', (t) => `${t}broken: [1,\n`);
    const lines = readFileSync(join(DEFAULT_DATA_DIR, 'costs.yaml'), 'utf8').split('\n').length;
    expect(message).toBe(
      `${join(work, 'bad-yaml', 'costs.yaml')}:${lines + 1}:1  invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]`,
    );
  });

  it('counts several problems, then gives each its own located line, in file order', () => {
    const message = errorAfter('two', 'options.yaml', (t) =>
      t.replace('    cni: cilium\n', '    cni: cilium-x\n').replace('    cni: flannel\n', '    cni: 7\n'),
    );
    const file = join(work, 'two', 'options.yaml');
    const [head, ...lines] = message.split('\n');
    expect(head).toBe(`data files in ${join(work, 'two')}: 2 problems`);
    expect(lines.map((l) => l.split('  ')[0])).toEqual([
      `${file}:${lineOf('options.yaml', '    cni: flannel')}:10`,
      `${file}:${lineOf('options.yaml', '    cni: cilium')}:10`,
    ]);
  });

  it('says which option a capability lacks an entry for, in capabilities.yaml', () => {
    const message = errorAfter('no-entry', 'options.yaml', (t) =>
      t.replace('  - id: cilium-oss\n', '  - id: cilium-community\n'),
    );
    expect(message).toMatch(
      /capabilities\.yaml:\d+:\d+ {2}capabilities\[0\]\.support: no entry for option cilium-community/,
    );
    expect(message).toMatch(
      /capabilities\.yaml:\d+:\d+ {2}capabilities\[0\]\.support\.cilium-oss: no option cilium-oss/,
    );
  });
});
