import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/cli/write-file-atomic.js';
import { CniError } from '../../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes a new file, creating its folder, and leaves no temporary file', async () => {
    const target = join(dir, 'new', 'a.yaml');
    await writeFileAtomic(target, 'one\n', { overwrite: false });
    expect(readFileSync(target, 'utf8')).toBe('one\n');
    expect(readdirSync(join(dir, 'new'))).toEqual(['a.yaml']);
  });

  it('refuses to replace an existing file unless told to, and keeps it intact', async () => {
    const target = join(dir, 'keep.yaml');
    writeFileSync(target, 'original\n');
    const error = await writeFileAtomic(target, 'new\n', { overwrite: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CniError);
    expect((error as CniError).code).toBe('OUTPUT_EXISTS');
    expect((error as CniError).message).toBe(`${target}: already exists`);
    expect(readFileSync(target, 'utf8')).toBe('original\n');
    await writeFileAtomic(target, 'replaced\n', { overwrite: true });
    expect(readFileSync(target, 'utf8')).toBe('replaced\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unwritable folder as OUTPUT_UNWRITABLE', async () => {
    const locked = join(dir, 'locked');
    await writeFileAtomic(join(locked, 'x'), 'x', { overwrite: false });
    chmodSync(locked, 0o500);
    const error = await writeFileAtomic(join(locked, 'y'), 'y', { overwrite: false }).catch(
      (e: unknown) => e,
    );
    chmodSync(locked, 0o700);
    expect((error as CniError).code).toBe('OUTPUT_UNWRITABLE');
    expect((error as CniError).message).toBe(`${join(locked, 'y')}: cannot write (permission denied)`);
  });

  it('reports a target that is a directory', async () => {
    const error = await writeFileAtomic(dir, 'x', { overwrite: true }).catch((e: unknown) => e);
    expect((error as CniError).code).toBe('OUTPUT_UNWRITABLE');
  });
});
