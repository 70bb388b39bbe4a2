import type { MESHES } from '../schema/answers.js';
import type { ContainerFacts, DaemonSetFacts, NodeFacts, ObjectFacts, PodFacts } from './object-facts.js';
import { MESH_SIGNATURES, type MeshSignature } from './signatures.js';

type MeshId = (typeof MESHES)[number];

/** Requests added up over the sidecars that state one (the others are counted apart, not as zero). */
export interface RequestSums {
  cpuMillicores: number;
  withCpu: number;
  memoryMiB: number;
  withMemory: number;
}

/** What the pods on one node add up to. */
export interface NodeTally {
  running: number;
  /** Running pods with a mesh's proxy beside an application, by mesh. */
  sidecars: Partial<Record<MeshId, number>>;
  /** Those sidecars' proxy requests, by mesh. */
  sidecarRequests: Partial<Record<MeshId, RequestSums>>;
}

export const noRequests = (): RequestSums => ({ cpuMillicores: 0, withCpu: 0, memoryMiB: 0, withMemory: 0 });

/** Adds one sidecar's proxy (or proxies) to the sums. */
function addRequests(sums: RequestSums, proxies: readonly ContainerFacts[]): void {
  const cpu = proxies.filter((p) => p.cpuMillicores !== undefined);
  const memory = proxies.filter((p) => p.memoryMiB !== undefined);
  if (cpu.length > 0) {
    sums.cpuMillicores += cpu.reduce((sum, p) => sum + (p.cpuMillicores ?? 0), 0);
    sums.withCpu += 1;
  }
  if (memory.length > 0) {
    sums.memoryMiB += memory.reduce((sum, p) => sum + (p.memoryMiB ?? 0), 0);
    sums.withMemory += 1;
  }
}

/**
 * One cluster's capture, added up object by object so that a capture of any size costs memory for its
 * nodes and DaemonSets only: a pod leaves nothing but counts on its node's tally.
 */
export interface ClusterTally {
  nodes: NodeFacts[];
  daemonSets: DaemonSetFacts[];
  services: number;
  /** Running pods, by the node they run on ('' for none). */
  byNode: Map<string, NodeTally>;
  /** Pods not running (pending, finished, failed, unknown): not counted anywhere else. */
  notRunning: number;
  /** Running gateway pods (a mesh's proxy alone), by mesh: not sidecars. */
  gateways: Partial<Record<MeshId, number>>;
  /** Running control-plane pods, by mesh. */
  controlPlanes: Partial<Record<MeshId, number>>;
  /** Running pods of kube-proxy that no DaemonSet owns here (static pods), and the modes their commands name. */
  kubeProxyPods: number;
  kubeProxyModes: Set<string>;
}

export function emptyTally(): ClusterTally {
  return {
    nodes: [],
    daemonSets: [],
    services: 0,
    byNode: new Map(),
    notRunning: 0,
    gateways: {},
    controlPlanes: {},
    kubeProxyPods: 0,
    kubeProxyModes: new Set(),
  };
}

const bump = (counts: Partial<Record<MeshId, number>>, mesh: MeshId) => {
  counts[mesh] = (counts[mesh] ?? 0) + 1;
};

const isProxyOf = (signature: MeshSignature, c: { name: string; image: string }) =>
  c.name === signature.proxyContainer &&
  (signature.proxyImage === undefined || signature.proxyImage.test(c.image));

const NONE: readonly ContainerFacts[] = [];

/** The pod's containers (native sidecars included) that are this mesh's proxy; most pods have none. */
function proxiesOf(pod: PodFacts, signature: MeshSignature): readonly ContainerFacts[] {
  const isProxy = (c: ContainerFacts) => isProxyOf(signature, c);
  if (!pod.containers.some(isProxy) && !pod.nativeSidecars.some(isProxy)) return NONE;
  return [...pod.containers.filter(isProxy), ...pod.nativeSidecars.filter(isProxy)];
}

function addPod(tally: ClusterTally, pod: PodFacts): void {
  if (!pod.running) {
    tally.notRunning += 1;
    return;
  }
  let node = tally.byNode.get(pod.nodeName);
  if (node === undefined) {
    node = { running: 0, sidecars: {}, sidecarRequests: {} };
    tally.byNode.set(pod.nodeName, node);
  }
  node.running += 1;
  if (pod.containers.some((c) => c.name === 'kube-proxy')) {
    tally.kubeProxyPods += 1;
    if (pod.proxyMode !== undefined) tally.kubeProxyModes.add(pod.proxyMode);
  }
  for (const signature of MESH_SIGNATURES) {
    const proxies = proxiesOf(pod, signature);
    const agent = proxies.some((c) => signature.nodeAgentImage?.test(c.image));
    if (proxies.length > 0 && !agent) {
      // A proxy beside an application is a sidecar; a proxy alone is a gateway (ingress, egress, waypoint).
      const application = pod.containers.some((c) => !isProxyOf(signature, c));
      bump(application ? node.sidecars : tally.gateways, signature.mesh);
      if (application) {
        const sums = node.sidecarRequests[signature.mesh] ?? noRequests();
        node.sidecarRequests[signature.mesh] = sums;
        addRequests(sums, proxies);
      }
    }
    if (
      signature.controlPlaneImage !== undefined &&
      pod.containers.some((c) => signature.controlPlaneImage?.test(c.image))
    )
      bump(tally.controlPlanes, signature.mesh);
  }
}

/** Adds one object's facts to the cluster's tally. */
export function addToTally(tally: ClusterTally, object: ObjectFacts): void {
  switch (object.kind) {
    case 'Node':
      tally.nodes.push(object.facts);
      return;
    case 'Pod':
      addPod(tally, object.facts);
      return;
    case 'Service':
      tally.services += 1;
      return;
    case 'DaemonSet':
      tally.daemonSets.push(object.facts);
      return;
  }
}

function addCounts(into: Partial<Record<MeshId, number>>, from: Partial<Record<MeshId, number>>): void {
  for (const [mesh, count] of Object.entries(from) as [MeshId, number][])
    into[mesh] = (into[mesh] ?? 0) + count;
}

function addSums(into: RequestSums, from: RequestSums): void {
  into.cpuMillicores += from.cpuMillicores;
  into.withCpu += from.withCpu;
  into.memoryMiB += from.memoryMiB;
  into.withMemory += from.withMemory;
}

/**
 * Adds the tally of a later part of the same capture (read apart, see captureRanges) to `into`: the same as
 * had one reader read both parts in order.
 */
export function mergeTally(into: ClusterTally, from: ClusterTally): void {
  into.nodes.push(...from.nodes);
  into.daemonSets.push(...from.daemonSets);
  into.services += from.services;
  for (const [name, node] of from.byNode) {
    const mine = into.byNode.get(name);
    if (mine === undefined) {
      into.byNode.set(name, node);
      continue;
    }
    mine.running += node.running;
    addCounts(mine.sidecars, node.sidecars);
    for (const [mesh, sums] of Object.entries(node.sidecarRequests) as [MeshId, RequestSums][]) {
      const own = mine.sidecarRequests[mesh] ?? noRequests();
      mine.sidecarRequests[mesh] = own;
      addSums(own, sums);
    }
  }
  into.notRunning += from.notRunning;
  addCounts(into.gateways, from.gateways);
  addCounts(into.controlPlanes, from.controlPlanes);
  into.kubeProxyPods += from.kubeProxyPods;
  for (const mode of from.kubeProxyModes) into.kubeProxyModes.add(mode);
}
