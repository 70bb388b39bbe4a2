import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The workshop opens the browser without the URL's token in any process's arguments (security review L2):
 * `ps` shows every user the arguments of xdg-open and of the browser it starts.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cnireport-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32' || process.platform === 'darwin')(
  'workshop opening the browser',
  () => {
    it('hands xdg-open a private page that sends the browser on, never the token itself', async () => {
      const bin = join(dir, 'bin');
      const record = join(dir, 'xdg-open-args');
      writeFileSync(join(dir, 'acme.yaml'), readFileSync(join(root, 'examples', 'small-team-basic.yaml')));
      rmSync(bin, { recursive: true, force: true });
      mkdirSync(bin);
      writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$*" > "${record}"\n`);
      chmodSync(join(bin, 'xdg-open'), 0o755);
      const child = spawn(
        process.execPath,
        [join(root, 'bin', 'cnireport.js'), 'workshop', 'acme.yaml', '--port', '0'],
        {
          cwd: dir,
          env: { ...process.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH}` },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      try {
        for (let i = 0; i < 200 && !existsSync(record); i++) await new Promise((r) => setTimeout(r, 100));
        const url = /^workshop: (\S+)$/m.exec(stdout)?.[1] ?? '';
        const token = new URL(url).searchParams.get('token') ?? '';
        expect(token.length).toBeGreaterThanOrEqual(32);
        const opened = readFileSync(record, 'utf8');
        expect(opened).not.toContain(token);
        expect(statSync(opened).mode & 0o077).toBe(0);
        expect(readFileSync(opened, 'utf8')).toContain(`content="0;url=${url}"`);
        child.kill('SIGINT');
        await exited;
        expect(existsSync(opened)).toBe(false);
      } finally {
        child.kill('SIGKILL');
      }
    }, 60_000);
  },
);
