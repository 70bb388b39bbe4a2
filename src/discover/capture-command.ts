import { containerFacts, type ObjectFacts, PLATFORM_LABELS, proxyModeFrom } from './object-facts.js';

/**
 * The first line of a capture the printed command writes: what it is, and its format's version. v2 adds
 * each container's requests after its image; a v1 capture (without them) is still read.
 */
export const CAPTURE_HEADER = 'cnireport-capture\tv2';
export const CAPTURE_HEADERS: readonly string[] = ['cnireport-capture\tv1', CAPTURE_HEADER];

const tab = '{"\\t"}';
const newline = '{"\\n"}';
const labelPath = (key: string) => `.metadata.labels.${key.replace(/\./g, '\\.')}`;
const requests = '{.resources.requests.cpu}={.resources.requests.memory}';
const containers = (path: string) => `{range ${path}[*]}{.name}={.image}=${requests}{" "}{end}`;
const kubeProxyWords = (path: string) =>
  `{${path}[?(@.name=="kube-proxy")].command}{${path}[?(@.name=="kube-proxy")].args}`;

/**
 * kubectl's JSONPath template for the capture: one line per object with only what discover reads. Nodes:
 * name (to place pods), providerID's cloud, kubelet version, OS image, taints, the platform labels. Pods:
 * node, phase, container names, images and requests, native sidecars, kube-proxy's command. Services: one word
 * each. DaemonSets: namespace, name, node count, container names and images, kube-proxy's command.
 * Environment values, annotations, other labels, secrets and every other argument are never asked for.
 */
export const CAPTURE_TEMPLATE = [
  `{"${CAPTURE_HEADER.replace('\t', '\\t')}\\n"}`,
  `{range .items[?(@.kind=="Node")]}node${tab}{.metadata.name}${tab}{.spec.providerID}${tab}`,
  `{.status.nodeInfo.kubeletVersion}${tab}{.status.nodeInfo.osImage}${tab}`,
  `{range .spec.taints[*]}{.key}:{.effect}{" "}{end}${tab}`,
  PLATFORM_LABELS.map((key) => `${key}={${labelPath(key)}}{" "}`).join(''),
  `${newline}{end}`,
  `{range .items[?(@.kind=="Pod")]}pod${tab}{.spec.nodeName}${tab}{.status.phase}${tab}`,
  `${containers('.spec.containers')}${tab}`,
  `{range .spec.initContainers[*]}{.name}={.image}={.restartPolicy}=${requests}{" "}{end}${tab}`,
  `${kubeProxyWords('.spec.containers')}${newline}{end}`,
  `{range .items[?(@.kind=="Service")]}service${newline}{end}`,
  `{range .items[?(@.kind=="DaemonSet")]}daemonset${tab}{.metadata.namespace}${tab}{.metadata.name}${tab}`,
  `{.status.desiredNumberScheduled}${tab}${containers('.spec.template.spec.containers')}${tab}`,
  `${kubeProxyWords('.spec.template.spec.containers')}${newline}{end}`,
].join('');

/** The command a client runs, once per cluster, with its output file named after the cluster. */
export function captureCommand(file = 'CLUSTER.capture'): string {
  return `kubectl get nodes,pods,services,daemonsets --all-namespaces -o jsonpath='${CAPTURE_TEMPLATE}' > ${file}`;
}

/** What `discover --print-command` prints: the command, and what it collects and leaves out. */
export function captureInstructions(): string {
  return [
    'Run this once per cluster (add --context NAME to pick the cluster) and send the files back:',
    '',
    `  ${captureCommand()}`,
    '',
    'It is read-only (one `kubectl get`; the account needs get and list on nodes, pods, services and',
    'daemonsets) and collects only:',
    '  - nodes: name, providerID, kubelet version, OS image, taints, and the labels that name a platform',
    `    (${PLATFORM_LABELS.join(', ')});`,
    "  - pods: the node, the phase, container names, images and CPU and memory requests, kube-proxy's",
    '    command line;',
    '  - services: one word per Service (a count);',
    "  - daemonsets: namespace, name, node count, container names and images, kube-proxy's command line.",
    'No environment values, annotations, other labels, secrets or other arguments are collected.',
    '',
    'The full object list is accepted too, when that is what the client sends:',
    '',
    '  kubectl get nodes,pods,services,daemonsets --all-namespaces -o json > CLUSTER.json',
    '',
    'discover keeps only the facts above from it; nothing but counts and recognised names reaches the',
    'answers file or the terminal. Then: cnireport discover *.capture --out answers.yaml',
    '',
  ].join('\n');
}

const words = (field: string | undefined) => (field ?? '').split(' ').filter((w) => w !== '');

/** `name=image=cpu=memory` words (v1: `name=image`); no name, image or quantity holds `=`. */
const containerWords = (field: string | undefined) =>
  words(field).map((w) => {
    const [name = '', image = '', cpu, memory] = w.split('=');
    return containerFacts(name, image, cpu, memory);
  });

/** Init containers' `name=image=restartPolicy=cpu=memory` words: the native sidecars (restartPolicy Always). */
const nativeSidecarWords = (field: string | undefined) =>
  words(field)
    .map((w) => w.split('='))
    .filter(([, , restartPolicy]) => restartPolicy === 'Always')
    .map(([name = '', image = '', , cpu, memory]) => containerFacts(name, image, cpu, memory));

/** The strings of kube-proxy's command and arguments, as kubectl prints them: JSON arrays back to back. */
function jsonStrings(field: string | undefined): string[] {
  const out: string[] = [];
  for (const match of (field ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    try {
      out.push(JSON.parse(`"${match[1]}"`) as string);
    } catch {
      // Not a string kubectl would print; nothing in it is read.
    }
  }
  return out;
}

/**
 * One line of a capture the printed command wrote, as facts; null for a blank line. A line of another kind
 * is an error: the file is not such a capture (or was edited).
 */
export function captureLineFacts(line: string): ObjectFacts | null | 'unknown' {
  if (line === '') return null;
  const f = line.split('\t');
  switch (f[0]) {
    case 'node': {
      const labels: Record<string, string> = {};
      for (const w of words(f[6])) {
        const at = w.indexOf('=');
        if (at > 0 && at < w.length - 1) labels[w.slice(0, at)] = w.slice(at + 1);
      }
      const picked: Record<string, string> = {};
      for (const key of PLATFORM_LABELS) if (labels[key] !== undefined) picked[key] = labels[key];
      return {
        kind: 'Node',
        facts: {
          name: f[1] ?? '',
          providerId: f[2] ?? '',
          kubeletVersion: f[3] ?? '',
          osImage: f[4] ?? '',
          controlPlaneOnly: words(f[5]).some((t) =>
            /^node-role\.kubernetes\.io\/(control-plane|master):(NoSchedule|NoExecute)$/.test(t),
          ),
          labels: picked,
        },
      };
    }
    case 'pod':
      return {
        kind: 'Pod',
        facts: {
          nodeName: f[1] ?? '',
          running: f[2] === 'Running',
          containers: containerWords(f[3]),
          nativeSidecars: nativeSidecarWords(f[4]),
          proxyMode: proxyModeFrom(jsonStrings(f[5])),
        },
      };
    case 'service':
      return { kind: 'Service' };
    case 'daemonset': {
      const desired = Number(f[3]);
      return {
        kind: 'DaemonSet',
        facts: {
          namespace: f[1] ?? '',
          name: f[2] ?? '',
          desired: Number.isFinite(desired) ? desired : 0,
          containers: containerWords(f[4]),
          proxyMode: proxyModeFrom(jsonStrings(f[5])),
        },
      };
    }
    default:
      return 'unknown';
  }
}
