import {
  type ContainerSpec,
  daemonSet,
  type KubeObject,
  list,
  type NodeSpec,
  node,
  pod,
  service,
} from './kube-objects.js';

/**
 * Clusters as their platforms and CNIs really set them up (node names, providerIDs, kubelet versions, the
 * DaemonSets and images each project ships), small enough to read: a few workers, a few pods each.
 */

export type PlatformId =
  | 'eks'
  | 'aks'
  | 'gke'
  | 'gke-autopilot'
  | 'openshift'
  | 'rke2'
  | 'k3s'
  | 'talos'
  | 'kubeadm';
export type CniId =
  | 'flannel'
  | 'canal'
  | 'calico'
  | 'cilium'
  | 'aws-vpc-cni'
  | 'azure-cni'
  | 'weave'
  | 'ovn-kubernetes'
  | 'aks-cilium'
  | 'gke-dataplane-v2'
  | 'k3s-builtin';
export type MeshId = 'istio' | 'istio-native' | 'istio-ambient' | 'linkerd' | 'none';

const PLATFORM_NODES: Record<PlatformId, (i: number) => NodeSpec> = {
  eks: (i) => ({
    name: `ip-10-0-${i}-17.eu-west-1.compute.internal`,
    kubeletVersion: 'v1.31.2-eks-7f9249a',
    providerID: `aws:///eu-west-1a/i-0a1b2c3d4e5f6070${i}`,
    osImage: 'Amazon Linux 2023.6.20241031',
    labels: { 'eks.amazonaws.com/nodegroup': 'payments-ng', 'eks.amazonaws.com/capacityType': 'ON_DEMAND' },
  }),
  aks: (i) => ({
    name: `aks-nodepool1-31415926-vmss00000${i}`,
    kubeletVersion: 'v1.30.5',
    providerID: `azure:///subscriptions/0b1c2d3e-aaaa-bbbb-cccc-000000000001/resourceGroups/mc_acme_prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-31415926-vmss/virtualMachines/${i}`,
    osImage: 'Ubuntu 22.04.5 LTS',
    labels: {
      'kubernetes.azure.com/cluster': 'MC_acme_prod_westeurope',
      'kubernetes.azure.com/role': 'agent',
    },
  }),
  gke: (i) => ({
    name: `gke-prod-default-pool-8c1f2e3d-${i}x9z`,
    kubeletVersion: 'v1.31.1-gke.1678000',
    providerID: `gce://acme-prod/europe-west1-b/gke-prod-default-pool-8c1f2e3d-${i}x9z`,
    osImage: 'Container-Optimized OS from Google',
    labels: {
      'cloud.google.com/gke-nodepool': 'default-pool',
      'cloud.google.com/gke-os-distribution': 'cos',
    },
  }),
  // Autopilot's nodes: gk3-<cluster>-<pool>-…, in pools GKE names and creates itself (pool-N, nap-…).
  'gke-autopilot': (i) => ({
    name: `gk3-shop-prod-pool-2-3f1a9c2e-${i}k7w`,
    kubeletVersion: 'v1.31.5-gke.1233000',
    providerID: `gce://acme-prod/europe-west1-c/gk3-shop-prod-pool-2-3f1a9c2e-${i}k7w`,
    osImage: 'Container-Optimized OS from Google',
    labels: {
      'cloud.google.com/gke-nodepool': 'pool-2',
      'cloud.google.com/gke-os-distribution': 'cos',
    },
  }),
  openshift: (i) => ({
    name: `worker-${i}.ocp.acme.internal`,
    kubeletVersion: 'v1.30.6',
    providerID: `vsphere://4206c1d2-5e6f-7a8b-9c0d-1e2f3a4b5c6${i}`,
    osImage: 'Red Hat Enterprise Linux CoreOS 417.94.202411201839-0',
    labels: { 'node.openshift.io/os_id': 'rhcos', 'node-role.kubernetes.io/worker': '' },
  }),
  rke2: (i) => ({
    name: `rke2-agent-${i}`,
    kubeletVersion: 'v1.30.6+rke2r1',
    osImage: 'SUSE Linux Enterprise Server 15 SP6',
  }),
  k3s: (i) => ({
    name: `k3s-node-${i}`,
    kubeletVersion: 'v1.31.2+k3s1',
    providerID: `k3s://k3s-node-${i}`,
    osImage: 'Ubuntu 24.04.1 LTS',
    labels: { 'node.kubernetes.io/instance-type': 'k3s' },
  }),
  talos: (i) => ({ name: `talos-worker-${i}`, kubeletVersion: 'v1.31.2', osImage: 'Talos (v1.8.3)' }),
  kubeadm: (i) => ({
    name: `node-${i}.dc1.acme.internal`,
    kubeletVersion: 'v1.31.2',
    osImage: 'Ubuntu 24.04.1 LTS',
  }),
};

interface CniSetup {
  daemonSets: { name: string; namespace: string; containers: ContainerSpec[] }[];
  /** Services reach pods without kube-proxy. */
  replacesKubeProxy?: boolean;
}

const CNI_SETUPS: Record<CniId, CniSetup> = {
  flannel: {
    daemonSets: [
      {
        name: 'kube-flannel-ds',
        namespace: 'kube-flannel',
        containers: [{ name: 'kube-flannel', image: 'docker.io/flannel/flannel:v0.26.1' }],
      },
    ],
  },
  canal: {
    daemonSets: [
      {
        name: 'rke2-canal',
        namespace: 'kube-system',
        containers: [
          { name: 'calico-node', image: 'rancher/hardened-calico:v3.28.2-build20241016' },
          { name: 'kube-flannel', image: 'rancher/hardened-flannel:v0.25.7-build20241008' },
        ],
      },
    ],
  },
  calico: {
    daemonSets: [
      {
        name: 'calico-node',
        namespace: 'calico-system',
        containers: [{ name: 'calico-node', image: 'docker.io/calico/node:v3.29.1' }],
      },
      {
        name: 'csi-node-driver',
        namespace: 'calico-system',
        containers: [{ name: 'calico-csi', image: 'docker.io/calico/csi:v3.29.1' }],
      },
    ],
  },
  cilium: {
    daemonSets: [
      {
        name: 'cilium',
        namespace: 'kube-system',
        containers: [
          {
            name: 'cilium-agent',
            image:
              'quay.io/cilium/cilium:v1.16.4@sha256:d55ec38938854133e06739b1af237932b9c4dd4e75e9b7b2ca3acc72540a44bf',
          },
        ],
      },
      {
        name: 'cilium-envoy',
        namespace: 'kube-system',
        containers: [
          {
            name: 'cilium-envoy',
            image: 'quay.io/cilium/cilium-envoy:v1.30.7-1731393961-97edc2815e2c6a174d3d12e71731d54f5d32ea16',
          },
        ],
      },
    ],
    replacesKubeProxy: true,
  },
  'aws-vpc-cni': {
    daemonSets: [
      {
        name: 'aws-node',
        namespace: 'kube-system',
        containers: [
          {
            name: 'aws-node',
            image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.0-eksbuild.1',
          },
          {
            name: 'aws-eks-nodeagent',
            image:
              '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon/aws-network-policy-agent:v1.1.5-eksbuild.1',
          },
        ],
      },
    ],
  },
  'azure-cni': {
    daemonSets: [
      {
        name: 'azure-cns',
        namespace: 'kube-system',
        containers: [
          { name: 'cns-container', image: 'mcr.microsoft.com/containernetworking/azure-cns:v1.6.13' },
        ],
      },
      {
        name: 'azure-ip-masq-agent',
        namespace: 'kube-system',
        containers: [
          { name: 'azure-ip-masq-agent', image: 'mcr.microsoft.com/oss/kubernetes/ip-masq-agent:v2.5.0.12' },
        ],
      },
    ],
  },
  weave: {
    daemonSets: [
      {
        name: 'weave-net',
        namespace: 'kube-system',
        containers: [
          { name: 'weave', image: 'ghcr.io/weaveworks/launcher/weave-kube:2.8.1' },
          { name: 'weave-npc', image: 'ghcr.io/weaveworks/launcher/weave-npc:2.8.1' },
        ],
      },
    ],
  },
  'ovn-kubernetes': {
    daemonSets: [
      {
        name: 'ovnkube-node',
        namespace: 'openshift-ovn-kubernetes',
        containers: [
          {
            name: 'ovn-controller',
            image:
              'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:2f4d6c1b0e2a3f4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b',
          },
          {
            name: 'ovnkube-controller',
            image:
              'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:2f4d6c1b0e2a3f4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b',
          },
        ],
      },
    ],
    replacesKubeProxy: true,
  },
  'aks-cilium': {
    daemonSets: [
      {
        name: 'cilium',
        namespace: 'kube-system',
        containers: [{ name: 'cilium-agent', image: 'mcr.microsoft.com/oss/cilium/cilium:1.16.5-250110' }],
      },
      {
        name: 'azure-cns',
        namespace: 'kube-system',
        containers: [
          { name: 'cns-container', image: 'mcr.microsoft.com/containernetworking/azure-cns:v1.6.13' },
        ],
      },
    ],
    replacesKubeProxy: true,
  },
  'gke-dataplane-v2': {
    daemonSets: [
      {
        name: 'anetd',
        namespace: 'kube-system',
        containers: [{ name: 'cilium-agent', image: 'gke.gcr.io/cilium/cilium:v1.14.12-gke1.200' }],
      },
      {
        name: 'netd',
        namespace: 'kube-system',
        containers: [{ name: 'install-cni', image: 'gke.gcr.io/netd-amd64:v0.8.0-gke.2' }],
      },
    ],
    replacesKubeProxy: true,
  },
  'k3s-builtin': { daemonSets: [] },
};

export interface ClusterScenario {
  platform: PlatformId;
  cni: CniId;
  workers?: number;
  /** Control-plane nodes that ordinary pods cannot use (not workers). */
  controlPlane?: number;
  /** Application pods per worker, besides the DaemonSets' pods. */
  appsPerWorker?: number;
  services?: number;
  mesh?: MeshId;
  /** kube-proxy as a DaemonSet (with its mode on the command line, or not), or absent. */
  kubeProxy?: { mode?: string } | 'absent';
  /** A secret in an application's environment, an annotation and a pull secret, which must appear nowhere. */
  secret?: string;
}

const app = (i: number, w: number) => `checkout-7d9f8b6c5-${i}${w}q4x`;

/** The objects `kubectl get nodes,pods,services,daemonsets -A` returns for the scenario. */
export function clusterObjects(s: ClusterScenario): KubeObject[] {
  const workers = s.workers ?? 3;
  const appsPerWorker = s.appsPerWorker ?? 4;
  const cni = CNI_SETUPS[s.cni];
  const nodes = Array.from({ length: workers }, (_, i) => node(PLATFORM_NODES[s.platform](i + 1)));
  const controlPlane = Array.from({ length: s.controlPlane ?? 0 }, (_, i) =>
    node({ ...PLATFORM_NODES[s.platform](90 + i), name: `control-plane-${i + 1}`, controlPlaneOnly: true }),
  );
  const everyNode = [...nodes, ...controlPlane].map((n) => (n.metadata as { name: string }).name);
  const objects: KubeObject[] = [...nodes, ...controlPlane];
  const kubeProxy = s.kubeProxy ?? (cni.replacesKubeProxy || s.platform === 'k3s' ? 'absent' : {});
  const daemonSets = [...cni.daemonSets];
  if (kubeProxy !== 'absent')
    daemonSets.push({
      name: 'kube-proxy',
      namespace: 'kube-system',
      containers: [
        {
          name: 'kube-proxy',
          image: 'registry.k8s.io/kube-proxy:v1.31.2',
          command: [
            '/usr/local/bin/kube-proxy',
            '--config=/var/lib/kube-proxy/config.conf',
            '--hostname-override=$(NODE_NAME)',
          ],
          ...(kubeProxy.mode === undefined ? {} : { args: [`--proxy-mode=${kubeProxy.mode}`] }),
        },
      ],
    });
  if (s.mesh === 'istio-ambient')
    daemonSets.push(
      {
        name: 'ztunnel',
        namespace: 'istio-system',
        containers: [{ name: 'istio-proxy', image: 'docker.io/istio/ztunnel:1.24.1-distroless' }],
      },
      {
        name: 'istio-cni-node',
        namespace: 'istio-system',
        containers: [{ name: 'install-cni', image: 'docker.io/istio/install-cni:1.24.1-distroless' }],
      },
    );
  for (const ds of daemonSets) {
    objects.push(daemonSet({ ...ds, scheduled: everyNode.length }));
    for (const [i, nodeName] of everyNode.entries())
      objects.push(
        pod({ name: `${ds.name}-${i}k7m2p`, namespace: ds.namespace, nodeName, containers: ds.containers }),
      );
  }
  const secretEnv = s.secret === undefined ? undefined : { DATABASE_PASSWORD: s.secret, LOG_LEVEL: 'info' };
  for (const [w, nodeName] of everyNode.slice(0, workers).entries()) {
    for (let i = 0; i < appsPerWorker; i += 1) {
      const main: ContainerSpec = {
        name: 'checkout',
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme/checkout:2.14.0',
        ...(secretEnv === undefined ? {} : { env: secretEnv }),
      };
      const meshed = s.mesh !== undefined && s.mesh !== 'none' && s.mesh !== 'istio-ambient' && i % 2 === 0;
      const proxy: ContainerSpec | undefined = !meshed
        ? undefined
        : s.mesh === 'linkerd'
          ? // Linkerd sets no proxy requests unless configured to (its chart's proxy.resources are empty).
            { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:edge-24.11.8', requests: 'none' }
          : // Above Istio's default requests (100m, 128Mi), so the test tells them from the other containers'.
            {
              name: 'istio-proxy',
              image: 'docker.io/istio/proxyv2:1.24.1',
              args: ['proxy', 'sidecar'],
              requests: { cpu: '150m', memory: '0.1875Gi' },
            };
      objects.push(
        pod({
          name: app(i, w),
          namespace: 'shop',
          nodeName,
          containers: proxy !== undefined && s.mesh !== 'istio-native' ? [main, proxy] : [main],
          ...(proxy !== undefined && s.mesh === 'istio-native'
            ? { initContainers: [{ ...proxy, restartPolicy: 'Always' as const }] }
            : {}),
          ...(s.secret === undefined
            ? {}
            : {
                annotations: {
                  'acme.example/api-token': s.secret,
                  'kubectl.kubernetes.io/last-applied-configuration': `{"token":"${s.secret}"}`,
                },
                imagePullSecrets: [`regcred-${s.secret}`],
              }),
        }),
      );
    }
  }
  const firstWorker = everyNode[0] ?? '';
  if (s.mesh === 'istio' || s.mesh === 'istio-native' || s.mesh === 'istio-ambient') {
    objects.push(
      pod({
        name: 'istiod-5c8d9f7b6-x2k4p',
        namespace: 'istio-system',
        nodeName: firstWorker,
        containers: [{ name: 'discovery', image: 'docker.io/istio/pilot:1.24.1' }],
      }),
    );
    objects.push(
      pod({
        name: 'istio-ingressgateway-6f7d8c9b5-r8t2w',
        namespace: 'istio-system',
        nodeName: firstWorker,
        containers: [
          { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.24.1', args: ['proxy', 'router'] },
        ],
      }),
    );
  }
  if (s.mesh === 'linkerd')
    objects.push(
      pod({
        name: 'linkerd-destination-7b9c8d6f5-p4q2z',
        namespace: 'linkerd',
        nodeName: firstWorker,
        containers: [
          { name: 'destination', image: 'cr.l5d.io/linkerd/controller:edge-24.11.8' },
          { name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:edge-24.11.8', requests: 'none' },
        ],
      }),
    );
  // Pods that are not running: one waiting for a node, one finished job, one failed.
  objects.push(
    pod({
      name: 'report-job-28871234-abcde',
      namespace: 'batch',
      phase: 'Pending',
      containers: [{ name: 'report', image: 'acme/report:1.0.0' }],
    }),
  );
  objects.push(
    pod({
      name: 'report-job-28871233-fghij',
      namespace: 'batch',
      nodeName: firstWorker,
      phase: 'Succeeded',
      containers: [{ name: 'report', image: 'acme/report:1.0.0' }],
    }),
  );
  objects.push(
    pod({
      name: 'migrate-28871232-klmno',
      namespace: 'batch',
      nodeName: firstWorker,
      phase: 'Failed',
      containers: [{ name: 'migrate', image: 'acme/migrate:1.0.0' }],
    }),
  );
  objects.push(service('kubernetes', 'default'));
  for (let i = 1; i < (s.services ?? 6); i += 1)
    objects.push(
      service(`svc-${i}`, 'shop', s.secret === undefined ? undefined : { 'acme.example/token': s.secret }),
    );
  return objects;
}

/** The capture as `kubectl get nodes,pods,services,daemonsets -A -o json` prints it. */
export function captureJson(s: ClusterScenario): string {
  return `${JSON.stringify(list(clusterObjects(s)), null, 4)}\n`;
}
