import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ANSWERS_BYTES } from '../../src/io/load-answers.js';
import { answersJsonSchema } from '../../src/schema/answers-json-schema.js';
import type { JsonSchemaNode } from '../../src/schema/json-schema-node.js';
import { type CliRun, runCli, spawnCli } from '../helpers/run-cli.js';
import { MARKUP_PAYLOADS, PATH_PAYLOADS } from './arbitraries/odd-text.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = 'version: 1\nengagement:\n  client: Acme\n';
const STACK_LINE = /^ {4}at /m;

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Exit 1, nothing on stdout, the file named on the first line, no stack trace. */
function expectRefused(result: CliRun, path: string, reason: string | RegExp): void {
  expect(result.code, result.err).toBe(1);
  expect(result.out).toBe('');
  expect(result.err.startsWith(`error: ${path}: `), result.err).toBe(true);
  expect(result.err).toMatch(reason);
  expect(result.err).not.toMatch(STACK_LINE);
  expect(result.err).not.toMatch(/internal error/);
}

const score = (path: string) => runCli('score', path, '--json');

describe('hostile inputs through `cnireport score --json`', () => {
  const BILLION_LAUGHS = [
    'version: 1',
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    'engagement: {client: *i}',
  ].join('\n');

  it('refuses an alias bomb (billion laughs) by its expansions, in-process and spawned', async () => {
    const path = file('laughs.yaml', BILLION_LAUGHS);
    const inProcess = await score(path);
    expectRefused(inProcess, path, /too many alias expansions/);
    const spawned = await spawnCli(['score', path, '--json']);
    expectRefused(spawned, path, /too many alias expansions/);
  });

  it.each([
    ['flow sequences', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['flow mappings', `${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`],
    ['block sequences', `${'- '.repeat(5000)}x\n`],
    ['block mappings', Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i % 100)}a${i}:`).join('\n')],
  ])('refuses 5,000-deep %s without a stack overflow', async (_, text) => {
    const path = file('deep.yaml', text);
    const result = await score(path);
    expect(result.code, result.err).toBe(1);
    expect(result.err).not.toMatch(STACK_LINE);
    expect(result.err).toMatch(new RegExp(`^${path}:\\d+:\\d+  `, 'm'));
  });

  it('refuses a 100 MB file by its size, without reading it (peak memory measured)', async () => {
    const path = join(dir, 'huge.yaml');
    const fd = openSync(path, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 'a: 1\n');
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    closeSync(fd);
    const inProcess = await score(path);
    expectRefused(inProcess, path, `too large (got ${100 * 1024 * 1024} bytes`);
    const spawned = await spawnCli(['score', path, '--json']);
    expectRefused(spawned, path, /too large/);
    // Node alone peaks near 50-80 MB; reading the file would add its 100 MB at least once.
    expect(spawned.maxRssKiB).toBeLessThan(150 * 1024);
    rmSync(path);
  });

  it.each([
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)],
    ['NUL bytes', new Uint8Array(64)],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')],
  ])('refuses %s as binary, in one line', async (_, bytes) => {
    const path = file('binary.yaml', bytes);
    expectRefused(await score(path), path, /(binary content|not UTF-8 text)/);
  });

  it.each([
    ['an empty file', ''],
    ['a whitespace-only file', '  \n\t\n   \r\n'],
    ['a comment-only file', '# nothing here\n'],
  ])('refuses %s as empty, located at 1:1', async (_, text) => {
    const path = file('empty.yaml', text);
    expectRefused(await score(path), path, new RegExp(`^${path}:1:1  empty answers file`, 'm'));
  });

  it('refuses duplicate keys, each located with the line of the first', async () => {
    const path = file('dup.yaml', `${HEAD}cluster:\n  nodes: 3\n  nodes: 4\nengagement:\n  client: B\n`);
    const result = await score(path);
    expectRefused(result, path, /2 problems/);
    expect(result.err).toContain(`${path}:6:3  cluster.nodes: duplicate key (already set on line 5;`);
    expect(result.err).toContain(`${path}:7:1  engagement: duplicate key (already set on line 2;`);
  });

  /** Every numeric key of the answers file, from the schema: [path, node]. */
  function numericFields(node: JsonSchemaNode, path: string[] = []): [string[], JsonSchemaNode][] {
    if (node.type === 'number' || node.type === 'integer') return [[path, node]];
    return Object.entries(node.properties ?? {}).flatMap(([k, v]) => numericFields(v, [...path, k]));
  }
  const NUMERIC = numericFields(answersJsonSchema()).filter(([p]) => p.join('.') !== 'version');

  it.each(['-1', '-0.5', '.nan', '.inf', '-.inf', '1e308', '-1e308', '123456789012345678901234567890'])(
    'refuses %s in every numeric field with a message at the value, or accepts it where the range allows',
    async (value) => {
      expect(NUMERIC.length).toBeGreaterThan(30);
      for (const [path, node] of NUMERIC) {
        const [section, key] = path;
        const text =
          section === 'engagement'
            ? `${HEAD}  ${key}: ${value}\n`
            : `${HEAD}${section}:\n  ${key}: ${value}\n`;
        const target = file('number.yaml', text);
        const result = await score(target);
        const n = Number(value.replace('.nan', 'NaN').replace('.inf', 'Infinity'));
        const inRange =
          Number.isFinite(n) &&
          n >= (node.minimum ?? -Infinity) &&
          n > (node.exclusiveMinimum ?? -Infinity) &&
          n <= (node.maximum ?? Infinity) &&
          (node.type === 'number' || Number.isInteger(n));
        if (inRange) {
          expect(result.code, `${path.join('.')}: ${value}\n${result.err}`).toBe(0);
          expect(result.out).not.toMatch(/NaN|Infinity/);
        } else {
          expectRefused(result, target, new RegExp(`^${target}:\\d+:\\d+  ${path.join('\\.')}: `, 'm'));
        }
      }
    },
    60_000,
  );

  it('refuses a directory, a missing file, a FIFO and /dev/zero at once, without hanging', async () => {
    const folder = join(dir, 'a-folder.yaml');
    mkdirSync(folder, { recursive: true });
    expectRefused(await score(folder), folder, /is a directory/);
    const missing = join(dir, 'missing.yaml');
    expectRefused(await score(missing), missing, /no such file/);
    if (process.platform === 'win32') return;
    const fifo = join(dir, 'answers.fifo');
    execFileSync('mkfifo', [fifo]);
    // Spawned with a timeout: opening a FIFO with no writer would block the process, not just a promise.
    const fromFifo = await spawnCli(['score', fifo, '--json'], 5_000);
    expectRefused(fromFifo, fifo, /not a regular file/);
    if (existsSync('/dev/zero')) {
      const zero = await spawnCli(['score', '/dev/zero', '--json'], 5_000);
      expectRefused(zero, '/dev/zero', /not a regular file/);
    }
  });

  it.each(MARKUP_PAYLOADS)(
    'keeps the client name %s verbatim as text through load and score',
    async (client) => {
      const path = file('markup.yaml', `version: 1\nengagement:\n  client: ${JSON.stringify(client)}\n`);
      const json = await score(path);
      expect(json.code, json.err).toBe(0);
      expect(JSON.parse(json.out).engagement.client).toBe(client);
      const table = await runCli('score', path);
      expect(table.code).toBe(0);
      expect(table.out).toContain(client);
    },
  );

  it.each(PATH_PAYLOADS)(
    'accepts the client name %s as plain text (the slug is for `generate`)',
    async (client) => {
      const path = file('path.yaml', `version: 1\nengagement:\n  client: ${JSON.stringify(client)}\n`);
      const result = await score(path);
      expect(result.code, result.err).toBe(0);
      expect(JSON.parse(result.out).engagement.client).toBe(client);
    },
  );

  it.each([
    ['a terminal escape', '"\\e[2J\\e[31mAcme"', '\\u001b[2J\\u001b[31mAcme'],
    ['a newline', '"Acme\\nEvil"', 'Acme\\nEvil'],
    ['a direction override', '"\\u202Eemca"', '\\u202eemca'],
    ['only zero-width spaces', '"\\u200B\\u200B"', '\\u200b\\u200b'],
    ['a lone surrogate', '"Acme\\uD800"', 'Acme\\ud800'],
  ])('refuses a client name with %s, quoting it escaped on one line', async (_, yaml, shown) => {
    const path = file('name.yaml', `version: 1\nengagement:\n  client: ${yaml}\n`);
    const result = await score(path);
    expectRefused(result, path, /1 problem\n/);
    expect(result.err).toContain(
      `${path}:3:11  engagement.client: invalid value (got "${shown}"; expected one line`,
    );
  });
});

// How long these take is a figure of `npm run bench` (the slowest refusal of a 1 MiB worst case), not a test.
describe('1 MiB worst cases: refused, located, no stack trace', () => {
  const fill = (line: (i: number) => string): string => {
    const parts: string[] = [HEAD];
    let size = HEAD.length;
    for (let i = 0; size < MAX_ANSWERS_BYTES - 200; i++) {
      const next = line(i);
      parts.push(next);
      size += next.length;
    }
    return parts.join('');
  };

  it.each([
    ['200,000 duplicate keys', fill(() => 'a: 1\n')],
    ['100,000 distinct unknown keys', fill((i) => `k${i}: 1\n`)],
    ['60,000 aliases', fill((i) => (i === 0 ? 'x: &x 1\n' : `k${i}: *x\n`))],
    ['100,000 list entries', fill((i) => (i === 0 ? 'l:\n' : '  - 1\n'))],
    ['a flow mapping of 150,000 keys', `${HEAD}m: {${fill((i) => `k${i}: 1, `).slice(HEAD.length)}}\n`],
    ['60,000 syntax errors', fill(() => '- : : x\n')],
    ['one 1 MB string', `${HEAD}  preparedBy: ${'x'.repeat(MAX_ANSWERS_BYTES - 100)}\n`],
    ['64-deep nesting repeated', fill(() => `n: ${'['.repeat(60)}${']'.repeat(60)}\n`)],
  ])(
    '%s',
    async (_, text) => {
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_ANSWERS_BYTES);
      const path = file('worst.yaml', text);
      const result = await score(path);
      expect(result.code, result.err.slice(0, 500)).toBe(1);
      expect(result.err).not.toMatch(STACK_LINE);
    },
    30_000,
  );
});
