import {
  apiServerError,
  clusterWithoutNodes,
  kubeconfigUnreadable,
  noSuchContext,
} from '../shared/error-catalogue.js';
import { addToTally, type ClusterTally, emptyTally } from './cluster-tally.js';
import { parsedJsonView } from './json-view.js';
import { objectFacts } from './object-facts.js';

/** Objects per request: the page size kubectl uses, so a large cluster is read in steps. */
const PAGE = 500;

interface Page {
  items: unknown[];
  metadata?: { _continue?: string };
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
    throw kubeconfigUnreadable(file, error);
  }
  const context = options.context ?? config.getCurrentContext();
  if (!context || config.getContextObject(context) === null) {
    throw noSuchContext(
      file,
      context ?? '',
      config.getContexts().map((c) => c.name),
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
          throw apiServerError(`context ${context}, listing ${kind.toLowerCase()}s`, error);
        },
      );
      for (const item of page.items) {
        const facts = objectFacts(parsedJsonView(item), kind);
        if (facts !== null) addToTally(tally, facts);
      }
      next = page.metadata?._continue || undefined;
    } while (next !== undefined);
  }
  if (tally.nodes.length === 0) throw clusterWithoutNodes(context);
  return { source: context, tally };
}
