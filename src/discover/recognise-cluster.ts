import { CLOUDS, CNIS, KUBE_PROXY_MODES, type MESHES, type PLATFORMS } from '../schema/answers.js';
import { type ClusterTally, noRequests, type RequestSums } from './cluster-tally.js';
import type { DaemonSetFacts, NodeFacts } from './object-facts.js';
import {
  CNI_SIGNATURES,
  type CniSignature,
  imageVersion,
  MESH_SIGNATURES,
  PLATFORM_SIGNATURES,
  type PlatformSignature,
  PROVIDER_CLOUDS,
  shortImage,
} from './signatures.js';

type Cloud = (typeof CLOUDS)[number];
type Cni = (typeof CNIS)[number];
type Platform = (typeof PLATFORMS)[number];
type Mesh = (typeof MESHES)[number];
type KubeProxyMode = (typeof KUBE_PROXY_MODES)[number];

/** A value read from a capture and what shows it; `confirmed` false where it is a default or an inference. */
export interface Found<T> {
  value: T;
  evidence: string;
  confirmed: boolean;
}

/** One cluster as its capture shows it: counts and recognised names only. */
export interface ClusterFindings {
  /** What the consultant called it: the capture's file name or the context. */
  source: string;
  workers: number;
  controlPlaneOnly: number;
  /** Running pods not on control-plane-only nodes. */
  runningPods: number;
  notRunning: number;
  services: number;
  platform: Found<Platform> & { name: string };
  clouds: Found<Cloud[]>;
  /** `name` is what the evidence calls it; `value` the answers file's currentCni. */
  cni: Found<Cni> & { name: string; answer: string };
  kubeProxy: Found<KubeProxyMode>;
  mesh: Found<Mesh> & {
    name: string;
    sidecars: number;
    gateways: number;
    ambientNodes: number;
    /** The sidecars' proxy requests, added up over those that state them. */
    requests: RequestSums;
  };
  /** Kubelet versions and how many nodes run each, most common first. */
  versions: { version: string; nodes: number }[];
  /** Things the consultant should know that no answer holds (a second mesh, a cluster without workers). */
  notes: string[];
}

const REQUEST_KEYS = ['cpuMillicores', 'withCpu', 'memoryMiB', 'withMemory'] as const;

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function mostCommon<T>(values: readonly T[]): { value: T; count: number } | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: { value: T; count: number } | undefined;
  for (const [value, count] of counts) if (best === undefined || count > best.count) best = { value, count };
  return best;
}

function nodePlatform(node: NodeFacts): PlatformSignature | undefined {
  return PLATFORM_SIGNATURES.find(
    (s) =>
      (s.nodeName?.test(node.name) ?? true) &&
      ((s.kubeletVersion?.test(node.kubeletVersion) ?? false) ||
        (s.osImage?.test(node.osImage) ?? false) ||
        (s.labels?.some((label) => node.labels[label] !== undefined) ?? false)),
  );
}

/** What a signature's pattern says in the evidence: `-gke.` for /-gke\./, `gk3-` for /^gk3-/. */
const patternText = (pattern: RegExp) => pattern.source.replace(/\\/g, '').replace(/^\^/, '');

type PlatformFound = ClusterFindings['platform'] & { signature?: PlatformSignature; note?: string };

function platformOf(nodes: readonly NodeFacts[]): PlatformFound {
  const signatures = nodes.map(nodePlatform);
  const best = mostCommon(signatures);
  // A mode of a platform that the platform's own nodes rule out: the cluster is the platform, with such nodes too.
  const yieldsTo = best?.value?.yieldsTo?.platform;
  const signature = signatures.find((s) => yieldsTo !== undefined && s?.platform === yieldsTo) ?? best?.value;
  if (signature === undefined)
    return {
      value: 'self-managed',
      name: 'self-managed',
      evidence: `no managed service or distribution in ${plural(best?.count ?? 0, 'node')}' kubelet versions, OS images or labels`,
      confirmed: nodes.length > 0,
    };
  const count = signatures.filter((s) => s === signature).length;
  const found = platformFound(signature, count, nodes.length);
  const modes = signatures.filter((s) => s?.yieldsTo?.platform === signature.platform);
  const mode = modes[0];
  if (mode?.yieldsTo === undefined) return found;
  const named = mode.nodeName === undefined ? '' : ` named ${patternText(mode.nodeName)}`;
  return {
    ...found,
    note: `${plural(modes.length, 'node')}${named} as ${mode.name} names its nodes, beside ${plural(count, 'node')} of ${signature.name}'s own: counted as ${signature.name}, since ${mode.yieldsTo.because}; ask in the workshop`,
  };
}

function platformFound(signature: PlatformSignature, count: number, nodes: number): PlatformFound {
  const how = [
    signature.kubeletVersion === undefined ? '' : `kubelet version ${patternText(signature.kubeletVersion)}`,
    signature.osImage === undefined ? '' : 'OS image',
    signature.labels === undefined ? '' : `label ${signature.labels[0]}`,
  ].filter((x) => x !== '');
  const named = signature.nodeName === undefined ? '' : `named ${patternText(signature.nodeName)}, with `;
  return {
    value: signature.platform,
    name: signature.name,
    signature,
    evidence: `${plural(count, 'node')} of ${nodes} (${named}${how.join(', or ')})${signature.unconfirmed === undefined ? '' : `; ${signature.unconfirmed} (not confirmed)`}`,
    confirmed: signature.unconfirmed === undefined,
  };
}

function cloudsOf(nodes: readonly NodeFacts[], platform: PlatformSignature | undefined): Found<Cloud[]> {
  const clouds = new Set<Cloud>();
  const schemes = new Set<string>();
  let withoutId = 0;
  for (const node of nodes) {
    const scheme = /^([a-z0-9-]+):\/\//.exec(node.providerId)?.[1];
    if (scheme === undefined || PROVIDER_CLOUDS[scheme] === null) {
      withoutId += 1;
      continue;
    }
    const cloud = PROVIDER_CLOUDS[scheme];
    clouds.add(cloud ?? 'other');
    if (cloud !== undefined) schemes.add(`${scheme}://`);
  }
  if (withoutId > 0) clouds.add(platform?.cloud ?? 'on-prem');
  const ordered = CLOUDS.filter((c) => clouds.has(c));
  const parts = [
    schemes.size > 0 ? `providerID ${[...schemes].join(', ')}` : '',
    clouds.has('other') && withoutId < nodes.length ? 'a providerID of another provider' : '',
    withoutId > 0
      ? `${plural(withoutId, 'node')} without providerID (${platform?.cloud === undefined ? 'taken as on-premises, not confirmed' : `${platform.name} runs on ${platform.cloud}`})`
      : '',
  ].filter((x) => x !== '');
  return {
    value: ordered.length > 0 ? ordered : ['on-prem'],
    evidence: parts.join('; ') || 'no nodes',
    confirmed: withoutId === 0 || platform?.cloud !== undefined,
  };
}

const schemaHas = (value: string): value is Cni => (CNIS as readonly string[]).includes(value);

function matchesCni(signature: CniSignature, ds: DaemonSetFacts): string | undefined {
  const image = ds.containers.find((c) => signature.image?.test(c.image))?.image;
  const named = signature.daemonSet?.test(ds.name) ?? false;
  if (!named && image === undefined) return undefined;
  const shown = image ?? ds.containers[0]?.image ?? '';
  const version = imageVersion(shown);
  const imageText =
    image === undefined
      ? ''
      : ` image ${shortImage(image).split(':')[0]}${version === undefined ? '' : ` ${version}`}`;
  return named
    ? `DaemonSet ${ds.name}${imageText === '' ? '' : `,${imageText}`}`
    : `a DaemonSet running${imageText}`;
}

function cniOf(daemonSets: readonly DaemonSetFacts[], platform: PlatformFound): ClusterFindings['cni'] {
  for (const signature of CNI_SIGNATURES) {
    if (signature.platform !== undefined && signature.platform !== platform.value) continue;
    for (const ds of daemonSets) {
      const evidence = matchesCni(signature, ds);
      if (evidence === undefined) continue;
      const value = schemaHas(signature.answer) ? signature.answer : signature.fallback;
      // Another CNI's image in the same DaemonSet is the same agent (anetd runs Cilium's image), not a second CNI.
      const others = CNI_SIGNATURES.filter(
        (s) => s !== signature && daemonSets.some((d) => d !== ds && matchesCni(s, d) !== undefined),
      ).map((s) => s.name);
      return {
        value,
        name: signature.name,
        answer: signature.answer,
        evidence: `${evidence}${others.length > 0 ? `; also ${others.join(', ')} (policy or chained)` : ''}${value === signature.answer ? '' : `; written as ${value}: the answers format has no ${signature.answer} yet`}`,
        confirmed: true,
      };
    }
  }
  const builtIn = platform.signature?.builtInCni;
  if (builtIn !== undefined)
    return {
      value: builtIn.answer,
      name: builtIn.name,
      answer: builtIn.answer,
      evidence: `no CNI DaemonSet; ${platform.name} runs ${builtIn.name} ${builtIn.how} (not confirmed)`,
      confirmed: false,
    };
  return {
    value: 'other',
    name: 'not recognised',
    answer: 'other',
    evidence: `none of the known CNIs' DaemonSets among ${plural(daemonSets.length, 'DaemonSet')} (ask in the workshop)`,
    confirmed: false,
  };
}

/** kube-proxy replaced: these CNIs' clusters run without it when no kube-proxy shows. */
const REPLACES_KUBE_PROXY = new Set(['cilium', 'ovn-kubernetes']);

function kubeProxyOf(
  tally: ClusterTally,
  cni: ClusterFindings['cni'],
  platform: PlatformFound,
): Found<KubeProxyMode> {
  const daemonSet = tally.daemonSets.find((ds) => ds.name === 'kube-proxy');
  const modes = new Set(tally.kubeProxyModes);
  if (daemonSet?.proxyMode !== undefined) modes.add(daemonSet.proxyMode);
  const where =
    daemonSet !== undefined
      ? `DaemonSet kube-proxy on ${plural(daemonSet.desired, 'node')}`
      : `${plural(tally.kubeProxyPods, 'kube-proxy pod')}`;
  if (daemonSet !== undefined || tally.kubeProxyPods > 0) {
    const known = [...modes].filter((m): m is KubeProxyMode =>
      (KUBE_PROXY_MODES as readonly string[]).includes(m),
    );
    const [mode] = known;
    if (mode !== undefined && known.length === 1 && modes.size === 1)
      return { value: mode, evidence: `${where}, --proxy-mode=${mode}`, confirmed: true };
    return {
      value: 'iptables',
      evidence: `${where}; its mode is in its configuration, not the capture: iptables, the default (not confirmed)`,
      confirmed: false,
    };
  }
  if (platform.signature?.builtInKubeProxy === true)
    return {
      value: 'iptables',
      evidence: `${platform.name} runs kube-proxy inside its own process, which no pod shows: iptables, the default (not confirmed)`,
      confirmed: false,
    };
  const replaced = REPLACES_KUBE_PROXY.has(cni.answer);
  return {
    value: 'none',
    evidence: `no kube-proxy DaemonSet or pod${replaced ? `; ${cni.name} serves Services itself` : ''}`,
    confirmed: true,
  };
}

function meshOf(
  tally: ClusterTally,
  controlPlaneNames: ReadonlySet<string>,
): {
  mesh: ClusterFindings['mesh'];
  notes: string[];
} {
  const found = MESH_SIGNATURES.map((signature) => {
    let sidecars = 0;
    const requests = noRequests();
    for (const [nodeName, node] of tally.byNode) {
      if (controlPlaneNames.has(nodeName)) continue;
      sidecars += node.sidecars[signature.mesh] ?? 0;
      const sums = node.sidecarRequests[signature.mesh];
      if (sums !== undefined) for (const key of REQUEST_KEYS) requests[key] += sums[key];
    }
    const agents = tally.daemonSets.find((ds) => signature.nodeAgents?.test(ds.name));
    return {
      signature,
      sidecars,
      requests,
      gateways: tally.gateways[signature.mesh] ?? 0,
      controlPlane: tally.controlPlanes[signature.mesh] ?? 0,
      ambientNodes: agents?.desired ?? 0,
    };
  }).filter((m) => m.sidecars + m.gateways + m.controlPlane + m.ambientNodes > 0);
  found.sort((a, b) => b.sidecars - a.sidecars || b.ambientNodes - a.ambientNodes);
  const [lead, ...rest] = found;
  if (lead === undefined)
    return {
      mesh: {
        value: 'none',
        name: 'none',
        sidecars: 0,
        gateways: 0,
        ambientNodes: 0,
        requests: noRequests(),
        evidence: 'no mesh proxy, control plane or node agent in any running pod',
        confirmed: true,
      },
      notes: [],
    };
  const parts = [
    `${plural(lead.sidecars, 'running pod')} with ${lead.signature.proxyContainer} beside the application`,
    lead.gateways > 0 ? `${plural(lead.gateways, 'gateway pod')} (not sidecars)` : '',
    lead.controlPlane > 0 ? `${plural(lead.controlPlane, 'control-plane pod')}` : '',
    lead.ambientNodes > 0 ? `ambient mode: ztunnel on ${plural(lead.ambientNodes, 'node')}` : '',
  ].filter((x) => x !== '');
  return {
    mesh: {
      value: lead.signature.mesh,
      name: lead.signature.name,
      sidecars: lead.sidecars,
      requests: lead.requests,
      gateways: lead.gateways,
      ambientNodes: lead.ambientNodes,
      evidence: `${lead.signature.name}: ${parts.join(', ')}`,
      confirmed: true,
    },
    notes: rest.map(
      (m) =>
        `a second mesh, ${m.signature.name} (${plural(m.sidecars, 'sidecar')}), runs beside ${lead.signature.name}`,
    ),
  };
}

const KUBELET_VERSION = /^v\d+\.\d+\.\d+([-+][A-Za-z0-9.+-]{1,40})?$/;

/** Everything discover reads from one cluster's tally. Pure. */
export function recogniseCluster(source: string, tally: ClusterTally): ClusterFindings {
  const notes: string[] = [];
  const controlPlane = tally.nodes.filter((n) => n.controlPlaneOnly);
  let workers = tally.nodes.filter((n) => !n.controlPlaneOnly);
  if (workers.length === 0 && controlPlane.length > 0) {
    notes.push('every node is a control-plane-only node; they are counted as the workers');
    workers = controlPlane;
  }
  const workerNames = new Set(workers.map((n) => n.name));
  const controlPlaneNames = new Set(tally.nodes.filter((n) => !workerNames.has(n.name)).map((n) => n.name));
  let runningPods = 0;
  for (const [nodeName, node] of tally.byNode)
    if (!controlPlaneNames.has(nodeName)) runningPods += node.running;
  const platform = platformOf(tally.nodes);
  if (platform.note !== undefined) notes.push(platform.note);
  const cni = cniOf(tally.daemonSets, platform);
  const { mesh, notes: meshNotes } = meshOf(tally, controlPlaneNames);
  notes.push(...meshNotes);
  const versions = new Map<string, number>();
  for (const n of tally.nodes) {
    // A version as Kubernetes and the distributions write it; anything else is not repeated.
    const version = KUBELET_VERSION.test(n.kubeletVersion) ? n.kubeletVersion : 'an unrecognised version';
    versions.set(version, (versions.get(version) ?? 0) + 1);
  }
  const { signature: _signature, note: _note, ...platformShown } = platform;
  return {
    source,
    workers: workers.length,
    controlPlaneOnly: tally.nodes.length - workers.length,
    runningPods,
    notRunning: tally.notRunning,
    services: tally.services,
    platform: platformShown,
    clouds: cloudsOf(tally.nodes, platform.signature),
    cni,
    kubeProxy: kubeProxyOf(tally, cni, platform),
    mesh,
    versions: [...versions]
      .map(([version, nodes]) => ({ version, nodes }))
      .sort((a, b) => b.nodes - a.nodes || a.version.localeCompare(b.version)),
    notes,
  };
}
