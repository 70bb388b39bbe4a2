import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/io/write-file-atomic.js';
import { CniError } from '../../src/shared/errors.js';
import { withoutPlaceholderNotes } from '../helpers/without-placeholder-notes.js';
import { generate, root, STACK_LINE } from './harness/cli.js';
import { differences, snapshot } from './harness/report-folder.js';

// Root ignores chmod, so "not writable" is made the way it also happens to root: a file where a folder
// has to be, above or at the report's folder, or a folder where a report file has to be.
// Whole generate runs, which a loaded machine can slow many times over.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'cnireport-unwritable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = join(root, 'examples', 'small-team-basic.yaml');
const client = 'brightloaf-bakery-online';
const formats = ['--format', 'html,svg,png,json,md'];

describe('writeFileAtomic where a file is in the way', () => {
  it('reports a file where the folder should be as OUTPUT_UNWRITABLE (its cleanup used to hide that)', async () => {
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'a file');
    for (const target of [join(blocker, 'a.yaml'), join(blocker, 'sub', 'a.yaml')]) {
      const error = await writeFileAtomic(target, 'x', { overwrite: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CniError);
      expect(error).toMatchObject({
        code: 'OUTPUT_UNWRITABLE',
        message: `${target}: cannot write (a file is where a folder should be)`,
      });
    }
    expect(readFileSync(blocker, 'utf8')).toBe('a file');
  });
});

describe.concurrent('generate into a folder it cannot write', () => {
  let previous: string;

  beforeAll(async () => {
    previous = join(dir, 'previous');
    const made = await generate([example, '--out', previous, '--seed', '1', ...formats], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
  });

  /** A copy of the previous report, changed by `spoil`, and a run of generate over it. */
  async function attempt(name: string, spoil: (out: string) => void, out = join(dir, name)) {
    cpSync(previous, join(dir, name), { recursive: true });
    spoil(join(dir, name));
    const before = snapshot(join(dir, name));
    const result = await generate([example, '--out', out, '--seed', '2', ...formats], { cwd: dir });
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    // Nothing touched: not one file of the previous report replaced, no temporary file or lock left.
    expect(differences(snapshot(join(dir, name)), before)).toEqual([]);
    return withoutPlaceholderNotes(result.stderr);
  }

  it('an --out path under a regular file', async () => {
    const stderr = await attempt(
      'under-file',
      (out) => writeFileSync(join(out, 'plain-file'), 'x'),
      join(dir, 'under-file', 'plain-file', 'reports'),
    );
    expect(stderr).toBe(
      `error: ${join(dir, 'under-file', 'plain-file', 'reports', client)}: cannot create the folder (a parent of it is a file, not a folder)\n`,
    );
  });

  it('a file where the client folder should be', async () => {
    const stderr = await attempt('file-for-folder', (out) => {
      rmSync(join(out, client), { recursive: true });
      writeFileSync(join(out, client), 'not a folder');
    });
    expect(stderr).toBe(
      `error: ${join(dir, 'file-for-folder', client)}: cannot create the folder (a file of that name is in the way)\n`,
    );
  });

  it('a file where the charts folder should be', async () => {
    const stderr = await attempt('file-for-charts', (out) => {
      rmSync(join(out, client, 'charts'), { recursive: true });
      writeFileSync(join(out, client, 'charts'), 'not a folder');
    });
    expect(stderr).toBe(
      `error: ${join(dir, 'file-for-charts', client, 'charts')}: cannot create the folder (a file of that name is in the way)\n`,
    );
  });

  it('a folder where report.html should be: refused before any file of the report is replaced', async () => {
    const stderr = await attempt('folder-for-html', (out) => {
      rmSync(join(out, client, 'report.html'));
      mkdirSync(join(out, client, 'report.html'));
      writeFileSync(join(out, client, 'report.html', 'inside'), 'x');
    });
    expect(stderr).toBe(
      `error: ${join(dir, 'folder-for-html', client, 'report.html')}: cannot write (a folder of that name is in the way)\n`,
    );
    expect(readdirSync(join(dir, 'folder-for-html', client)).filter((name) => name.startsWith('.'))).toEqual(
      [],
    );
  });
});
