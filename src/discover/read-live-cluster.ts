import { CniError } from '../shared/errors.js';
import { addToTally, type ClusterTally, emptyTally } from './cluster-tally.js';
import { parsedJsonView } from './json-view.js';
import { objectFacts } from './object-facts.js';

/** Objects per request: the page size kubectl uses, so a large cluster is read in steps. */
const PAGE = 500;

interface Page {
  items: unknown[];
  metadata?: { _continue?: string };
}

function liveError(where: string, error: unknown): CniError {
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  if (code === 401)
    return new CniError('INPUT_UNREADABLE', `${where}: the API server refused the credentials (401)`);
  if (code === 403)
    return new CniError(
      'INPUT_UNREADABLE',
      `${where}: not allowed (403); discover needs get and list on nodes, pods, services and daemonsets`,
    );
  if (typeof code === 'number')
    return new CniError('INPUT_UNREADABLE', `${where}: the API server answered ${code}`);
  const reason =
    typeof cause === 'string'
      ? cause
      : typeof code === 'string'
        ? code
        : error instanceof Error
          ? error.message
          : String(error);
  return new CniError('INPUT_UNREADABLE', `${where}: cannot reach the API server (${reason})`, {
    cause: error,
  });
}

/**
 * One cluster read live through the official client (@kubernetes/client-node), read-only: the same four
 * lists as the capture (nodes, pods, services, daemonsets, all namespaces), a page at a time, each object cut
 * down to its facts as it arrives. `context` and `kubeconfig` as kubectl takes them (the default file, or
 * KUBECONFIG, when no file is given; its current context when none is named).
 */
export async function readLiveCluster(options: { context?: string; kubeconfig?: string }): Promise<{
  source: string;
  tally: ClusterTally;
}> {
  const k8s = await import('@kubernetes/client-node');
  const config = new k8s.KubeConfig();
  const file = options.kubeconfig;
  try {
    if (file === undefined) config.loadFromDefault();
    else config.loadFromFile(file);
  } catch (error) {
    const what = file ?? 'the kubeconfig';
    throw new CniError(
      'INPUT_UNREADABLE',
      `${what}: cannot be read as a kubeconfig (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    );
  }
  const context = options.context ?? config.getCurrentContext();
  if (!context || config.getContextObject(context) === null) {
    const known = config.getContexts().map((c) => c.name);
    throw new CniError(
      'USAGE',
      `${file ?? 'kubeconfig'}: no context ${JSON.stringify(context ?? '')} (expected one of: ${known.join(', ') || 'none'})`,
    );
  }
  config.setCurrentContext(context);
  const core = config.makeApiClient(k8s.CoreV1Api);
  const apps = config.makeApiClient(k8s.AppsV1Api);
  const tally = emptyTally();
  const lists: [string, (page: { limit: number; _continue?: string }) => Promise<Page>][] = [
    ['Node', (p) => core.listNode(p)],
    ['Pod', (p) => core.listPodForAllNamespaces(p)],
    ['Service', (p) => core.listServiceForAllNamespaces(p)],
    ['DaemonSet', (p) => apps.listDaemonSetForAllNamespaces(p)],
  ];
  for (const [kind, list] of lists) {
    let next: string | undefined;
    do {
      const page = await list({ limit: PAGE, ...(next === undefined ? {} : { _continue: next }) }).catch(
        (error: unknown) => {
          throw liveError(`context ${context}, listing ${kind.toLowerCase()}s`, error);
        },
      );
      for (const item of page.items) {
        const facts = objectFacts(parsedJsonView(item), kind);
        if (facts !== null) addToTally(tally, facts);
      }
      next = page.metadata?._continue || undefined;
    } while (next !== undefined);
  }
  if (tally.nodes.length === 0)
    throw new CniError('INPUT_INVALID', `context ${context}: the cluster lists no nodes`);
  return { source: context, tally };
}
