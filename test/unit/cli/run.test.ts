import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { run } from '../../../src/cli/main.js';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import { runCli } from '../../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI in-process, without the timing, so results compare whole. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, out, err } = await runCli(...args);
  return { code, out, err };
}

describe('run (in-process)', () => {
  it('init writes a file that validates and the schema its modeline names, next to it', async () => {
    const file = join(dir, 'sub', 'answers.yaml');
    const schema = join(dir, 'sub', 'answers.schema.json');
    const init = await cli('init', file);
    expect(init).toEqual({
      code: 0,
      out: `wrote ${file} and ${schema} (for editor completion); fill it in, then run: cnireport validate ${file}\n`,
      err: '',
    });
    const text = readFileSync(file, 'utf8');
    // Relative to the file and inside its folder: moving or sharing the folder, or upgrading Node, keeps it.
    expect(/^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1]).toBe('answers.schema.json');
    const committed = readFileSync(new URL('../../../schema/answers.schema.json', import.meta.url), 'utf8');
    expect(readFileSync(schema, 'utf8')).toBe(committed);
    expect(parseAnswersText(text, 'answers.yaml').ok).toBe(true);
    // Valid, with a warning that the client is still the placeholder (test/unit/cli/answers-warnings-cli.test.ts).
    expect(await cli('validate', file)).toMatchObject({ code: 0, out: `${file}: ok\n` });

    // A second file in the folder finds the schema current; an older one of ours is refreshed.
    const second = join(dir, 'sub', 'beta.yaml');
    expect((await cli('init', second)).out).toBe(
      `wrote ${second}; fill it in, then run: cnireport validate ${second}\n`,
    );
    writeFileSync(schema, JSON.stringify({ $id: 'urn:cnireport:answers:v1', title: 'older' }));
    expect((await cli('init', join(dir, 'sub', 'gamma.yaml'))).out).toContain(` and ${schema} `);
    expect(readFileSync(schema, 'utf8')).toBe(committed);
  });

  it("init leaves an answers.schema.json that is not cnireport's alone, and writes nothing", async () => {
    const folder = join(dir, 'theirs');
    mkdirSync(folder);
    writeFileSync(join(folder, 'answers.schema.json'), '{"title": "someone else\'s"}');
    const result = await cli('init', join(folder, 'answers.yaml'));
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `error: ${join(folder, 'answers.schema.json')}: already exists and is not a cnireport answers schema (init writes one there for editor completion)\n` +
        'hint: create the answers file in another folder, or move that answers.schema.json away\n',
    );
    expect(readdirSync(folder)).toEqual(['answers.schema.json']);
  });

  it('init refuses to overwrite without --force', async () => {
    const file = join(dir, 'twice.yaml');
    writeFileSync(file, 'mine\n');
    expect(await cli('init', file)).toEqual({
      code: 1,
      out: '',
      err: `error: ${file}: already exists\nhint: pass --force to overwrite it\n`,
    });
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect((await cli('init', '--force', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('init - prints the file, and says how to write the schema its modeline names', async () => {
    const { code, out, err } = await cli('init', '-');
    expect(code).toBe(0);
    expect(out).toMatch(/^# yaml-language-server: \$schema=answers\.schema\.json\n/);
    expect(err).toBe(
      'note: the first line points editors at answers.schema.json next to the file; write it with: cnireport schema > answers.schema.json\n',
    );
  });

  it('validate reports every file, then fails once', async () => {
    const good = join(dir, 'good.yaml');
    const bad = join(dir, 'bad.yaml');
    const missing = join(dir, 'missing.yaml');
    writeFileSync(good, 'version: 1\nengagement:\n  client: Acme\n');
    writeFileSync(bad, 'version: 1\nengagement:\n  client: Acme\nteam:\n  maturity: expart\n');
    const result = await cli('validate', bad, missing, good);
    expect(result).toEqual({
      code: 1,
      out: `${good}: ok\n`,
      err: [
        `${bad}: 1 problem`,
        `${bad}:5:13  team.maturity: invalid value (got "expart"; expected one of beginner, intermediate, advanced, expert; did you mean \`expert\`?)`,
        `${missing}: no such file`,
        'error: 2 of 3 files are not valid',
        'hint: `cnireport init` writes a commented answers file; `cnireport schema` gives editors completion',
        '',
      ].join('\n'),
    });
  });

  it('validate of a file that is missing says so once, without the init hint', async () => {
    const missing = join(dir, 'missing.yaml');
    expect(await cli('validate', missing)).toEqual({
      code: 1,
      out: '',
      err: `error: ${missing}: no such file\n`,
    });
  });

  it('schema prints the committed schema', async () => {
    const committed = readFileSync(new URL('../../../schema/answers.schema.json', import.meta.url), 'utf8');
    expect(await cli('schema')).toEqual({ code: 0, out: committed, err: '' });
  });

  it('usage errors exit 1 with commander’s explanation', async () => {
    const result = await cli('validate');
    expect(result.code).toBe(1);
    expect(result.err).toContain("error: missing required argument 'files'");
    expect((await cli('frobnicate')).code).toBe(1);
    expect((await cli('--nope')).code).toBe(1);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(await cli('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('a bug exits 2 with the stack and asks for a report with the versions', async () => {
    let err = '';
    const io: CliIo = {
      out: () => {
        throw new Error('disk on fire');
      },
      err: (t) => {
        err += t;
      },
      outColor: false,
      errColor: false,
    };
    expect(await run(['node', 'cnireport', 'schema'], io)).toBe(2);
    expect(err).toMatch(/^error: internal error, this is a bug in cnireport\nError: disk on fire\n {4}at /);
    expect(err).toMatch(
      new RegExp(
        `with the command you ran, cnireport \\d+\\.\\d+\\.\\d+\\S* and Node ${process.version}\\.\\n$`,
      ),
    );
  });
});

describe('help texts', () => {
  it.each([
    [],
    ['init'],
    ['interview'],
    ['workshop'],
    ['discover'],
    ['validate'],
    ['schema'],
    ['score'],
    ['compare'],
    ['data'],
    ['generate'],
    ['render'],
  ])('cnireport %s --help wraps at 100 columns, and its examples start with $', async (...command) => {
    const { out } = await cli(...command, '--help');
    const lines = out.split('\n');
    const long = lines.filter((line) => line.length > 100);
    expect(long).toEqual([]);
    // A prose line breaks only where the next word would not fit: no ragged "replaced,\nand the terminal…".
    const prose = (line: string | undefined) =>
      line !== undefined && /^[^\s]/.test(line) && !/^(Usage: |[A-Z][A-Za-z ]*:$)/.test(line);
    const ragged = lines.filter(
      (line, i) =>
        prose(line) && prose(lines[i + 1]) && `${line} ${lines[i + 1]?.split(' ')[0]}`.length <= 100,
    );
    expect(ragged).toEqual([]);
    const examples =
      out
        .split(/\nExamples?:\n/)[1]
        ?.split('\n')
        .filter((l) => l.trim() !== '') ?? [];
    for (const line of examples) expect(line).toMatch(/^ {2}(\$ cnireport |# )/);
  });
});
