import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_DATA_DIR, loadDataset, readDataFiles } from '../../../src/io/load-dataset.js';

describe('the parsed-data cache (dist/data.json)', () => {
  it('gives what parsing data/*.yaml gives', () => {
    const { raw } = readDataFiles(DEFAULT_DATA_DIR);
    for (const [name, value] of Object.entries(raw)) {
      expect(value, name).toEqual(parse(readFileSync(join(DEFAULT_DATA_DIR, `${name}.yaml`), 'utf8')));
    }
  });

  it('is ignored once a data file changes: the YAML is the source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnireport-data-'));
    cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
    const meta = join(dir, 'meta.yaml');
    const before = loadDataset(dir).meta;
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^(dataVersion:).*$/m, '$1 "9999-01-01"'));
    expect(readDataFiles(dir).key).not.toBe(readDataFiles(DEFAULT_DATA_DIR).key);
    expect(loadDataset(dir).meta).toEqual({ ...before, dataVersion: '9999-01-01' });
  });
});
