/**
 * The few facts discover keeps from each object of a capture. Everything else (environment values,
 * annotations, pull secrets, arguments of any container but kube-proxy's) is dropped as each object is
 * read: nothing downstream can print what it never received.
 */

/** Node labels that tell the platform apart; the only labels read. */
export const PLATFORM_LABELS = [
  'eks.amazonaws.com/nodegroup',
  'eks.amazonaws.com/compute-type',
  'kubernetes.azure.com/cluster',
  'cloud.google.com/gke-nodepool',
  'node.openshift.io/os_id',
] as const;
export type PlatformLabel = (typeof PLATFORM_LABELS)[number];

/** Taints that keep ordinary pods off a control-plane node. */
const CONTROL_PLANE_TAINTS = new Set([
  'node-role.kubernetes.io/control-plane',
  'node-role.kubernetes.io/master',
]);

export interface NodeFacts {
  name: string;
  providerId: string;
  kubeletVersion: string;
  osImage: string;
  /** A control-plane node whose taints keep ordinary pods off it: not a worker. */
  controlPlaneOnly: boolean;
  labels: Partial<Record<PlatformLabel, string>>;
}

export interface ContainerFacts {
  name: string;
  image: string;
}

export interface PodFacts {
  nodeName: string;
  running: boolean;
  containers: ContainerFacts[];
  /** Init containers with restartPolicy Always: native sidecars, which run beside the app. */
  nativeSidecars: ContainerFacts[];
  /** kube-proxy's --proxy-mode, when this pod runs kube-proxy with it on the command line. */
  proxyMode: string | undefined;
}

export interface DaemonSetFacts {
  namespace: string;
  name: string;
  /** Nodes it should run on (status.desiredNumberScheduled). */
  desired: number;
  containers: ContainerFacts[];
  proxyMode: string | undefined;
}

export type ObjectFacts =
  | { kind: 'Node'; facts: NodeFacts }
  | { kind: 'Pod'; facts: PodFacts }
  | { kind: 'Service' }
  | { kind: 'DaemonSet'; facts: DaemonSetFacts };

export const CAPTURED_KINDS = ['Node', 'Pod', 'Service', 'DaemonSet'] as const;

type Loose = Record<string, unknown>;
const record = (value: unknown): Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const items = (value: unknown): Loose[] => (Array.isArray(value) ? value.map(record) : []);

const PROXY_MODE = /^--proxy-mode[= ](\S+)$/;

/** kube-proxy's mode from its command and arguments (`--proxy-mode=ipvs`, or the two-word form). */
export function proxyModeFrom(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    const joined = PROXY_MODE.exec(word);
    if (joined?.[1] !== undefined) return joined[1];
    if (word === '--proxy-mode' && words[i + 1] !== undefined) return words[i + 1];
  }
  return undefined;
}

function containerFacts(containers: Loose[]): ContainerFacts[] {
  return containers.map((c) => ({ name: text(c.name), image: text(c.image) }));
}

function kubeProxyMode(containers: Loose[]): string | undefined {
  const proxy = containers.find((c) => c.name === 'kube-proxy');
  if (proxy === undefined) return undefined;
  const words = [
    ...((proxy.command as unknown[] | undefined) ?? []),
    ...((proxy.args as unknown[] | undefined) ?? []),
  ];
  return proxyModeFrom(words.map(text));
}

/**
 * The facts of one object as the API (or `kubectl get -o json`) returns it; null for a kind discover does
 * not read. `kind` comes from the object, or from the list it was read from (list items carry none).
 */
export function objectFacts(object: unknown, listKind?: string): ObjectFacts | null {
  const o = record(object);
  const kind = text(o.kind) || listKind;
  const metadata = record(o.metadata);
  const spec = record(o.spec);
  const status = record(o.status);
  switch (kind) {
    case 'Node': {
      const labels = record(metadata.labels);
      const nodeInfo = record(status.nodeInfo);
      const picked: Partial<Record<PlatformLabel, string>> = {};
      for (const key of PLATFORM_LABELS) if (typeof labels[key] === 'string') picked[key] = labels[key];
      return {
        kind,
        facts: {
          name: text(metadata.name),
          providerId: text(spec.providerID),
          kubeletVersion: text(nodeInfo.kubeletVersion),
          osImage: text(nodeInfo.osImage),
          controlPlaneOnly: items(spec.taints).some(
            (t) =>
              CONTROL_PLANE_TAINTS.has(text(t.key)) &&
              (t.effect === 'NoSchedule' || t.effect === 'NoExecute'),
          ),
          labels: picked,
        },
      };
    }
    case 'Pod': {
      const containers = items(spec.containers);
      return {
        kind,
        facts: {
          nodeName: text(spec.nodeName),
          running: status.phase === 'Running',
          containers: containerFacts(containers),
          nativeSidecars: containerFacts(
            items(spec.initContainers).filter((c) => c.restartPolicy === 'Always'),
          ),
          proxyMode: kubeProxyMode(containers),
        },
      };
    }
    case 'Service':
      return { kind };
    case 'DaemonSet': {
      const containers = items(record(record(spec.template).spec).containers);
      const desired = status.desiredNumberScheduled;
      return {
        kind,
        facts: {
          namespace: text(metadata.namespace),
          name: text(metadata.name),
          desired: typeof desired === 'number' && Number.isFinite(desired) ? desired : 0,
          containers: containerFacts(containers),
          proxyMode: kubeProxyMode(containers),
        },
      };
    }
    default:
      return null;
  }
}
