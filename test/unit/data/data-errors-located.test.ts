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

describe('a data-file error', () => {
  it('names the data file, line and column, and the path inside it', () => {
    const message = errorAfter('bad-cni', 'options.yaml', (t) =>
      t.replace('    cni: cilium\n', '    cni: cilium-x\n'),
    );
    const line = readFileSync(join(DEFAULT_DATA_DIR, 'options.yaml'), 'utf8')
      .split('\n')
      .indexOf('    cni: cilium');
    expect(message).toContain(`${join(work, 'bad-cni', 'options.yaml')}:${line + 1}:10 options.1.cni:`);
  });

  it('says which option a capability lacks an entry for, in capabilities.yaml', () => {
    const message = errorAfter('no-entry', 'options.yaml', (t) =>
      t.replace('  - id: cilium-oss\n', '  - id: cilium-community\n'),
    );
    expect(message).toMatch(
      /capabilities\.yaml:\d+:\d+ capabilities\.0\.support: no entry for option cilium-community/,
    );
    expect(message).toMatch(
      /capabilities\.yaml:\d+:\d+ capabilities\.0\.support\.cilium-oss: no option cilium-oss/,
    );
  });
});
