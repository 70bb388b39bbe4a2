import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/io/write-file-atomic.js';
import { runCli } from '../helpers/run-cli.js';
import { withoutPlaceholderNotes } from '../helpers/without-placeholder-notes.js';
import { root, STACK_LINE } from './harness/cli.js';
import { differences, snapshot } from './harness/report-folder.js';

/** Which file write runs out of space (the n-th temporary file, or the lock file), and at which step. */
const disk = vi.hoisted(() => ({
  failAt: null as null | { readonly nth: number | 'lock'; readonly step: 'write' | 'sync' | 'close' },
  /** Temporary files opened since the last reset, in order. */
  opened: [] as string[],
}));

// The disk fills up under cnireport's own temporary files: the n-th one opened gets half its data
// written, then ENOSPC from the chosen step, as a full disk gives it.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const noSpace = (syscall: string) =>
    Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', syscall });
  const open: typeof actual.open = async (path, flags, mode) => {
    const handle = await actual.open(path, flags, mode);
    const plan = disk.failAt;
    if (String(path).endsWith('.cnireport.lock')) {
      if (plan?.nth !== 'lock') return handle;
    } else {
      if (!String(path).endsWith('.tmp')) return handle;
      disk.opened.push(String(path));
      if (plan === null || plan.nth !== disk.opened.length) return handle;
    }
    return Object.assign(Object.create(handle), {
      writeFile: async (data: string | Uint8Array) => {
        const bytes = typeof data === 'string' ? Buffer.from(data) : data;
        await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        if (plan.step === 'write') throw noSpace('write');
        await handle.write(bytes.subarray(Math.floor(bytes.length / 2)));
      },
      sync: async () => {
        if (plan.step === 'sync') throw noSpace('fsync');
        await handle.sync();
      },
      close: async () => {
        await handle.close();
        if (plan.step === 'close') throw noSpace('close');
      },
    });
  };
  return { ...actual, open, default: { ...actual, open } };
});

const dir = mkdtempSync(join(tmpdir(), 'cnireport-disk-full-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function failNext(nth: number | 'lock', step: 'write' | 'sync' | 'close') {
  disk.failAt = { nth, step };
  disk.opened = [];
}

describe('a disk that fills up during a write', () => {
  it.each(['write', 'sync', 'close'] as const)(
    'writeFileAtomic: ENOSPC at %s leaves the target as it was and no temporary file',
    async (step) => {
      const folder = join(dir, `unit-${step}`);
      const target = join(folder, 'answers.yaml');
      await writeFileAtomic(target, 'old\n', { overwrite: true });
      failNext(1, step);
      const error = await writeFileAtomic(target, 'new and longer\n', { overwrite: true }).catch(
        (e: unknown) => e,
      );
      disk.failAt = null;
      expect(error).toMatchObject({
        code: 'OUTPUT_UNWRITABLE',
        message: `${target}: cannot write (no space left on the device)`,
      });
      expect(disk.opened).toHaveLength(1);
      expect(readFileSync(target, 'utf8')).toBe('old\n');
      expect(readdirSync(folder)).toEqual(['answers.yaml']);
    },
  );

  describe('generate, in-process, over a previous report', () => {
    const example = join(root, 'examples', 'small-team-basic.yaml');
    const formats = ['--format', 'html,svg,png,json,md'];
    const previous = join(dir, 'previous');
    let previousFiles: Map<string, Buffer>;
    let fileCount = 0;

    beforeAll(async () => {
      disk.failAt = null;
      disk.opened = [];
      const made = await runCli('generate', example, '--out', previous, '--seed', '1', ...formats);
      expect(made.code, made.err).toBe(0);
      previousFiles = snapshot(previous);
      fileCount = disk.opened.length;
    }, 60_000);

    it('made a previous report to protect', () => {
      expect(fileCount).toBeGreaterThan(20);
      expect(previousFiles.size).toBe(fileCount);
    });

    // The first, a middle and the last file of the report; one step each.
    it.each([
      ['first', 'write', 1],
      ['12th', 'sync', 12],
      ['last', 'close', -1],
    ] as const)(
      'ENOSPC on the %s file (at %s): exit 1, one error line, the previous report intact',
      async (_, step, nth) => {
        const out = join(dir, `run-${nth}-${step}`);
        cpSync(previous, out, { recursive: true });
        failNext(nth < 0 ? fileCount : nth, step);
        const result = await runCli('generate', example, '--out', out, '--seed', '2', ...formats);
        disk.failAt = null;
        expect(result.code).toBe(1);
        expect(result.out).toBe('');
        expect(withoutPlaceholderNotes(result.err)).toMatch(
          /^error: \S+: cannot write \(no space left on the device\)\n$/,
        );
        expect(result.err).not.toMatch(STACK_LINE);
        // Every file as it was, and nothing added: no temporary file, no lock.
        expect(differences(snapshot(out), previousFiles)).toEqual([]);
      },
      60_000,
    );

    it('ENOSPC on the lock file: exit 1, one error line, the previous report intact and no lock left', async () => {
      const out = join(dir, 'run-lock');
      cpSync(previous, out, { recursive: true });
      failNext('lock', 'write');
      const result = await runCli('generate', example, '--out', out, '--seed', '2', ...formats);
      disk.failAt = null;
      expect(result.code).toBe(1);
      expect(withoutPlaceholderNotes(result.err)).toMatch(
        /^error: \S+\/\.cnireport\.lock: cannot create the lock file \(no space left on the device\)\n$/,
      );
      expect(differences(snapshot(out), previousFiles)).toEqual([]);
    }, 60_000);

    it('writes the whole new report once there is space again, touching nothing else', async () => {
      const out = join(dir, 'run-after');
      cpSync(previous, out, { recursive: true });
      const [client] = readdirSync(out);
      writeFileSync(join(out, `${client}`, 'notes.txt'), 'mine');
      const fresh = join(dir, 'fresh');
      for (const folder of [out, fresh]) {
        const result = await runCli('generate', example, '--out', folder, '--seed', '2', ...formats);
        expect(result.code, result.err).toBe(0);
      }
      const after = snapshot(out);
      expect(after.get(`${client}/notes.txt`)?.toString()).toBe('mine');
      after.delete(`${client}/notes.txt`);
      expect(differences(after, snapshot(fresh))).toEqual([]);
      expect(differences(after, previousFiles).length).toBeGreaterThan(0);
    }, 60_000);
  });
});
