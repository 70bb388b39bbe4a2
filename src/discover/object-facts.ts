import { at, type JsonView, textAt } from './json-view.js';
import { mebibytes, millicores } from './resource-quantity.js';

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
  /** What it requests, where it says (resources.requests): a sidecar's reserve is read from these. */
  cpuMillicores?: number;
  memoryMiB?: number;
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

/** A container's name, image and requests; a request that is not a quantity reads as not set. */
export function containerFacts(name: string, image: string, cpu: unknown, memory: unknown): ContainerFacts {
  const cpuMillicores = millicores(cpu);
  const memoryMiB = mebibytes(memory);
  return {
    name,
    image,
    ...(cpuMillicores === undefined ? {} : { cpuMillicores }),
    ...(memoryMiB === undefined ? {} : { memoryMiB }),
  };
}

const containersOf = (containers: readonly JsonView[]): ContainerFacts[] =>
  containers.map((c) =>
    containerFacts(
      textAt(c, 'name'),
      textAt(c, 'image'),
      at(c, 'resources', 'requests', 'cpu')?.scalar(),
      at(c, 'resources', 'requests', 'memory')?.scalar(),
    ),
  );

const strings = (view: JsonView | undefined): string[] =>
  (view?.elements() ?? []).map((w) => w.scalar()).map((w) => (typeof w === 'string' ? w : ''));

function kubeProxyMode(containers: readonly JsonView[]): string | undefined {
  const proxy = containers.find((c) => textAt(c, 'name') === 'kube-proxy');
  if (proxy === undefined) return undefined;
  return proxyModeFrom([...strings(proxy.get('command')), ...strings(proxy.get('args'))]);
}

/**
 * The facts of one object as the API (or `kubectl get -o json`) returns it; null for a kind discover does
 * not read. `kind` comes from the object, or from the list it was read from (list items carry none).
 */
export function objectFacts(object: JsonView, listKind?: string): ObjectFacts | null {
  const kind = textAt(object, 'kind') || listKind;
  const metadata = object.get('metadata');
  const spec = object.get('spec');
  const status = object.get('status');
  switch (kind) {
    case 'Node': {
      const labels = metadata?.get('labels');
      const picked: Partial<Record<PlatformLabel, string>> = {};
      for (const key of PLATFORM_LABELS) {
        const value = labels?.get(key)?.scalar();
        if (typeof value === 'string') picked[key] = value;
      }
      return {
        kind,
        facts: {
          name: textAt(metadata, 'name'),
          providerId: textAt(spec, 'providerID'),
          kubeletVersion: textAt(status, 'nodeInfo', 'kubeletVersion'),
          osImage: textAt(status, 'nodeInfo', 'osImage'),
          controlPlaneOnly: (spec?.get('taints')?.elements() ?? []).some(
            (t) =>
              CONTROL_PLANE_TAINTS.has(textAt(t, 'key')) &&
              ['NoSchedule', 'NoExecute'].includes(textAt(t, 'effect')),
          ),
          labels: picked,
        },
      };
    }
    case 'Pod': {
      const containers = spec?.get('containers')?.elements() ?? [];
      const initContainers = spec?.get('initContainers')?.elements() ?? [];
      return {
        kind,
        facts: {
          nodeName: textAt(spec, 'nodeName'),
          running: textAt(status, 'phase') === 'Running',
          containers: containersOf(containers),
          nativeSidecars: containersOf(initContainers.filter((c) => textAt(c, 'restartPolicy') === 'Always')),
          proxyMode: kubeProxyMode(containers),
        },
      };
    }
    case 'Service':
      return { kind };
    case 'DaemonSet': {
      const containers = at(spec, 'template', 'spec', 'containers')?.elements() ?? [];
      const desired = at(status, 'desiredNumberScheduled')?.scalar();
      return {
        kind,
        facts: {
          namespace: textAt(metadata, 'namespace'),
          name: textAt(metadata, 'name'),
          desired: typeof desired === 'number' && Number.isFinite(desired) ? desired : 0,
          containers: containersOf(containers),
          proxyMode: kubeProxyMode(containers),
        },
      };
    }
    default:
      return null;
  }
}
