import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentBrowserSearchContext, findBrowser } from '../../src/pdf/find-browser.js';
import { clusterObjects } from '../helpers/cluster-captures.js';
import { kubeconfigFor, startFakeKubeApi } from '../helpers/fake-kube-api.js';
import { prerequisite } from '../helpers/prerequisite.js';
import { openSession, rawRequest, startWorkshopWith } from '../helpers/workshop-process.js';

const exec = promisify(execFile);
const hasBrowser = prerequisite(
  'Chrome or Chromium (install chromium or set CNIREPORT_CHROME)',
  findBrowser(currentBrowserSearchContext()) !== null,
);
const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cnireport-install-'));
const example = join(root, 'examples', 'scaleup-sidecar-cost.yaml');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** No browser download (there is none to make), no audit or funding requests: only the install itself. */
const npmEnv = {
  ...process.env,
  PUPPETEER_SKIP_DOWNLOAD: '1',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};

let tarball = '';
const installs: Record<'local' | 'global', { bin: string; npmErr: string; modules: string }> = {
  local: { bin: '', npmErr: '', modules: '' },
  global: { bin: '', npmErr: '', modules: '' },
};

/** The files a `generate` wrote, by path relative to the out folder. */
function filesUnder(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory())
      for (const [path, bytes] of filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`))
        files.set(path, bytes);
    else files.set(`${prefix}${entry.name}`, readFileSync(join(dir, entry.name)));
  }
  return files;
}

/** `generate` through one entry point, from a folder outside the repo, at a fixed date. */
async function generate(command: string, args: string[], name: string): Promise<Map<string, Buffer>> {
  const out = join(work, 'out', name);
  await exec(command, [...args, 'generate', example, '--out', out, '--format', 'html,json,svg,md'], {
    cwd: work,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1790000000', NO_COLOR: '1' },
  });
  return filesUnder(out);
}

beforeAll(async () => {
  // dist/ is built by the test setup; packing must not rebuild it under the other tests (prepack would).
  const packed = await exec(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
    cwd: root,
    env: npmEnv,
  });
  tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? '');
  const local = join(work, 'local');
  mkdirSync(local);
  writeFileSync(join(local, 'package.json'), '{ "private": true }\n');
  const localRun = await exec(npm, ['install', tarball], { cwd: local, env: npmEnv });
  installs.local = {
    bin: join(local, 'node_modules', '.bin', 'cnireport'),
    npmErr: localRun.stderr,
    modules: join(local, 'node_modules'),
  };
  const prefix = join(work, 'global');
  const globalRun = await exec(npm, ['install', '--global', '--prefix', prefix, tarball], {
    cwd: work,
    env: npmEnv,
  });
  installs.global = {
    bin: join(prefix, 'bin', 'cnireport'),
    npmErr: globalRun.stderr,
    modules: join(prefix, 'lib', 'node_modules'),
  };
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the package as npm installs it (npm pack, then npm install of the tarball)', () => {
  it('installs without an install-time script or warning', () => {
    for (const { npmErr } of Object.values(installs)) {
      expect(npmErr).not.toMatch(/install-scripts|allowScripts|prepare|npm warn/i);
    }
  });

  it('ships the bundle and not what it holds: no chart, YAML, template, PDF or browser-driving library is installed', () => {
    for (const { modules } of Object.values(installs)) {
      const installed = join(modules, 'cnireport');
      expect(existsSync(join(installed, 'dist', 'bundle', 'main.cjs'))).toBe(true);
      // Only the declarations of the compiled modules ship: the CLI runs from the bundle.
      expect(existsSync(join(installed, 'dist', 'cli', 'main.js'))).toBe(false);
      const under = existsSync(join(installed, 'node_modules'))
        ? readdirSync(join(installed, 'node_modules'))
        : [];
      for (const name of [
        'vega',
        'vega-lite',
        'vega-scenegraph',
        'yaml',
        'handlebars',
        'pdf-lib',
        'commander',
      ]) {
        expect(existsSync(join(modules, name)) || under.includes(name), name).toBe(false);
      }
    }
  });

  it('writes, from a local and a global install, byte for byte the HTML, JSON, SVG and Markdown the repo writes', async () => {
    const repo = await generate(process.execPath, [join(root, 'bin', 'cnireport.js')], 'repo');
    expect([...repo.keys()].filter((path) => path.endsWith('.svg')).length).toBe(7);
    for (const [kind, { bin }] of Object.entries(installs)) {
      const installed = await generate(bin, [], kind);
      expect([...installed.keys()].sort(), kind).toEqual([...repo.keys()].sort());
      for (const [path, bytes] of repo)
        expect(installed.get(path)?.equals(bytes), `${kind}: ${path}`).toBe(true);
    }
  }, 120_000);

  it.runIf(hasBrowser)(
    'prints the PDF from an install that has no puppeteer-core of its own (it is in the bundle)',
    async () => {
      const { bin, modules } = installs.local;
      expect(existsSync(join(modules, 'puppeteer-core'))).toBe(false);
      const out = join(work, 'out', 'pdf');
      await exec(bin, ['generate', example, '--out', out, '--format', 'pdf'], { cwd: work });
      const pdf = readFileSync(join(out, 'fleetwise-logistics', 'report.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain('/StructTreeRoot');
    },
    120_000,
  );

  it('runs discover on a capture and, through the @kubernetes/client-node it installs, on a live cluster', async () => {
    const capture = join(root, 'test', 'fixtures', 'discover', 'rke2-canal-istio.capture');
    const api = await startFakeKubeApi(
      clusterObjects({ platform: 'gke', cni: 'gke-dataplane-v2', workers: 3 }),
    );
    const kubeconfig = join(work, 'stand-in.kubeconfig');
    writeFileSync(kubeconfig, kubeconfigFor(api.url));
    try {
      const repo = await exec(process.execPath, [join(root, 'bin', 'cnireport.js'), 'discover', capture], {
        cwd: work,
      });
      const repoLive = await exec(
        process.execPath,
        [join(root, 'bin', 'cnireport.js'), 'discover', '--context', 'stand-in', '--kubeconfig', kubeconfig],
        { cwd: work },
      );
      expect(repoLive.stdout).toContain('currentCni: cilium # discovered: GKE Dataplane V2');
      for (const [kind, { bin }] of Object.entries(installs)) {
        expect((await exec(bin, ['discover', capture], { cwd: work })).stdout, kind).toBe(repo.stdout);
        const live = await exec(bin, ['discover', '--context', 'stand-in', '--kubeconfig', kubeconfig], {
          cwd: work,
        });
        expect(live.stdout, kind).toBe(repoLive.stdout);
      }
    } finally {
      await api.close();
    }
  }, 60_000);

  it('starts every command from the install: init, validate, score, data, schema, compare, interview, workshop', async () => {
    const { bin } = installs.global;
    const folder = join(work, 'commands');
    mkdirSync(folder);
    const run = (...args: string[]) =>
      exec(bin, args, { cwd: folder, env: { ...process.env, NO_COLOR: '1' } });
    await run('init', 'acme.yaml');
    expect(readFileSync(join(folder, 'acme.yaml'), 'utf8')).toMatch(/^# yaml-language-server/);
    expect((await run('validate', 'acme.yaml')).stdout).toBe('acme.yaml: ok\n');
    expect((await run('score', example)).stdout).toMatch(/Cilium|Isovalent|Flannel/);
    expect((await run('data')).stdout.length).toBeGreaterThan(1000);
    expect(JSON.parse((await run('schema')).stdout).$id).toBe('urn:cnireport:answers:v1');
    const after = join(root, 'examples', 'scaleup-after-audit.yaml');
    expect((await run('compare', example, after)).stdout).toContain('Changed answers:');
    // Without a terminal the interview refuses in one line (exit 1): it loads, and says what to do instead.
    const interview = await run('interview').catch((error: { code: number; stderr: string }) => error);
    expect(interview).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: interview needs an interactive terminal/),
    });

    // The workshop serves its page, script and state from the installed package.
    const workshop = await startWorkshopWith([bin], folder, 'acme.yaml');
    try {
      // The printed URL opens the page once and sets the session's cookie (a 303 to /).
      const { cookie, app } = await openSession(workshop);
      for (const path of ['/', '/page.js', '/page.css', '/api/state']) {
        const response = await rawRequest(`${app}${path}`, { headers: { Cookie: cookie } });
        expect(response.status, path).toBe(200);
        expect(response.body.length, path).toBeGreaterThan(100);
      }
    } finally {
      expect((await workshop.stop('SIGINT')).code).toBe(130);
    }
  }, 120_000);

  it('runs --version and validate, and imports as a library that scores as the CLI does', async () => {
    const { bin, modules } = installs.local;
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
      .version;
    expect((await exec(bin, ['--version'], { cwd: work })).stdout.trim()).toBe(version);
    expect((await exec(bin, ['validate', example], { cwd: work })).stdout).toBe(`${example}: ok\n`);
    const answers = { version: 1, engagement: { client: 'Library Client', date: '2026-11-24' } };
    const file = join(work, 'library.json');
    writeFileSync(file, JSON.stringify(answers));
    const cli = JSON.parse((await exec(bin, ['score', file, '--json'], { cwd: work })).stdout) as {
      recommendation: { option: string };
    };
    const script = `import { score, AnswersSchema } from 'cnireport';
      console.log(score(AnswersSchema.parse(${JSON.stringify(answers)})).recommendation.option);`;
    const library = await exec(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(modules, '..'),
    });
    expect(library.stdout.trim()).toBe(cli.recommendation.option);
  }, 60_000);
});
