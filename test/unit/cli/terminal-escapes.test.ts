import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-escapes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Sets the terminal's title and turns the background red, if printed as it is. */
const HOSTILE = 'x\u001b]0;PWNED-TITLE\u0007\u001b[41mRED.yaml';

describe('file names printed on the terminal (security review L8)', () => {
  it('come out escaped in an error, as the contents of files do', async () => {
    const file = join(dir, HOSTILE);
    writeFileSync(file, 'version: 1\nengagement: [\n');
    const run = await runCli('validate', file);
    expect(run.code).toBe(1);
    for (const c of ['\u001b', '\u0007']) expect(run.err).not.toContain(c);
    expect(run.err).toContain('x\\u001b]0;PWNED-TITLE\\u0007\\u001b[41mRED.yaml');
  });

  it('come out escaped when the file is fine', async () => {
    const file = join(dir, `ok-${HOSTILE}`);
    writeFileSync(file, 'version: 1\nengagement:\n  client: Acme\n');
    const run = await runCli('validate', file);
    for (const c of ['\u001b', '\u0007']) expect(run.out).not.toContain(c);
  });
});
