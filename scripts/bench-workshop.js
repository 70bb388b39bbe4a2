// How long the workshop page waits for its answer after a change: `node scripts/bench-workshop.js` after
// `npm run build`. Starts the server in this process, then sends the page's own requests (the inputs of
// examples/regulated-bank.yaml with the node count changing each time) and times each round trip over HTTP:
// checking every answer, wording every question, and scoring with the live draws and with the report's. The
// CPU time is the figure to compare across machines; the round trip also counts waiting for a busy CPU.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { packageRoot } from '../dist/cli/package-info.js';
import { SCHEMA_BESIDE } from '../dist/cli/schema-beside.js';
import { defaultDataset } from '../dist/io/load-dataset.js';
import { salvageDraft } from '../dist/questionnaire/salvage-draft.js';
import { entriesOf } from '../dist/workshop/evaluate-entries.js';
import { startWorkshopServer } from '../dist/workshop/workshop-server.js';

const RUNS = 40;
const root = fileURLToPath(new URL('..', import.meta.url));
const dataset = defaultDataset();
const draft = salvageDraft(parse(readFileSync(join(root, 'examples', 'regulated-bank.yaml'), 'utf8')));
const folder = mkdtempSync(join(tmpdir(), 'cnireport-bench-workshop-'));
const assets = join(packageRoot(), 'dist', 'workshop-page');
const full = dataset.model.decision.monteCarloDraws;
const server = await startWorkshopServer({
  host: '127.0.0.1',
  port: 0,
  folder,
  file: null,
  saved: {},
  draft: null,
  dataset,
  draws: { live: Math.min(1000, full), full },
  assets: {
    script: join(assets, 'page.js'),
    style: join(assets, 'page.css'),
    fonts: join(packageRoot(), 'assets', 'fonts'),
  },
  outDir: join(folder, 'out'),
  schemaRef: SCHEMA_BESIDE,
  placeSchema: () => Promise.resolve(),
  generate: () => Promise.reject(new Error('not in the bench')),
});
const url = new URL(server.url);
// The page's first load trades the printed URL's token for the session cookie and the run's own path.
const session = await new Promise((resolve, reject) => {
  request(server.url, (res) => {
    res.resume();
    const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
    const base = res.headers.location;
    if (res.statusCode !== 303 || cookie === undefined || base === undefined)
      reject(new Error(`bench: the workshop's first load answered ${res.statusCode}`));
    else resolve({ cookie, base });
  })
    .on('error', reject)
    .end();
});
const headers = {
  Cookie: session.cookie,
  Origin: url.origin,
  'Content-Type': 'application/json',
};

function post(body) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(`${url.origin}${session.base}api/evaluate`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ ms: performance.now() - t0, view: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
try {
  for (const [label, isFull] of [
    [`live (${Math.min(1000, full).toLocaleString('en-US')} draws)`, false],
    [`settled (${full.toLocaleString('en-US')} draws)`, true],
  ]) {
    await post({ entries: entriesOf(draft), full: isFull });
    const trips = [];
    const cpu = [];
    for (let i = 0; i < RUNS; i++) {
      const entries = { ...entriesOf(draft), 'cluster.nodes': String(600 + i * 7) };
      // CPU time of this process (server and client both): what the update costs on a machine not shared.
      const before = process.cpuUsage();
      const { ms, view } = await post({ entries, full: isFull });
      const used = process.cpuUsage(before);
      if (view.result === null) throw new Error('the bench answers did not validate');
      trips.push(ms);
      cpu.push((used.user + used.system) / 1000);
    }
    console.log(
      `workshop update, ${label.padEnd(22)} round trip median ${quantile(trips, 0.5).toFixed(0).padStart(4)} ms, ` +
        `p95 ${quantile(trips, 0.95).toFixed(0).padStart(4)} ms; CPU median ${quantile(cpu, 0.5).toFixed(0)} ms; over ${RUNS} changes`,
    );
  }
} finally {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
}
