import type { CLOUDS, CNIS, MESHES, PLATFORMS } from '../schema/answers.js';
import type { PlatformLabel } from './object-facts.js';

/**
 * How each CNI, platform, cloud and mesh shows itself in a capture: the names and images their projects
 * publish. Domain knowledge, kept as data: the recognisers only walk these tables.
 */

/** Where a CNI is recognised, in this order: the first that matches is the cluster's CNI. */
export interface CniSignature {
  /** What the evidence calls it. */
  name: string;
  /** The answers file's currentCni value; `fallback` where the format does not have this value yet. */
  answer: string;
  fallback: (typeof CNIS)[number];
  /** A DaemonSet whose name matches, or one of whose containers' images matches. */
  daemonSet?: RegExp;
  image?: RegExp;
  /** Only on this platform (the managed Cilium of AKS is Cilium on AKS, from Microsoft's registry). */
  platform?: (typeof PLATFORMS)[number];
}

export const CNI_SIGNATURES: readonly CniSignature[] = [
  {
    // OpenShift's default network and the upstream project: ovnkube-node on every node.
    name: 'OVN-Kubernetes',
    answer: 'ovn-kubernetes',
    fallback: 'other',
    daemonSet: /^ovnkube-node$/,
    image: /\/ovn-kubernetes(:|@|$)|\/ovn-daemonset/,
  },
  {
    // https://cloud.google.com/kubernetes-engine/docs/concepts/dataplane-v2: "a DaemonSet named anetd".
    name: 'GKE Dataplane V2 (Cilium managed by GKE)',
    answer: 'cilium',
    fallback: 'cilium',
    daemonSet: /^anetd$/,
  },
  {
    // https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium: Cilium from mcr.microsoft.com.
    name: 'Azure CNI Powered by Cilium (Cilium managed by AKS)',
    answer: 'cilium',
    fallback: 'cilium',
    platform: 'aks',
    image: /(^|\/)oss\/cilium\/cilium(:|@|$)/,
  },
  {
    name: 'Cilium',
    answer: 'cilium',
    fallback: 'cilium',
    daemonSet: /^cilium$/,
    image: /\/cilium(-ee)?(:|@|$)/,
  },
  {
    name: 'Weave Net',
    answer: 'weave',
    fallback: 'weave',
    daemonSet: /^weave-net$/,
    image: /\/weave-kube(:|@|$)/,
  },
  {
    // Calico's policy over Flannel's network in one DaemonSet; RKE2's default (rke2-canal).
    name: 'Canal (Flannel networking, Calico policy)',
    answer: 'canal',
    fallback: 'other',
    daemonSet: /^(rke2-)?canal$/,
  },
  {
    name: 'AWS VPC CNI',
    answer: 'aws-vpc-cni',
    fallback: 'aws-vpc-cni',
    daemonSet: /^aws-node$/,
    image: /\/amazon-k8s-cni(:|@|$)/,
  },
  {
    name: 'Azure CNI',
    answer: 'azure-cni',
    fallback: 'azure-cni',
    daemonSet: /^(azure-cns|azure-cni-networkmonitor)$/,
    image: /\/containernetworking\/(azure-cns|azure-cni)(:|@|$)/,
  },
  {
    name: 'Calico',
    answer: 'calico',
    fallback: 'calico',
    daemonSet: /^calico-node$/,
    image: /\/calico\/node(:|@|$)/,
  },
  {
    name: 'Flannel',
    answer: 'flannel',
    fallback: 'flannel',
    daemonSet: /^kube-flannel(-ds)?$/,
    image: /\/(flannel|mirrored-flannelcni-flannel)(:|@|$)/,
  },
];

/** Platforms told apart by a node's kubelet version, OS image or labels; the first that matches wins. */
export interface PlatformSignature {
  platform: (typeof PLATFORMS)[number];
  name: string;
  kubeletVersion?: RegExp;
  osImage?: RegExp;
  labels?: readonly PlatformLabel[];
  /** A node's name must match as well as one of the above: a mode of a platform, told by how it names its nodes. */
  nodeName?: RegExp;
  /** Why a cluster found by this signature is an inference, not a fact: a sign the provider does not document. */
  unconfirmed?: string;
  /** A cluster with any node of this other platform is that platform, and the consultant is told why. */
  yieldsTo?: { platform: (typeof PLATFORMS)[number]; because: string };
  /** The cloud it implies when the node has no providerID. */
  cloud?: (typeof CLOUDS)[number];
  /** The CNI it runs without a DaemonSet of its own, when none is seen (k3s builds Flannel in), and how it does. */
  builtInCni?: { name: string; answer: (typeof CNIS)[number]; how: string };
  /** kube-proxy runs inside the distribution's own process, so no pod shows it. */
  builtInKubeProxy?: boolean;
}

export const PLATFORM_SIGNATURES: readonly PlatformSignature[] = [
  {
    platform: 'openshift',
    name: 'OpenShift',
    labels: ['node.openshift.io/os_id'],
    osImage: /CoreOS/,
  },
  {
    platform: 'eks',
    name: 'EKS',
    kubeletVersion: /-eks-/,
    labels: ['eks.amazonaws.com/nodegroup', 'eks.amazonaws.com/compute-type'],
    cloud: 'aws',
  },
  { platform: 'aks', name: 'AKS', labels: ['kubernetes.azure.com/cluster'], cloud: 'azure' },
  {
    // Autopilot names its nodes gk3-…, Standard's node pools gke-…: "only Autopilot clusters have nodes with the
    // prefix gk3-" (Google's Config Sync, https://github.com/GoogleContainerTools/kpt-config-sync/blob/5f19282a2007b323cef2351763a6ba104b80dd2f/pkg/util/autopilot.go,
    // checked 2026-12-07). Config Sync has told Autopilot by its admission webhooks instead since August 2022, which
    // a capture does not read, and GKE's pages do not state the prefix: an inference, asked in the workshop.
    platform: 'gke-autopilot',
    name: 'GKE Autopilot',
    nodeName: /^gk3-/,
    kubeletVersion: /-gke\./,
    labels: ['cloud.google.com/gke-nodepool'],
    cloud: 'gcp',
    unconfirmed:
      "gk3- is how Google's own Config Sync told Autopilot's nodes; GKE's documentation does not state it",
    // https://cloud.google.com/kubernetes-engine/docs/how-to/autopilot-classes-standard-clusters (checked
    // 2026-12-07): a Standard cluster runs Autopilot workloads on nodes GKE manages, beside its own node pools.
    yieldsTo: {
      platform: 'gke',
      because: 'a Standard cluster runs Autopilot workloads on nodes GKE manages beside its own node pools',
    },
    // https://docs.cloud.google.com/kubernetes-engine/enterprise/clusters/docs/dataplane-v2 (checked 2026-12-07):
    // Dataplane V2 is "enabled by default in Autopilot clusters".
    builtInCni: {
      name: 'GKE Dataplane V2 (Cilium managed by GKE)',
      answer: 'cilium',
      how: 'by default',
    },
  },
  {
    platform: 'gke',
    name: 'GKE',
    kubeletVersion: /-gke\./,
    labels: ['cloud.google.com/gke-nodepool'],
    cloud: 'gcp',
  },
  { platform: 'rke2', name: 'RKE2', kubeletVersion: /\+rke2/ },
  // https://docs.k3s.io/networking/basic-network-options: Flannel is embedded; kube-proxy runs in the k3s process.
  {
    platform: 'k3s',
    name: 'k3s',
    kubeletVersion: /\+k3s/,
    builtInCni: { name: 'Flannel', answer: 'flannel', how: 'inside its own process by default' },
    builtInKubeProxy: true,
  },
  { platform: 'talos', name: 'Talos', osImage: /^Talos\b/ },
];

/**
 * The cloud a node's providerID names (`aws:///us-east-1a/i-…`): the scheme only, never the rest. null: a
 * scheme that names no cloud (k3s and kind write their own), read as no providerID.
 */
export const PROVIDER_CLOUDS: Readonly<Record<string, (typeof CLOUDS)[number] | null>> = {
  k3s: null,
  kind: null,
  aws: 'aws',
  azure: 'azure',
  gce: 'gcp',
  oci: 'oracle',
  ibm: 'ibm',
  alicloud: 'alibaba',
  vsphere: 'on-prem',
  openstack: 'on-prem',
  ovirt: 'on-prem',
  kubevirt: 'on-prem',
  metal3: 'on-prem',
};

/** A mesh and the names its parts run under. */
export interface MeshSignature {
  mesh: (typeof MESHES)[number];
  name: string;
  /** Its proxy's container name beside an application (a sidecar), or alone in a gateway pod. */
  proxyContainer: string;
  /** Only a proxy whose image matches is this mesh's (App Mesh's container is a plain "envoy"). */
  proxyImage?: RegExp;
  /** Its control plane's images, which show the mesh even where no pod has a sidecar. */
  controlPlaneImage?: RegExp;
  /** DaemonSets of its node agents (Istio's ambient mode: ztunnel), and their image: not gateways. */
  nodeAgents?: RegExp;
  nodeAgentImage?: RegExp;
}

export const MESH_SIGNATURES: readonly MeshSignature[] = [
  {
    mesh: 'istio',
    name: 'Istio',
    proxyContainer: 'istio-proxy',
    controlPlaneImage: /\/pilot(:|@|$)/,
    nodeAgents: /^ztunnel$/,
    // https://github.com/istio/istio/blob/master/manifests/charts/ztunnel/templates/daemonset.yaml: its container is istio-proxy.
    nodeAgentImage: /\/ztunnel(:|@|$)/,
  },
  {
    mesh: 'linkerd',
    name: 'Linkerd',
    proxyContainer: 'linkerd-proxy',
    controlPlaneImage: /\/linkerd\/(controller|policy-controller)(:|@|$)/,
  },
  {
    mesh: 'consul',
    name: 'Consul',
    proxyContainer: 'consul-dataplane',
    controlPlaneImage: /\/consul(-enterprise)?(:|@|$)/,
  },
  { mesh: 'kuma', name: 'Kuma', proxyContainer: 'kuma-sidecar', controlPlaneImage: /\/kuma-cp(:|@|$)/ },
  { mesh: 'other', name: 'AWS App Mesh', proxyContainer: 'envoy', proxyImage: /\/aws-appmesh-envoy(:|@|$)/ },
];

/** An image's name and tag without its registry or digest: `quay.io/cilium/cilium:v1.16.3@sha…` → `cilium/cilium:v1.16.3`. */
export function shortImage(image: string): string {
  const [withoutDigest = ''] = image.split('@');
  const parts = withoutDigest.split('/');
  // The first part is a registry when it has a dot, a colon or is localhost (the distribution reference rule).
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? '')) parts.shift();
  return parts.slice(-2).join('/');
}

/** An image's tag when it is a version (v1.16.3, 3.28.1-eks), else nothing: tags can be anything. */
export function imageVersion(image: string): string | undefined {
  const [withoutDigest = ''] = image.split('@');
  const tag = /:([^/:]+)$/.exec(withoutDigest)?.[1];
  return tag !== undefined && /^v?\d+(\.\d+){1,3}([-+.][A-Za-z0-9.]{1,24})?$/.test(tag) ? tag : undefined;
}
