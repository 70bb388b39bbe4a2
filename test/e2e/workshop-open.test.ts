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
import { startWorkshopProcess } from '../helpers/workshop-process.js';

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
      const workshop = await startWorkshopProcess({
        cwd: dir,
        args: ['acme.yaml', '--port', '0'],
        open: true,
        env: { PATH: `${bin}:${process.env.PATH}` },
      });
      try {
        for (let i = 0; i < 200 && !existsSync(record); i++) await new Promise((r) => setTimeout(r, 100));
        expect(workshop.token.length).toBeGreaterThanOrEqual(32);
        const opened = readFileSync(record, 'utf8');
        expect(opened).not.toContain(workshop.token);
        expect(statSync(opened).mode & 0o077).toBe(0);
        expect(readFileSync(opened, 'utf8')).toContain(`content="0;url=${workshop.url}"`);
        await workshop.stop('SIGINT');
        expect(existsSync(opened)).toBe(false);
      } finally {
        await workshop.stop('SIGKILL');
      }
    }, 60_000);
  },
);
