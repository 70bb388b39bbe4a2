import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAnswersText } from '../../src/io/parse-answers-text.js';
import { type ClusterScenario, clusterObjects } from '../helpers/cluster-captures.js';
import { kubeconfigFor, startFakeKubeApi } from '../helpers/fake-kube-api.js';
import { commandRuns, prerequisite } from '../helpers/prerequisite.js';
import { spawnCli } from '../helpers/run-cli.js';

const exec = promisify(execFile);
const hasKubectl = prerequisite(
  'kubectl (Debian: kubernetes-client)',
  commandRuns('kubectl', ['version', '--client']),
);
const dir = mkdtempSync(join(tmpdir(), 'cnireport-discover-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SECRET = 'S3CR3T-e2e-token-4f1c';

/** The kubectl command `discover --print-command` prints, as the client would paste it. */
async function printedCommand(): Promise<string> {
  const printed = await spawnCli(['discover', '--print-command']);
  expect(printed.code).toBe(0);
  const line = printed.out
    .split('\n')
    .find((l) => l.trim().startsWith('kubectl get') && l.includes('jsonpath'));
  expect(line).toBeDefined();
  return (line ?? '').trim();
}

/** Runs a shell command line as a client's engineer would, against the stand-in's kubeconfig. */
async function shell(command: string, kubeconfig: string): Promise<void> {
  await exec('sh', ['-c', command], {
    cwd: dir,
    env: { ...process.env, KUBECONFIG: kubeconfig },
    maxBuffer: 64 << 20,
  });
}

const answersOf = (text: string) => {
  const parsed = parseAnswersText(text, 'answers');
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.answers;
};

describe.runIf(hasKubectl)(
  'discover: the printed command with the real kubectl, then --context, against a stand-in API server',
  () => {
    it.each<[string, ClusterScenario]>([
      [
        'eks-istio',
        {
          platform: 'eks',
          cni: 'aws-vpc-cni',
          workers: 4,
          controlPlane: 0,
          appsPerWorker: 5,
          mesh: 'istio-native',
          secret: SECRET,
        },
      ],
      [
        'openshift-linkerd',
        {
          platform: 'openshift',
          cni: 'ovn-kubernetes',
          workers: 3,
          controlPlane: 3,
          mesh: 'linkerd',
          secret: SECRET,
        },
      ],
      [
        // Autopilot is told by its nodes' names, which the capture, the JSON List and the live read all carry.
        'gke-autopilot',
        {
          platform: 'gke-autopilot',
          cni: 'gke-dataplane-v2',
          workers: 3,
          controlPlane: 0,
          appsPerWorker: 3,
        },
      ],
      [
        'kubeadm-ipvs',
        {
          platform: 'kubeadm',
          cni: 'calico',
          workers: 600,
          controlPlane: 3,
          appsPerWorker: 1,
          kubeProxy: { mode: 'ipvs' },
        },
      ],
    ])(
      '%s: the same answers from the capture, from the JSON List and live',
      async (name, scenario) => {
        const api = await startFakeKubeApi(clusterObjects(scenario));
        try {
          const kubeconfig = join(dir, `${name}.kubeconfig`);
          writeFileSync(kubeconfig, kubeconfigFor(api.url));
          await shell((await printedCommand()).replace('CLUSTER.capture', `${name}.capture`), kubeconfig);
          await shell(
            `kubectl get nodes,pods,services,daemonsets --all-namespaces -o json > ${name}.json`,
            kubeconfig,
          );
          const capture = readFileSync(join(dir, `${name}.capture`), 'utf8');
          expect(capture.startsWith('cnireport-capture\tv2\n')).toBe(true);
          // The printed command never collects what the JSON List holds.
          if (scenario.secret !== undefined) {
            expect(readFileSync(join(dir, `${name}.json`), 'utf8')).toContain(SECRET);
            expect(capture).not.toContain(SECRET);
            expect(capture).not.toContain('DATABASE_PASSWORD');
          }

          const fromCapture = await spawnCli(
            ['discover', join(dir, `${name}.capture`), '--client', 'Acme'],
            60_000,
          );
          const fromJson = await spawnCli(
            ['discover', join(dir, `${name}.json`), '--client', 'Acme'],
            60_000,
          );
          const live = await spawnCli(
            ['discover', '--context', 'stand-in', '--kubeconfig', kubeconfig, '--client', 'Acme'],
            60_000,
          );
          for (const run of [fromCapture, fromJson, live]) {
            expect(run.err).not.toContain('error');
            expect(run.code).toBe(0);
            expect(`${run.out}${run.err}`).not.toContain(SECRET);
          }
          expect(answersOf(fromJson.out)).toEqual(answersOf(fromCapture.out));
          expect(answersOf(live.out)).toEqual(answersOf(fromCapture.out));
          // The evidence beside each value too, but for the name each source goes by.
          const same = (text: string, source: string) =>
            text
              .split('\n')
              .filter((line) => !line.trimStart().startsWith('#'))
              .join('\n')
              .replaceAll(source, 'SOURCE');
          expect(same(live.out, 'context stand-in')).toBe(same(fromCapture.out, `${name}.capture`));
          expect(same(fromJson.out, `${name}.json`)).toBe(same(fromCapture.out, `${name}.capture`));
          expect(answersOf(live.out).cluster.nodes).toBe(scenario.workers);
          expect(answersOf(live.out).cluster.platforms).toEqual([
            scenario.platform === 'kubeadm' ? 'self-managed' : scenario.platform,
          ]);
          // Read-only: the stand-in saw GETs and nothing else, and kubectl paged the large lists.
          expect(new Set(api.requests.map((r) => r.method))).toEqual(new Set(['GET']));
        } finally {
          await api.close();
        }
      },
      120_000,
    );
  },
);
