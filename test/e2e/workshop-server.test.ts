import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/questionnaire/check-answer.js';
import {
  buildWorkshopPage,
  openSession,
  type RawResponse,
  rawRequest,
  startWorkshop,
  type WorkshopProcess,
} from '../helpers/workshop-process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const base = mkdtempSync(join(tmpdir(), 'cnireport-workshop-'));
const folder = join(base, 'client');
const outside = join(base, 'elsewhere');
let workshop: WorkshopProcess;
let cookie: string;
let first: RawResponse;
/** The page's address, `http://127.0.0.1:<port>/<run path>`: every path lives under it. */
let app: string;

beforeAll(async () => {
  buildWorkshopPage();
  mkdirSync(folder);
  mkdirSync(outside);
  writeFileSync(join(folder, 'acme.yaml'), readFileSync(join(root, 'examples', 'regulated-bank.yaml')));
  workshop = await startWorkshop(folder, 'acme.yaml');
  first = await rawRequest(workshop.url);
  cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
  app = `${workshop.origin}${String(first.headers.location).replace(/\/$/, '')}`;
});
afterAll(async () => {
  await workshop?.stop();
  rmSync(base, { recursive: true, force: true });
});

const entries = { 'engagement.client': 'Acme Corp', 'cluster.nodes': '1,200' };

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(`${app}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: workshop.origin, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('cnireport workshop: the server', () => {
  it('listens on 127.0.0.1 by default and prints one line with a per-run token', () => {
    expect(new URL(workshop.url).hostname).toBe('127.0.0.1');
    expect(workshop.token.length).toBeGreaterThanOrEqual(32);
  });

  it('trades the URL token for an HttpOnly SameSite=Strict cookie, then serves the page with its CSP', async () => {
    expect(first.status).toBe(303);
    const setCookie = String(first.headers['set-cookie']);
    // The page and the cookie live under a random path of 144 bits (security review L3).
    const path = String(first.headers.location);
    expect(path).toMatch(/^\/[\w-]{24}\/$/);
    expect(setCookie).toContain(`Path=${path}`);
    expect((await rawRequest(`${workshop.origin}/api/state`, { headers: { Cookie: cookie } })).status).toBe(
      404,
    );
    expect(cookie).toMatch(/^cnireport-workshop-\d+=[\w-]{32}$/);
    // The cookie holds a secret of its own, and the URL's token is spent (security review L1).
    expect(setCookie).not.toContain(workshop.token);
    expect((await rawRequest(workshop.url)).status).toBe(403);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);

    const page = await rawRequest(`${app}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
    // No inline script: every script comes from the server itself.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc="page\.js")/);
    expect(page.body).not.toMatch(/https?:\/\//);
  });

  it.each([
    ['no token', {}],
    ['a wrong token in the query', { query: '?token=wrong' }],
    ['a wrong cookie', { Cookie: 'cnireport-workshop-1=x' }],
  ])('refuses %s with 403', async (_, { query, ...headers }: { query?: string; Cookie?: string }) => {
    const response = await rawRequest(`${app}/api/state${query ?? ''}`, { headers });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('Northwind');
  });

  it('refuses a save without the token and touches nothing', async () => {
    const response = await post('/api/save', { file: 'stolen.yaml', entries }, { Cookie: '' });
    expect(response.status).toBe(403);
    expect(existsSync(join(folder, 'stolen.yaml'))).toBe(false);
  });

  it('redirects the token to its own page whatever path carried it, never to another site (I1)', async () => {
    // What a browser can send once it has normalised `/.//evil.example/x`, and what curl --path-as-is can.
    for (const path of [
      '//evil.example/x',
      '/.//evil.example/x',
      '/%2e//evil.example/x',
      '/\\evil.example/x',
    ]) {
      const run = await startWorkshop(folder, 'acme.yaml');
      try {
        const response = await new Promise<{ status?: number; location?: string }>((resolve, reject) => {
          request(
            {
              host: '127.0.0.1',
              port: new URL(run.url).port,
              path: `${path}?token=${run.token}`,
              headers: { Host: run.host },
            },
            (res) => {
              res.resume();
              resolve({ status: res.statusCode, location: res.headers.location });
            },
          )
            .on('error', reject)
            .end();
        });
        expect(response.status, path).toBe(303);
        expect(response.location, path).toMatch(/^\/[\w-]+\/$/);
      } finally {
        await run.stop();
      }
    }
  }, 60_000);

  it('refuses a Host it does not serve (DNS rebinding), even with the token', async () => {
    const port = new URL(workshop.url).port;
    for (const host of [
      `evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1:${Number(port) + 1}`,
    ]) {
      const response = await rawRequest(`${app}/api/state`, {
        headers: { Cookie: cookie, Host: host },
      });
      expect(response.status, host).toBe(403);
    }
  });

  it('refuses a state-changing request from another origin, or without one', async () => {
    for (const origin of ['http://evil.example', 'null', `${workshop.origin}.evil.example`]) {
      const response = await post('/api/save', { file: 'cross.yaml', entries }, { Origin: origin });
      expect(response.status, origin).toBe(403);
    }
    const noOrigin = await rawRequest(`${app}/api/save`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ file: 'cross.yaml', entries }),
    });
    expect(noOrigin.status).toBe(403);
    const crossSite = await post(
      '/api/save',
      { file: 'cross.yaml', entries },
      { 'Sec-Fetch-Site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    const form = await post('/api/save', { file: 'cross.yaml', entries }, { 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
    expect(existsSync(join(folder, 'cross.yaml'))).toBe(false);
  });

  it('refuses a body over the limit with 413', async () => {
    const big = { entries: { 'engagement.client': 'x'.repeat(300 * 1024) } };
    expect((await post('/api/evaluate', big)).status).toBe(413);
  });

  it.each([
    ['../escape.yaml', join(base, 'escape.yaml')],
    [join(outside, 'absolute.yaml'), join(outside, 'absolute.yaml')],
    ['link/through.yaml', join(outside, 'through.yaml')],
    ['notes.txt', join(folder, 'notes.txt')],
  ])('confines the file name %s to the answers file folder', async (file, where) => {
    if (!existsSync(join(folder, 'link'))) symlinkSync(outside, join(folder, 'link'));
    const response = await post('/api/save', { file, entries });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).message).toContain(file);
    expect(existsSync(where)).toBe(false);
  });

  it('will not replace a file through a symbolic link', async () => {
    writeFileSync(join(outside, 'target.yaml'), 'kept: true\n');
    symlinkSync(join(outside, 'target.yaml'), join(folder, 'pointer.yaml'));
    const response = await post('/api/save', { file: 'pointer.yaml', entries });
    expect(response.status).toBe(400);
    expect(readFileSync(join(outside, 'target.yaml'), 'utf8')).toBe('kept: true\n');
  });

  it('saves what init and interview write, valid, and asks before replacing a file', async () => {
    const saved = await post('/api/save', { file: 'new.yaml', entries });
    expect(saved.status).toBe(200);
    const text = readFileSync(join(folder, 'new.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*answers\.schema\.json\n/);
    expect(text).toContain('  client: Acme Corp\n');
    expect(text).toContain('  nodes: 1200\n');
    const validated = execFileSync(
      process.execPath,
      [join(root, 'bin', 'cnireport.js'), 'validate', 'new.yaml'],
      {
        cwd: folder,
        encoding: 'utf8',
      },
    );
    expect(validated).toBe('new.yaml: ok\n');

    // Another answers file than the one the page works on is replaced only when the consultant says so.
    const original = readFileSync(join(folder, 'acme.yaml'), 'utf8');
    const refused = await post('/api/save', { file: 'acme.yaml', entries });
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.body)).toMatchObject({
      exists: true,
      message: 'acme.yaml exists. Replace it?',
    });
    expect(readFileSync(join(folder, 'acme.yaml'), 'utf8')).toBe(original);
  });

  it('saving the file it opened edits it: every key and comment the page does not change stays', async () => {
    const original = [
      '# Rheinland Versicherung AG, after the first workshop',
      readFileSync(join(root, 'examples', 'regulated-bank.yaml'), 'utf8')
        .replace(/^# yaml-language-server.*\n/, '')
        .trimEnd(),
      '',
      '# From the kick-off',
      'stakeholders:',
      '  - name: CFO',
      '    priorities: {cost: 5, capability: 2, risk: 3, simplicity: 3}   # said twice',
      '  - name: CISO',
      '    priorities: {cost: 2, capability: 4, risk: 5, simplicity: 2}',
      '',
    ].join('\n');
    writeFileSync(join(folder, 'rheinland.yaml'), original);
    const run = await startWorkshop(folder, 'rheinland.yaml');
    try {
      const { cookie: runCookie, app: runApp } = await openSession(run);
      const call = (path: string, body?: unknown) =>
        rawRequest(`${runApp}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { Cookie: runCookie, Origin: run.origin, 'Content-Type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const state = JSON.parse((await call('/api/state')).body);
      expect(JSON.parse(state.saved.stakeholders)).toHaveLength(2);
      // Saved as it came: byte for byte, and no question (the page names the version it opened).
      const same = await call('/api/save', {
        file: 'rheinland.yaml',
        entries: state.saved,
        base: state.version,
        replace: null,
      });
      expect(same.status).toBe(200);
      expect(readFileSync(join(folder, 'rheinland.yaml'), 'utf8')).toBe(original);

      const board = JSON.parse(state.saved.stakeholders);
      board.push({
        name: 'Head of Platform',
        priorities: { cost: 3, capability: 5, risk: 3, simplicity: 4 },
      });
      const edited = { ...state.saved, 'priorities.risk': '4', stakeholders: JSON.stringify(board) };
      const saved = await call('/api/save', {
        file: 'rheinland.yaml',
        entries: edited,
        base: JSON.parse(same.body).version,
        replace: null,
      });
      expect(saved.status).toBe(200);
      const text = readFileSync(join(folder, 'rheinland.yaml'), 'utf8');
      for (const line of original.split('\n').filter((l) => l.includes('#') && !l.includes('said twice'))) {
        expect(text).toContain(line);
      }
      expect(text).toContain('  risk: 4');
      expect(text).toContain(
        '  - name: Head of Platform\n    priorities: {cost: 3, capability: 5, risk: 3, simplicity: 4}\n',
      );
      const validated = execFileSync(
        process.execPath,
        [join(root, 'bin', 'cnireport.js'), 'validate', 'rheinland.yaml'],
        {
          cwd: folder,
          encoding: 'utf8',
        },
      );
      expect(validated).toBe('rheinland.yaml: ok\n');
      const lines = (s: string) =>
        s
          .split('\n')
          .filter((l) => !l.includes('risk') && !l.includes('name:') && !l.includes('priorities:'));
      expect(lines(text)).toEqual(lines(original));
    } finally {
      await run.stop('SIGTERM');
    }
  });

  it('refuses to save answers that are wrong, with the messages validate gives', async () => {
    const response = await post('/api/save', {
      file: 'wrong.yaml',
      entries: { ...entries, 'cluster.nodes': 'many' },
    });
    expect(response.status).toBe(422);
    const expected = checkAnswer({ section: 'cluster', key: 'nodes' }, 'many', {});
    expect(expected).toMatch(/got "many"/);
    expect(JSON.parse(response.body).problems).toEqual([`cluster.nodes: ${expected}`]);
    expect(existsSync(join(folder, 'wrong.yaml'))).toBe(false);
  });

  it('serves generated files only from the output folder', async () => {
    for (const path of [
      '/out/../client/acme.yaml',
      '/out/%2e%2e/client/acme.yaml',
      '/out/..%2fclient%2facme.yaml',
    ]) {
      const response = await rawRequest(`${app}${path}`, { headers: { Cookie: cookie } });
      expect(response.status, path).toBe(404);
    }
  });
});

describe('cnireport workshop: starting and stopping', () => {
  it('without an answers file starts from the defaults and saves to the name given', async () => {
    const empty = join(base, 'fresh');
    mkdirSync(empty);
    const run = await startWorkshop(empty);
    try {
      const { cookie: runCookie, app: runApp } = await openSession(run);
      const state = JSON.parse(
        (await rawRequest(`${runApp}/api/state`, { headers: { Cookie: runCookie } })).body,
      );
      expect(state).toMatchObject({ file: null, saved: { 'engagement.client': 'Client name' }, draft: null });
      const saved = await rawRequest(`${runApp}/api/save`, {
        method: 'POST',
        headers: { Cookie: runCookie, Origin: run.origin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ file: 'fresh.yaml', entries: state.saved }),
      });
      expect(JSON.parse(saved.body)).toEqual({
        file: 'fresh.yaml',
        message: 'saved fresh.yaml',
        version: expect.any(String),
      });
      expect(readFileSync(join(empty, 'fresh.yaml'), 'utf8')).toContain('  client: Client name\n');
    } finally {
      await run.stop();
    }
  });

  it('an answers file in a folder that does not exist is a one-line error', async () => {
    const error = await startWorkshop(folder, 'missing/acme.yaml').then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).toContain('error: missing: no such folder\n');
  });

  it('a port in use is a one-line error', async () => {
    const port = new URL(workshop.url).port;
    const second = startWorkshop(folder, 'acme.yaml', '--port', port);
    const error = await second.then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).toMatch(new RegExp(`error: port ${port} is in use on 127\\.0\\.0\\.1\\n`));
    expect(error).not.toMatch(/^ {4}at /m);
  });

  it('listens on another address only when asked, with a warning line, and still checks the Host', async () => {
    const open = await startWorkshop(folder, 'acme.yaml', '--host', '0.0.0.0');
    try {
      expect(open.stderr()).toContain(
        'warning: listening on 0.0.0.0: anyone on this network who gets the URL can change and save the answers\n',
      );
      expect((await rawRequest(open.url)).status).toBe(303);
      const port = new URL(open.url).port;
      const rebound = await rawRequest(open.url, { headers: { Host: `evil.example:${port}` } });
      expect(rebound.status).toBe(403);
    } finally {
      await open.stop();
    }
  });

  it('Ctrl+C is not held up by a request that never finishes sending its body', async () => {
    const run = await startWorkshop(folder, 'acme.yaml');
    const port = Number(new URL(run.url).port);
    const { cookie: runCookie, app: runApp } = await openSession(run);
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST ${new URL(runApp).pathname}/api/evaluate HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${runCookie}\r\n` +
        `Origin: ${run.origin}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"entries":`,
    );
    // A complete request on a second connection: the server is up and has the stalled one open.
    const alive = await rawRequest(`${runApp}/api/state`, {
      headers: { Cookie: runCookie },
    });
    expect(alive.status).toBe(200);
    const stopped = await run.stop('SIGINT');
    expect(stopped.code).toBe(130);
    socket.destroy();
  });

  it('Ctrl+C exits 130; answers not saved are kept as a draft and offered back next time', async () => {
    const run = await startWorkshop(folder, 'acme.yaml');
    const { cookie: runCookie, app: runApp } = await openSession(run);
    const changed = await rawRequest(`${runApp}/api/evaluate`, {
      method: 'POST',
      headers: { Cookie: runCookie, Origin: run.origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ entries: { 'engagement.client': 'Northwind Bank', 'cluster.nodes': '333' } }),
    });
    expect(changed.status).toBe(200);
    const stopped = await run.stop('SIGINT');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toBe('workshop stopped (Ctrl+C); answers not saved are in acme.draft.yaml\n');
    expect(readFileSync(join(folder, 'acme.draft.yaml'), 'utf8')).toContain('  nodes: 333\n');

    const again = await startWorkshop(folder, 'acme.yaml');
    const { cookie: againCookie, app: againApp } = await openSession(again);
    const state = await rawRequest(`${againApp}/api/state`, { headers: { Cookie: againCookie } });
    expect(JSON.parse(state.body).draft).toMatchObject({ 'cluster.nodes': '333' });
    expect(again.stderr()).toContain('acme.draft.yaml holds answers not saved last time');
    expect((await again.stop('SIGTERM')).code).toBe(143);
  });
});
