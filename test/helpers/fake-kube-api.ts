import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from './kube-objects.js';

/**
 * A stand-in Kubernetes API server, read-only, for kubectl and @kubernetes/client-node: the version and
 * discovery documents they ask for first (the legacy, unaggregated forms every client falls back to), then
 * the four lists discover reads, cluster-wide, paged with `limit` and `continue` as the real server does.
 * Every request is recorded, so a test can check that nothing but GETs reached it.
 */
export interface FakeKubeApi {
  url: string;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

const RESOURCES = {
  '/api/v1/nodes': { kind: 'Node', listKind: 'NodeList', apiVersion: 'v1' },
  '/api/v1/pods': { kind: 'Pod', listKind: 'PodList', apiVersion: 'v1' },
  '/api/v1/services': { kind: 'Service', listKind: 'ServiceList', apiVersion: 'v1' },
  '/apis/apps/v1/daemonsets': { kind: 'DaemonSet', listKind: 'DaemonSetList', apiVersion: 'apps/v1' },
} as const;

const resource = (name: string, kind: string, namespaced: boolean, shortNames: string[]) => ({
  name,
  singularName: kind.toLowerCase(),
  namespaced,
  kind,
  verbs: ['get', 'list', 'watch'],
  shortNames,
});

function discovery(path: string, address: string): unknown {
  switch (path) {
    case '/version':
      return {
        major: '1',
        minor: '31',
        gitVersion: 'v1.31.2',
        gitCommit: '0000000000000000000000000000000000000000',
        gitTreeState: 'clean',
        buildDate: '2026-10-22T00:00:00Z',
        goVersion: 'go1.22.8',
        compiler: 'gc',
        platform: 'linux/amd64',
      };
    case '/api':
      return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: address }],
      };
    case '/apis':
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [
          {
            name: 'apps',
            versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
            preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
          },
        ],
      };
    case '/api/v1':
      return {
        kind: 'APIResourceList',
        groupVersion: 'v1',
        resources: [
          resource('nodes', 'Node', false, ['no']),
          resource('pods', 'Pod', true, ['po']),
          resource('services', 'Service', true, ['svc']),
        ],
      };
    case '/apis/apps/v1':
      return {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: 'apps/v1',
        resources: [resource('daemonsets', 'DaemonSet', true, ['ds'])],
      };
    default:
      return undefined;
  }
}

export async function startFakeKubeApi(objects: readonly KubeObject[]): Promise<FakeKubeApi> {
  const requests: FakeKubeApi['requests'] = [];
  let address = '';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    requests.push({ method: request.method ?? '', path: url.pathname });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET') {
      send(405, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'MethodNotAllowed',
        code: 405,
      });
      return;
    }
    const document = discovery(url.pathname, address);
    if (document !== undefined) return send(200, document);
    const listed = RESOURCES[url.pathname as keyof typeof RESOURCES];
    if (listed === undefined) {
      send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 });
      return;
    }
    // As the API returns them: items of a list carry no kind or apiVersion of their own.
    const all = objects
      .filter((o) => o.kind === listed.kind)
      .map(({ kind: _kind, apiVersion: _apiVersion, ...rest }) => rest);
    const start = Number(url.searchParams.get('continue') ?? '0');
    const limit = Number(url.searchParams.get('limit') ?? '0');
    const end = limit > 0 ? Math.min(all.length, start + limit) : all.length;
    send(200, {
      kind: listed.listKind,
      apiVersion: listed.apiVersion,
      metadata: { resourceVersion: '48211903', ...(end < all.length ? { continue: String(end) } : {}) },
      items: all.slice(start, end),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  address = `127.0.0.1:${port}`;
  return {
    url: `http://${address}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A kubeconfig with one context, `stand-in`, pointing at the server (with a bearer token it never checks). */
export function kubeconfigFor(url: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: stand-in',
    '  cluster:',
    `    server: ${url}`,
    // Plain HTTP: @kubernetes/client-node accepts it only with TLS verification off (there is no TLS to verify).
    '    insecure-skip-tls-verify: true',
    'users:',
    '- name: reader',
    '  user:',
    '    token: stand-in-token',
    'contexts:',
    '- name: stand-in',
    '  context:',
    '    cluster: stand-in',
    '    user: reader',
    'current-context: stand-in',
    '',
  ].join('\n');
}
