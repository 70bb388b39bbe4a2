import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readCaptureFile } from '../../../src/discover/read-capture-file.js';
import { recogniseCluster } from '../../../src/discover/recognise-cluster.js';
import { summariseEstate } from '../../../src/discover/summarise-estate.js';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import { runCli } from '../../helpers/run-cli.js';

/** Hand-made captures in the printed command's format: an Autopilot cluster and a Standard one on Dataplane V2. */
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/discover/${name}`, import.meta.url));
const AUTOPILOT = fixture('gke-autopilot.capture');
const STANDARD = fixture('gke-standard-dataplane-v2.capture');

const dir = mkdtempSync(join(tmpdir(), 'cnireport-discover-autopilot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function findings(file: string, source = file) {
  return recogniseCluster(source, await readCaptureFile(file));
}

/** A capture made of lines of the two fixtures: `keep` picks each fixture's lines. */
function mixed(name: string, keep: (line: string, from: 'autopilot' | 'standard') => boolean): string {
  const lines = (file: string, from: 'autopilot' | 'standard') =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .filter((line) => line !== '' && keep(line, from));
  const file = join(dir, name);
  writeFileSync(
    file,
    ['cnireport-capture\tv2', ...lines(STANDARD, 'standard'), ...lines(AUTOPILOT, 'autopilot'), ''].join(
      '\n',
    ),
  );
  return file;
}

describe('GKE Autopilot told from GKE Standard', () => {
  it('an Autopilot cluster: its gk3- nodes, Dataplane V2 from anetd, no kube-proxy; the platform asked in the workshop', async () => {
    const f = await findings(AUTOPILOT, 'gke-autopilot.capture');
    expect(f.platform).toEqual({
      value: 'gke-autopilot',
      name: 'GKE Autopilot',
      evidence:
        "3 nodes of 3 (named gk3-, with kubelet version -gke., or label cloud.google.com/gke-nodepool); gk3- is how Google's own Config Sync told Autopilot's nodes; GKE's documentation does not state it (not confirmed)",
      confirmed: false,
    });
    expect(f.cni).toMatchObject({
      value: 'cilium',
      name: 'GKE Dataplane V2 (Cilium managed by GKE)',
      evidence: 'DaemonSet anetd',
      confirmed: true,
    });
    expect(f.kubeProxy).toEqual({
      value: 'none',
      evidence:
        'no kube-proxy DaemonSet or pod; GKE Dataplane V2 (Cilium managed by GKE) serves Services itself',
      confirmed: true,
    });
    expect(f.clouds).toMatchObject({ value: ['gcp'], confirmed: true });
    expect(f).toMatchObject({ workers: 3, controlPlaneOnly: 0, services: 7, notRunning: 1, notes: [] });
    // 3 nodes x (5 GKE DaemonSets + 4 applications).
    expect(f.runningPods).toBe(27);
  });

  it('a Standard cluster on Dataplane V2: GKE, confirmed, the same data plane', async () => {
    const f = await findings(STANDARD);
    expect(f.platform).toMatchObject({ value: 'gke', name: 'GKE', confirmed: true });
    expect(f.platform.evidence).toBe(
      '4 nodes of 4 (kubelet version -gke., or label cloud.google.com/gke-nodepool)',
    );
    // anetd runs Cilium's image: one agent, not Dataplane V2 and Cilium beside it.
    expect(f.cni).toMatchObject({
      value: 'cilium',
      name: 'GKE Dataplane V2 (Cilium managed by GKE)',
      evidence: 'DaemonSet anetd',
    });
    expect(f.kubeProxy).toMatchObject({ value: 'none', confirmed: true });
    expect(f.notes).toEqual([]);
  });

  it('a Standard cluster running Autopilot workloads on gk3- nodes beside its own pools stays Standard, and says so', async () => {
    // 3 gk3- nodes outnumber 1 of Standard's own: still Standard.
    const file = mixed(
      'standard-with-autopilot-nodes.capture',
      (line, from) => from === 'autopilot' || !line.startsWith('node\tgke-') || line.includes('-1x9z\t'),
    );
    const f = await findings(file);
    expect(f.platform).toMatchObject({ value: 'gke', name: 'GKE', confirmed: true });
    expect(f.platform.evidence).toBe(
      '1 node of 4 (kubelet version -gke., or label cloud.google.com/gke-nodepool)',
    );
    expect(f.notes).toEqual([
      "3 nodes named gk3- as GKE Autopilot names its nodes, beside 1 node of GKE's own: counted as GKE, since a Standard cluster runs Autopilot workloads on nodes GKE manages beside its own node pools; ask in the workshop",
    ]);
  });

  it('an Autopilot cluster whose capture shows no anetd: Dataplane V2, the default, not confirmed', async () => {
    const file = mixed(
      'autopilot-without-anetd.capture',
      (line, from) => from === 'autopilot' && !line.includes('anetd') && !line.includes('cilium-agent='),
    );
    const f = await findings(file);
    expect(f.platform.value).toBe('gke-autopilot');
    expect(f.cni).toEqual({
      value: 'cilium',
      name: 'GKE Dataplane V2 (Cilium managed by GKE)',
      answer: 'cilium',
      evidence:
        'no CNI DaemonSet; GKE Autopilot runs GKE Dataplane V2 (Cilium managed by GKE) by default (not confirmed)',
      confirmed: false,
    });
  });

  it('an estate of both: two groups, the Autopilot one with its own platform, and a warning to ask', async () => {
    const estate = summariseEstate([
      await findings(STANDARD, 'stage.capture'),
      await findings(AUTOPILOT, 'prod.capture'),
    ]);
    expect(estate.values.cluster?.platforms).toEqual(['gke', 'gke-autopilot']);
    expect(
      estate.values.cluster?.groups?.map((g) => [g.name, g.platform, g.clouds, g.clusters, g.nodes]),
    ).toEqual([
      ['GKE, GKE Dataplane V2 (Cilium managed by GKE)', 'gke', ['gcp'], 1, 4],
      ['GKE Autopilot, GKE Dataplane V2 (Cilium managed by GKE)', 'gke-autopilot', ['gcp'], 1, 3],
    ]);
    expect(estate.warnings).toContain(
      'prod.capture: cluster.platforms: gke-autopilot is an inference, not read from the cluster; ask in the workshop',
    );
  });

  it('discover writes answers validate accepts, with the evidence beside the platform', async () => {
    const run = await runCli('discover', AUTOPILOT, STANDARD, '--client', 'Acme');
    expect(run.code).toBe(0);
    const parsed = parseAnswersText(run.out, 'stdout');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.answers.cluster).toMatchObject({
      clusters: 2,
      nodes: 7,
      currentCni: 'cilium',
      kubeProxyMode: 'none',
      clouds: ['gcp'],
      platforms: ['gke', 'gke-autopilot'],
    });
    expect(parsed.answers.cluster.groups?.map((g) => g.platform)).toEqual(['gke', 'gke-autopilot']);
    expect(run.out).toContain(
      "gke-autopilot.capture: GKE Autopilot, 3 nodes of 3 (named gk3-, with kubelet version -gke., or label cloud.google.com/gke-nodepool); gk3- is how Google's own Config Sync told Autopilot's nodes",
    );
    expect(run.err).toContain('gke-autopilot.capture: GKE Autopilot (gcp), 3 worker nodes');
    // Node names are read to tell the platform, never repeated.
    expect(`${run.out}${run.err}`).not.toMatch(/gk3-shop|gke-shop/);
  });
});
