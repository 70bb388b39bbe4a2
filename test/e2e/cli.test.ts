import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cnireport-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Spawns the CLI exactly as a user runs it (bin/ on the dist/ built by globalSetup). */
function cnireport(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin', 'cnireport.js'), ...args],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const STACK_LINE = /^ {4}at /m;

describe('cnireport (spawned)', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(await cnireport('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each(['init', 'validate', 'schema'])('%s --help shows usage and an example', async (command) => {
    const { code, stdout } = await cnireport(command, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: cnireport ${command}`);
    expect(stdout).toMatch(/Examples:\n {2}\$ cnireport /);
  });

  it('--help lists the commands', async () => {
    const { code, stdout } = await cnireport('--help');
    expect(code).toBe(0);
    for (const command of ['init', 'validate', 'schema'])
      expect(stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
  });

  it('init then validate: exit 0, with a warning that the client is still the placeholder', async () => {
    expect((await cnireport('init', 'answers.yaml')).code).toBe(0);
    expect(await cnireport('validate', 'answers.yaml')).toEqual({
      code: 0,
      stdout: 'answers.yaml: ok\n',
      stderr: expect.stringMatching(
        /^warning: answers\.yaml:\d+:11 {2}engagement\.client: still "Client name"/,
      ),
    });
  });

  it('validates every example', async () => {
    const examples = ['design-sample', 'regulated-bank', 'scaleup-sidecar-cost', 'small-team-basic'].map(
      (n) => join(root, 'examples', `${n}.yaml`),
    );
    const { code, stdout } = await cnireport('validate', ...examples);
    expect(code).toBe(0);
    expect(stdout).toBe(examples.map((e) => `${e}: ok\n`).join(''));
  });

  it.each([
    ['a misspelt key', 'typo.yaml', 'version: 1\nengagement:\n  client: A\ncluster:\n  nodse: 3\n'],
    ['broken YAML', 'broken.yaml', 'version: 1\nengagement:\n  client: "A\n'],
    ['an empty file', 'empty.yaml', ''],
    ['binary content', 'binary.yaml', '\u0000\u0001\u0002'],
    ['deep nesting', 'deep.yaml', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ])('%s: exit 1, located message, no stack trace', async (_, name, content) => {
    writeFileSync(join(dir, name), content);
    const { code, stdout, stderr } = await cnireport('validate', name);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^${name.replace('.', '\\.')}`));
    expect(stderr).toContain(`error: ${name} is not valid`);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('a file over 1 MiB: exit 1, no stack trace', async () => {
    writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
    const { code, stderr } = await cnireport('validate', 'huge.yaml');
    expect(code).toBe(1);
    expect(stderr).toContain('huge.yaml: too large (got 1048579 bytes; expected at most 1048576 bytes)');
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('a missing file and a usage error: exit 1, no stack trace', async () => {
    const missing = await cnireport('validate', 'nope.yaml');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.yaml: no such file');
    expect(missing.stderr).not.toMatch(STACK_LINE);
    const usage = await cnireport('validate');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("error: missing required argument 'files'");
    const unknown = await cnireport('valdate', 'x.yaml');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('(Did you mean validate?)');
  });

  it('init refuses to overwrite: exit 1, no stack trace', async () => {
    writeFileSync(join(dir, 'mine.yaml'), 'mine\n');
    const { code, stderr } = await cnireport('init', 'mine.yaml');
    expect(code).toBe(1);
    expect(stderr).toBe('error: mine.yaml: already exists\nhint: pass --force to overwrite it\n');
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe('mine\n');
  });

  it('schema prints JSON', async () => {
    const { code, stdout } = await cnireport('schema');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).$id).toBe('urn:cnireport:answers:v1');
  });
});
