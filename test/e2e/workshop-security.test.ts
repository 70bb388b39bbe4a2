import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONNECTIONS } from '../../src/workshop/workshop-server.js';
import {
  buildWorkshopPage,
  openSession,
  type RawResponse,
  rawRequest,
  startWorkshop,
  type WorkshopProcess,
} from '../helpers/workshop-process.js';

/**
 * What the workshop writes and serves (security review M5, M6, L5, L12, I3, I4): Save writes only answers
 * files in the workshop folder itself, replaces one only with consent the server checks, notices a second
 * tab's save; /out/ serves only what this run generated.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'cnireport-workshop-security-'));
const answersText = readFileSync(join(root, 'examples', 'regulated-bank.yaml'), 'utf8');
const CI = 'on: push\njobs: { build: { runs-on: ubuntu-latest } }\n';
const COMPOSE = 'services:\n  web:\n    image: nginx\n';
let workshop: WorkshopProcess;
let cookie: string;
/** The page's address, `http://127.0.0.1:<port>/<run path>`: every path lives under it. */
let app: string;

beforeAll(async () => {
  buildWorkshopPage();
  writeFileSync(join(folder, 'acme.yaml'), answersText);
  writeFileSync(join(folder, 'other.yaml'), answersText);
  writeFileSync(join(folder, 'private.yaml'), answersText, { mode: 0o600 });
  chmodSync(join(folder, 'private.yaml'), 0o600);
  writeFileSync(join(folder, 'docker-compose.yml'), COMPOSE);
  mkdirSync(join(folder, 'project', '.github', 'workflows'), { recursive: true });
  writeFileSync(join(folder, 'project', '.github', 'workflows', 'ci.yml'), CI);
  mkdirSync(join(folder, 'out', 'other-client'), { recursive: true });
  writeFileSync(join(folder, 'out', 'other-client', 'report.html'), '<p>another client</p>');
  workshop = await startWorkshop(folder, 'acme.yaml', '--out', 'out');
  ({ cookie, app } = await openSession(workshop));
});
afterAll(async () => {
  await workshop?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const entries = { 'engagement.client': 'Acme Corp', 'cluster.nodes': '1,200' };

function post(path: string, body: unknown): Promise<RawResponse> {
  return rawRequest(`${app}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: workshop.origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const get = (path: string) => rawRequest(`${app}${path}`, { headers: { Cookie: cookie } });

async function version(): Promise<string> {
  return (JSON.parse((await get('/api/state')).body) as { version: string }).version;
}

describe('workshop Save writes only answers files in its folder, with consent the server checks (M5)', () => {
  it.each(['project/.github/workflows/ci.yml', 'project/new.yaml', '.hidden.yaml'])(
    'refuses %s, and writes nothing there',
    async (file) => {
      const response = await post('/api/save', { file, entries });
      expect(response.status).toBe(400);
      expect(readFileSync(join(folder, 'project', '.github', 'workflows', 'ci.yml'), 'utf8')).toBe(CI);
      expect(existsSync(join(folder, 'project', 'new.yaml'))).toBe(false);
      expect(existsSync(join(folder, '.hidden.yaml'))).toBe(false);
      expect(existsSync(join(folder, 'project', '.github', 'workflows', 'answers.schema.json'))).toBe(false);
    },
  );

  it('never replaces a YAML file that is not an answers file', async () => {
    const asked = await post('/api/save', { file: 'docker-compose.yml', entries });
    expect(asked.status).toBe(409);
    expect(JSON.parse(asked.body).message).toBe(
      'docker-compose.yml exists and is not an answers file: give another name',
    );
    expect(readFileSync(join(folder, 'docker-compose.yml'), 'utf8')).toBe(COMPOSE);
  });

  it('replaces another answers file only with the version its question named, keeping its mode (L12)', async () => {
    const blind = await post('/api/save', { file: 'private.yaml', entries, replace: 'made-up' });
    expect(blind.status).toBe(409);
    const question = JSON.parse(blind.body) as { exists: boolean; message: string; version: string };
    expect(question).toMatchObject({ exists: true, message: 'private.yaml exists. Replace it?' });
    expect(readFileSync(join(folder, 'private.yaml'), 'utf8')).toBe(answersText);
    const agreed = await post('/api/save', { file: 'private.yaml', entries, replace: question.version });
    expect(agreed.status).toBe(200);
    expect(readFileSync(join(folder, 'private.yaml'), 'utf8')).toContain('client: Acme Corp');
    expect(statSync(join(folder, 'private.yaml')).mode & 0o777).toBe(0o600);
  });

  it('notices a second tab saving over the first one (L5)', async () => {
    const loaded = await version();
    const tabA = await post('/api/save', { file: 'other.yaml', entries, replace: null, base: null });
    const askedA = JSON.parse(tabA.body) as { version: string };
    const savedA = await post('/api/save', { file: 'other.yaml', entries, replace: askedA.version });
    expect(savedA.status).toBe(200);
    const afterA = readFileSync(join(folder, 'other.yaml'), 'utf8');
    // Tab B loaded the page before A saved: its base is the version it was shown then.
    const tabB = await post('/api/save', {
      file: 'other.yaml',
      entries: { ...entries, 'engagement.client': 'Tab B' },
      base: loaded,
    });
    expect(tabB.status).toBe(409);
    expect(JSON.parse(tabB.body).message).toBe(
      'other.yaml changed since this page last loaded or saved it (another tab or program saved it). Replace it?',
    );
    expect(readFileSync(join(folder, 'other.yaml'), 'utf8')).toBe(afterA);
    // Tab A saving again over its own version needs no question.
    const againA = await post('/api/save', {
      file: 'other.yaml',
      entries,
      base: JSON.parse(savedA.body).version,
    });
    expect(againA.status).toBe(200);
  });
});

describe('workshop /out/ serves only what this run generated (M6, I4)', () => {
  it("does not serve another client's report in the output folder", async () => {
    expect((await get('/out/other-client/report.html')).status).toBe(404);
  });

  it('serves every file Generate wrote, the deck and the workbook included', async () => {
    const generated = await post('/api/generate', { file: 'acme.yaml' });
    expect(generated.status).toBe(200);
    const { files } = JSON.parse(generated.body) as { files: { path: string; href: string }[] };
    const byPath = new Map(files.map((f) => [f.path, f.href]));
    expect([...byPath.keys()]).toEqual(expect.arrayContaining(['report.pptx', 'tco.xlsx']));
    for (const [path, href] of byPath) {
      const response = await get(`/${href}`);
      expect(response.status, path).toBe(200);
    }
    expect((await get(`/${byPath.get('report.pptx')}`)).headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    expect((await get('/out/other-client/report.html')).status).toBe(404);
  }, 120_000);
});

describe('workshop Save beside a dangling answers.schema.json link (I3)', () => {
  it('saves, says the schema was not placed, and writes nothing through the link', async () => {
    rmSync(join(folder, 'answers.schema.json'), { force: true });
    symlinkSync(join(folder, 'nowhere', 'schema.json'), join(folder, 'answers.schema.json'));
    const response = await post('/api/save', { file: 'fresh.yaml', entries });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).message).toMatch(
      /^saved fresh\.yaml \(the schema for editors was not placed/,
    );
    expect(readFileSync(join(folder, 'fresh.yaml'), 'utf8')).toContain('client: Acme Corp');
    expect(existsSync(join(folder, 'nowhere'))).toBe(false);
  });
});

describe('workshop connections (L4)', () => {
  it('closes sockets past MAX_CONNECTIONS at once, and serves again when the flood is gone', async () => {
    const port = Number(new URL(workshop.url).port);
    const sockets: Socket[] = [];
    const closed = new Set<Socket>();
    try {
      for (let i = 0; i < MAX_CONNECTIONS + 10; i++) {
        const socket = connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.on('close', () => closed.add(socket));
        sockets.push(socket);
        await new Promise((resolve) => socket.once('connect', resolve).once('close', resolve));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(closed.size).toBeGreaterThanOrEqual(10);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await get('/api/state')).status).toBe(200);
  });
});
