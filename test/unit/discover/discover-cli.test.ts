import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAnswersText } from '../../../src/io/parse-answers-text.js';
import { CNIS } from '../../../src/schema/answers.js';
import { captureJson } from '../../helpers/cluster-captures.js';
import { runCli } from '../../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cnireport-discover-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = fileURLToPath(new URL('../../fixtures/discover/rke2-canal-istio.capture', import.meta.url));

const SECRET = 'S3CR3T-hunter2-0xdeadbeef';
const write = (name: string, text: string | Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('discover', () => {
  it('writes an answers file validate accepts, every discovered value with its evidence beside it', async () => {
    const eks = write(
      'eks-prod.json',
      captureJson({ platform: 'eks', cni: 'aws-vpc-cni', workers: 6, controlPlane: 0, mesh: 'istio' }),
    );
    const out = join(dir, 'acme.yaml');
    const run = await runCli('discover', eks, '--client', 'Acme Bank', '--out', out);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const parsed = parseAnswersText(text, out);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // 6 workers x (4 applications + aws-node + kube-proxy) + istiod and the gateway on the first.
    expect(parsed.answers.cluster).toMatchObject({
      clusters: 1,
      nodes: 6,
      podsPerNode: Math.round((6 * 6 + 2) / 6),
      services: 6,
      clouds: ['aws'],
      currentCni: 'aws-vpc-cni',
      platforms: ['eks'],
      kubeProxyMode: 'iptables',
    });
    expect(parsed.answers.mesh).toMatchObject({ current: 'istio', sidecars: 12 });
    expect(parsed.answers.engagement.client).toBe('Acme Bank');
    expect(text).toMatch(
      /^ {2}currentCni: aws-vpc-cni # discovered: AWS VPC CNI: DaemonSet aws-node, image amazon-k8s-cni v1\.19\.0-eksbuild\.1$/m,
    );
    expect(text).toMatch(
      /^ {2}kubeProxyMode: iptables # discovered: .*iptables, the default \(not confirmed\)$/m,
    );
    expect(text).toMatch(
      /^ {2}sidecars: 12 # discovered: 12 running pods with the Istio proxy beside an application; gateways not counted$/m,
    );
    // Each sidecar's reserve from the proxies' requests (150m and 0.1875Gi each), in the key init left commented.
    expect(parsed.answers.mesh).toMatchObject({ sidecarCpuMillicores: 150, sidecarMemoryMiB: 192 });
    expect(text).toMatch(
      /^ {2}sidecarCpuMillicores: 150 # discovered: mean CPU request of the 12 Istio sidecars that state one: 1,800m in all$/m,
    );
    expect(text).toMatch(
      /^ {2}sidecarMemoryMiB: 192 # discovered: mean memory request of the 12 Istio sidecars that state one: 2,304 MiB in all$/m,
    );
    expect(text).not.toMatch(/# sidecar(CpuMillicores|MemoryMiB):/);
    expect(text).toMatch(/^ {2}growthPercentPerYear: 10 # ask in the workshop$/m);
    expect(text).toMatch(/^ {2}encryptionInTransit: none # ask in the workshop$/m);
    expect(text).toMatch(/^# yaml-language-server: \$schema=answers\.schema\.json$/m);
    expect(existsSync(join(dir, 'answers.schema.json'))).toBe(true);
    expect(run.err).toContain('eks-prod.json: EKS (aws), 6 worker nodes');
  });

  it('reads the capture the printed command writes, as kubectl printed it', async () => {
    const run = await runCli('discover', fixture, '--client', 'Acme Bank');
    expect(run.code).toBe(0);
    const parsed = parseAnswersText(run.out, 'stdout');
    expect(parsed.ok && parsed.answers.cluster).toMatchObject({
      nodes: 2,
      services: 3,
      platforms: ['rke2'],
      currentCni: (CNIS as readonly string[]).includes('canal') ? 'canal' : 'other',
    });
    expect(parsed.ok && parsed.answers.mesh).toMatchObject({ current: 'istio', sidecars: 2 });
    expect(run.out).toContain('Canal (Flannel networking, Calico policy): DaemonSet rke2-canal');
  });

  it('an estate of several clusters: totals, every platform and cloud, and each group of clusters run alike', async () => {
    const eks = write('eks.json', captureJson({ platform: 'eks', cni: 'aws-vpc-cni', workers: 5 }));
    const aks = write(
      'aks.json',
      captureJson({ platform: 'aks', cni: 'aks-cilium', workers: 2, mesh: 'linkerd' }),
    );
    const run = await runCli('discover', eks, aks, '--client', 'Acme');
    expect(run.code).toBe(0);
    const parsed = parseAnswersText(run.out, 'stdout');
    expect(parsed.ok && parsed.answers.cluster).toMatchObject({
      clusters: 2,
      nodes: 7,
      services: 12,
      clouds: ['aws', 'azure'],
      platforms: ['eks', 'aks'],
      currentCni: 'aws-vpc-cni',
      kubeProxyMode: 'iptables',
    });
    expect(
      parsed.ok &&
        parsed.answers.cluster.groups?.map((g) => [g.platform, g.clouds, g.clusters, g.nodes, g.currentCni]),
    ).toEqual([
      ['eks', ['aws'], 1, 5, 'aws-vpc-cni'],
      ['aks', ['azure'], 1, 2, 'cilium'],
    ]);
    expect(parsed.ok && parsed.answers.mesh).toMatchObject({ current: 'linkerd', sidecars: 5 });
    expect(run.out).toMatch(
      /# discovered: 2 groups of clusters alike in platform, CNI and kube-proxy mode: eks\.json; aks\.json/,
    );
    expect(run.err).not.toContain('the answers describe the estate by its largest group');
    // The groups fill init's commented-out `# groups:` under their description, as a block list a person reads.
    expect(run.out).not.toMatch(/^ {2}# groups:/m);
    expect(run.out).toMatch(
      /\n {2}groups: # discovered: [^\n]*\n {4}- name: EKS, AWS VPC CNI\n {6}platform: eks\n/,
    );
    expect(run.out.indexOf('  groups:')).toBeGreaterThan(run.out.indexOf('# The estate as groups run alike'));
    // Linkerd's proxies state no requests: the defaults stay, and the consultant is told.
    expect(parsed.ok && parsed.answers.mesh.sidecarCpuMillicores).toBeUndefined();
    expect(run.err).toContain(
      'warning: mesh.sidecarCpuMillicores: no Linkerd sidecar states a CPU request; the default stays; ask in the workshop',
    );
  });

  it('a secret in an environment value, an annotation or a pull secret appears nowhere, nor do names it does not recognise', async () => {
    const capture = captureJson({
      platform: 'aks',
      cni: 'azure-cni',
      workers: 3,
      mesh: 'istio',
      secret: SECRET,
    });
    expect(capture).toContain(SECRET);
    const file = write('secret.json', capture);
    const out = join(dir, 'secret.yaml');
    const run = await runCli('discover', file, '--out', out);
    expect(run.code).toBe(0);
    const stdout = (await runCli('discover', file)).out;
    for (const text of [readFileSync(out, 'utf8'), run.out, run.err, stdout]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('hunter2');
      // Node and pod names, the subscription and account in providerID and images, the node pool.
      expect(text).not.toMatch(
        /aks-nodepool1|checkout-7d9f|0b1c2d3e-aaaa|123456789012|MC_acme|DATABASE_PASSWORD/,
      );
    }
  });

  it('--out on an existing answers file changes the estate values only; every other byte stays', async () => {
    const out = join(dir, 'existing.yaml');
    expect((await runCli('init', out, '--force')).code).toBe(0);
    const edited = readFileSync(out, 'utf8')
      .replace('client: Client name', 'client: Globex # the group, not the bank')
      .replace('  nodes: 10\n', '  # our own note above nodes\n  nodes: 250 # from the CMDB\n')
      .replace('  frameworks: []', '  frameworks: [pci-dss] # their auditor says so');
    writeFileSync(out, edited);
    const file = write('calico.json', captureJson({ platform: 'kubeadm', cni: 'calico', workers: 4 }));
    expect((await runCli('discover', file, '--out', out)).code).toBe(0);
    const after = readFileSync(out, 'utf8');
    const before = edited.split('\n');
    const lines = after.split('\n');
    expect(lines).toHaveLength(before.length);
    const changed = lines.filter((line, i) => line !== before[i]).map((line) => line.split(':')[0]?.trim());
    expect(changed).toEqual([
      'clusters',
      'nodes',
      'podsPerNode',
      'services',
      'clouds',
      'currentCni',
      'platforms',
      'kubeProxyMode',
      'current',
      'sidecars',
    ]);
    expect(after).toContain('client: Globex # the group, not the bank');
    expect(after).toContain('  # our own note above nodes\n  nodes: 4 # discovered: 4 worker nodes');
    expect(after).toContain('frameworks: [pci-dss] # their auditor says so');
    expect(parseAnswersText(after, out).ok).toBe(true);
  });

  it('--out again on the file it wrote for an estate of groups: the groups are replaced in place, byte for byte the same', async () => {
    const out = join(dir, 'estate.yaml');
    const eks = write('eks-again.json', captureJson({ platform: 'eks', cni: 'aws-vpc-cni', workers: 5 }));
    const rke2 = write('rke2-again.json', captureJson({ platform: 'rke2', cni: 'canal', workers: 3 }));
    expect((await runCli('discover', eks, rke2, '--client', 'Acme', '--out', out)).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect((await runCli('discover', eks, rke2, '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
    const grown = write('rke2-grown.json', captureJson({ platform: 'rke2', cni: 'canal', workers: 8 }));
    expect((await runCli('discover', eks, grown, '--out', out)).code).toBe(0);
    const after = readFileSync(out, 'utf8');
    const parsed = parseAnswersText(after, out);
    expect(parsed.ok && parsed.answers.cluster.groups?.map((g) => g.nodes)).toEqual([8, 5]);
    expect(after.slice(after.indexOf('\ncompliance:'))).toBe(first.slice(first.indexOf('\ncompliance:')));
  });

  it('reads a gzipped capture', async () => {
    const file = write('gz.json.gz', gzipSync(captureJson({ platform: 'talos', cni: 'flannel' })));
    const parsed = parseAnswersText((await runCli('discover', file)).out, 'stdout');
    expect(parsed.ok && parsed.answers.cluster).toMatchObject({
      platforms: ['talos'],
      currentCni: 'flannel',
    });
  });

  it.each([
    ['empty.json', '', 'an empty file'],
    ['yaml.yaml', 'apiVersion: v1\nkind: List\nitems: []\n', 'YAML, not JSON'],
    [
      'truncated.json',
      captureJson({ platform: 'eks', cni: 'aws-vpc-cni' }).slice(0, 5000),
      'not valid JSON at byte 5000: it stops before its end (a truncated file?)',
    ],
    [
      'pod.json',
      JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: {}, items: [] }),
      'a JSON object of kind "Pod", not a List',
    ],
    ['array.json', '[1, 2]', 'a JSON array, not a List'],
    ['answers.yaml', 'version: 1\nengagement:\n  client: X\n', 'neither JSON nor a capture'],
    ['no-nodes.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [] }), 'a List without nodes'],
    [
      'bad-item.json',
      '{"apiVersion":"v1","kind":"List","items":[{"kind":"Node",}]}',
      'not valid JSON at byte',
    ],
    [
      'bad-line.capture',
      'cnireport-capture\tv1\nnode\tn1\t\tv1.31.2\tUbuntu\t\t\nsecret\tx\n',
      'line 3 is not a line of a capture',
    ],
  ])('%s: one line naming the file and what was expected; nothing written', async (name, text, reason) => {
    const file = write(name, text);
    const out = join(dir, `never-${name}.yaml`);
    const run = await runCli('discover', file, '--out', out);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `error: ${file}: ${reason}${run.err.slice(`error: ${file}: ${reason}`.length).split('\n')[0]}\n`,
    );
    expect(run.err).toMatch(
      /\(expected the output of the command `cnireport discover --print-command` prints, or of `kubectl get nodes,pods,services,daemonsets -A -o json`\)\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('a missing file and a folder', async () => {
    expect((await runCli('discover', join(dir, 'nope.json'))).err).toBe(
      `error: ${join(dir, 'nope.json')}: no such file\n`,
    );
    expect((await runCli('discover', dir)).err).toBe(
      `error: ${dir}: is a directory (expected a capture file)\n`,
    );
    expect((await runCli('discover')).err).toContain('error: no captures and no --context');
  });

  it('--print-command: the read-only command and what it collects', async () => {
    const run = await runCli('discover', '--print-command');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'kubectl get nodes,pods,services,daemonsets --all-namespaces -o jsonpath=\'{"cnireport-capture\\tv2\\n"}',
    );
    expect(run.out).toContain(
      'No environment values, annotations, other labels, secrets or other arguments are collected.',
    );
    expect(run.out).toContain(
      'kubectl get nodes,pods,services,daemonsets --all-namespaces -o json > CLUSTER.json',
    );
  });
});
