import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/io/write-file-atomic.js';
import { CniError } from '../../../src/shared/errors.js';
import { commandRuns, prerequisite } from '../../helpers/prerequisite.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Root may write anywhere: as root, the permission test runs as the unprivileged user nobody (setpriv). */
const isRoot = process.getuid?.() === 0;
const asNobody =
  isRoot &&
  prerequisite(
    'setpriv (util-linux), to run the permission test as an unprivileged user under root',
    commandRuns('setpriv', ['--version']),
  );

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

  it.runIf(!isRoot)('reports an unwritable folder as OUTPUT_UNWRITABLE', async () => {
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

  it.runIf(asNobody)('reports an unwritable folder as OUTPUT_UNWRITABLE, run as nobody under root', () => {
    // A folder nobody may read but not write (root's, 0755), and the compiled module the test setup built.
    const locked = mkdtempSync(join(tmpdir(), 'cnireport-write-locked-'));
    chmodSync(locked, 0o755);
    const module = fileURLToPath(new URL('../../../dist/io/write-file-atomic.js', import.meta.url));
    const script = `import { writeFileAtomic } from ${JSON.stringify(module)};
      await writeFileAtomic(${JSON.stringify(join(locked, 'y'))}, 'y', { overwrite: false }).then(
        () => console.log('{"written":true}'),
        (error) => console.log(JSON.stringify({ code: error.code, message: error.message })),
      );`;
    try {
      const reply = execFileSync(
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          '--input-type=module',
          '-e',
          script,
        ],
        { encoding: 'utf8', cwd: locked },
      );
      expect(JSON.parse(reply)).toEqual({
        code: 'OUTPUT_UNWRITABLE',
        message: `${join(locked, 'y')}: cannot write (permission denied)`,
      });
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      rmSync(locked, { recursive: true, force: true });
    }
  });

  it('keeps the permissions of the file it replaces: a private file stays private (security review L12)', async () => {
    const target = join(dir, 'private.yaml');
    writeFileSync(target, 'old\n', { mode: 0o600 });
    chmodSync(target, 0o600);
    await writeFileAtomic(target, 'new\n', { overwrite: true });
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('reports a target that is a directory', async () => {
    const error = await writeFileAtomic(dir, 'x', { overwrite: true }).catch((e: unknown) => e);
    expect((error as CniError).code).toBe('OUTPUT_UNWRITABLE');
  });
});
