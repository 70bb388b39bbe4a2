import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaptureFile } from '../../../src/discover/read-capture-file.js';
import { recogniseCluster } from '../../../src/discover/recognise-cluster.js';
import { CNIS } from '../../../src/schema/answers.js';
import { type ClusterScenario, captureJson } from '../../helpers/cluster-captures.js';

/** The answers format's own value once it has one (the platforms work adds canal and ovn-kubernetes), else other. */
const orOther = (cni: string) => ((CNIS as readonly string[]).includes(cni) ? cni : 'other');

const dir = mkdtempSync(join(tmpdir(), 'cnireport-discover-'));

async function findings(name: string, s: ClusterScenario) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, captureJson(s));
  return recogniseCluster(`${name}.json`, await readCaptureFile(file));
}

describe('each CNI and platform, from its DaemonSets, images, node labels and providerID', () => {
  it.each([
    ['eks', 'aws-vpc-cni', 'AWS VPC CNI', 'aws-vpc-cni', ['aws'], 'iptables', false],
    ['aks', 'azure-cni', 'Azure CNI', 'azure-cni', ['azure'], 'iptables', false],
    [
      'aks',
      'aks-cilium',
      'Azure CNI Powered by Cilium (Cilium managed by AKS)',
      'cilium',
      ['azure'],
      'none',
      true,
    ],
    ['gke', 'gke-dataplane-v2', 'GKE Dataplane V2 (Cilium managed by GKE)', 'cilium', ['gcp'], 'none', true],
    ['openshift', 'ovn-kubernetes', 'OVN-Kubernetes', orOther('ovn-kubernetes'), ['on-prem'], 'none', true],
    [
      'rke2',
      'canal',
      'Canal (Flannel networking, Calico policy)',
      orOther('canal'),
      ['on-prem'],
      'iptables',
      false,
    ],
    ['k3s', 'k3s-builtin', 'Flannel', 'flannel', ['on-prem'], 'iptables', false],
    ['talos', 'flannel', 'Flannel', 'flannel', ['on-prem'], 'iptables', false],
    ['kubeadm', 'calico', 'Calico', 'calico', ['on-prem'], 'iptables', false],
    ['kubeadm', 'cilium', 'Cilium', 'cilium', ['on-prem'], 'none', true],
    ['kubeadm', 'weave', 'Weave Net', 'weave', ['on-prem'], 'iptables', false],
  ] as const)('%s with %s', async (platform, cni, name, value, clouds, proxyMode, proxyConfirmed) => {
    const f = await findings(`${platform}-${cni}`, { platform, cni, workers: 3, controlPlane: 1 });
    expect(f.platform.value).toBe(platform === 'kubeadm' ? 'self-managed' : platform);
    expect(f.cni.name).toBe(name);
    expect(f.cni.value).toBe(value);
    expect(f.clouds.value).toEqual(clouds);
    expect(f.kubeProxy.value).toBe(proxyMode);
    expect(f.kubeProxy.confirmed).toBe(proxyConfirmed);
    expect(f.workers).toBe(3);
    expect(f.controlPlaneOnly).toBe(1);
    expect(f.mesh.value).toBe('none');
  });
});

describe('the mesh and the pods that carry its sidecar', () => {
  // 3 workers x 4 application pods, every other one meshed: 6 sidecars; istiod and the gateway are not.
  it.each([
    ['istio', 'istio', 'Istio', 6, 1, 0],
    ['istio-native', 'istio', 'Istio', 6, 1, 0],
    ['linkerd', 'linkerd', 'Linkerd', 7, 0, 0],
    ['istio-ambient', 'istio', 'Istio', 0, 1, 4],
  ] as const)('%s', async (mesh, value, name, sidecars, gateways, ambientNodes) => {
    const f = await findings(`mesh-${mesh}`, {
      platform: 'eks',
      cni: 'aws-vpc-cni',
      workers: 3,
      controlPlane: 1,
      mesh,
    });
    expect(f.mesh).toMatchObject({ value, name, sidecars, gateways, ambientNodes, confirmed: true });
  });

  it('without a mesh, none', async () => {
    const f = await findings('no-mesh', { platform: 'gke', cni: 'gke-dataplane-v2', mesh: 'none' });
    expect(f.mesh).toMatchObject({ value: 'none', sidecars: 0 });
  });
});

describe('counts', () => {
  it('running pods on workers only; pending, finished and failed pods and control-plane-only nodes apart', async () => {
    const f = await findings('counts', {
      platform: 'eks',
      cni: 'aws-vpc-cni',
      workers: 5,
      controlPlane: 2,
      appsPerWorker: 10,
      services: 40,
    });
    // Per worker: 10 applications, aws-node and kube-proxy.
    expect(f.runningPods).toBe(5 * 12);
    expect(f.notRunning).toBe(3);
    expect(f.services).toBe(40);
    expect(f.workers).toBe(5);
    expect(f.controlPlaneOnly).toBe(2);
    expect(f.versions).toEqual([{ version: 'v1.31.2-eks-7f9249a', nodes: 7 }]);
  });

  it('kube-proxy: its mode when the command line names it', async () => {
    const f = await findings('ipvs', { platform: 'kubeadm', cni: 'calico', kubeProxy: { mode: 'ipvs' } });
    expect(f.kubeProxy).toMatchObject({ value: 'ipvs', confirmed: true });
  });
});

describe('any JSON layout', () => {
  it("compact and two-space JSON give what kubectl's own layout gives", async () => {
    const s: ClusterScenario = {
      platform: 'eks',
      cni: 'aws-vpc-cni',
      workers: 4,
      controlPlane: 1,
      mesh: 'istio',
    };
    const layouts = [
      captureJson(s),
      JSON.stringify(JSON.parse(captureJson(s))),
      JSON.stringify(JSON.parse(captureJson(s)), null, 2),
    ];
    const read = await Promise.all(
      layouts.map(async (text, i) => {
        const file = join(dir, `layout-${i}.json`);
        writeFileSync(file, text);
        return recogniseCluster('same.json', await readCaptureFile(file));
      }),
    );
    expect(read[1]).toEqual(read[0]);
    expect(read[2]).toEqual(read[0]);
  });
});
