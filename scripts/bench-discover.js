// `npm run bench` (after the report benchmarks): how fast `cnireport discover` reads a large cluster's capture, and
// how much memory it takes. It writes a 5,000-node, 150,000-pod cluster (3,000 Services, the DaemonSets of
// Calico, kube-proxy and a log agent, every other application pod with an Istio sidecar) twice: as
// `kubectl get nodes,pods,services,daemonsets -A -o json` prints it (4-space indentation, objects with the fields
// a real cluster fills in, environment values and annotations included) and as the capture the printed command
// writes. Then it runs the built CLI on each, in its own process, and prints the wall time and the peak resident
// memory (the process's maxRSS). The target: under 2 s and 500 MiB.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODES = 5_000;
const PODS = 150_000;
const SERVICES = 3_000;
const RUNS = 3;
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cnireport.js');
const work = mkdtempSync(join(tmpdir(), 'cnireport-bench-discover-'));

const nodeName = (i) => `ip-10-${(i >> 8) & 255}-${i & 255}-17.eu-west-1.compute.internal`;
const uid = (i) => `5f0c6a8e-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const container = (name, image, env) => ({
  env: Object.entries(env).map(([k, value]) => ({ name: k, value })),
  image,
  imagePullPolicy: 'IfNotPresent',
  name,
  ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
  resources: { limits: { memory: '512Mi' }, requests: { cpu: '250m', memory: '256Mi' } },
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  volumeMounts: [
    {
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      name: 'kube-api-access-7xk2p',
      readOnly: true,
    },
  ],
});

function nodeObject(i) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: '2026-09-14T08:12:45Z',
      labels: {
        'eks.amazonaws.com/nodegroup': 'payments-ng',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': nodeName(i),
        'kubernetes.io/os': 'linux',
        'topology.kubernetes.io/zone': 'eu-west-1a',
      },
      name: nodeName(i),
      resourceVersion: '48211903',
      uid: uid(i),
    },
    spec: { providerID: `aws:///eu-west-1a/i-0a1b2c3d4e${i.toString(16).padStart(7, '0')}` },
    status: {
      addresses: [{ address: '10.0.12.34', type: 'InternalIP' }],
      allocatable: { cpu: '3920m', memory: '15147244Ki', pods: '110' },
      capacity: { cpu: '4', memory: '16265452Ki', pods: '110' },
      conditions: [
        {
          lastHeartbeatTime: '2026-12-06T22:01:10Z',
          message: 'kubelet is posting ready status',
          reason: 'KubeletReady',
          status: 'True',
          type: 'Ready',
        },
      ],
      nodeInfo: {
        containerRuntimeVersion: 'containerd://1.7.22',
        kernelVersion: '6.1.112-124.190.amzn2023.x86_64',
        kubeletVersion: 'v1.31.2-eks-7f9249a',
        osImage: 'Amazon Linux 2023.6.20241031',
      },
    },
  };
}

function podObject(i) {
  const meshed = i % 2 === 0;
  const containers = [
    container('checkout', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme/checkout:2.14.0', {
      DATABASE_URL: 'postgres://checkout@db.internal:5432/checkout',
      LOG_LEVEL: 'info',
    }),
  ];
  if (meshed)
    containers.push(
      container('istio-proxy', 'docker.io/istio/proxyv2:1.24.1', { ISTIO_META_WORKLOAD_NAME: 'checkout' }),
    );
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      annotations: {
        'kubectl.kubernetes.io/restartedAt': '2026-11-30T10:20:31Z',
        'prometheus.io/scrape': 'true',
      },
      creationTimestamp: '2026-11-30T10:20:31Z',
      generateName: 'checkout-7d9f8b6c5-',
      labels: {
        app: 'checkout',
        'pod-template-hash': '7d9f8b6c5',
        ...(meshed ? { 'security.istio.io/tlsMode': 'istio' } : {}),
      },
      name: `checkout-7d9f8b6c5-${i.toString(36)}`,
      namespace: `team-${i % 40}`,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: 'ReplicaSet',
          name: 'checkout-7d9f8b6c5',
          uid: uid(i + 1e7),
        },
      ],
      resourceVersion: '48190554',
      uid: uid(i + 1e6),
    },
    spec: {
      containers,
      dnsPolicy: 'ClusterFirst',
      nodeName: nodeName(i % NODES),
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'checkout',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
      ],
      volumes: [
        {
          name: 'kube-api-access-7xk2p',
          projected: {
            defaultMode: 420,
            sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }],
          },
        },
      ],
    },
    status: {
      conditions: [{ lastTransitionTime: '2026-11-30T10:20:35Z', status: 'True', type: 'Ready' }],
      containerStatuses: containers.map((c) => ({
        containerID: 'containerd://4b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c',
        image: c.image,
        imageID: `${c.image.split(':')[0]}@sha256:8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d`,
        name: c.name,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: '2026-11-30T10:20:33Z' } },
      })),
      hostIP: '10.0.12.34',
      phase: i % 100 === 99 ? 'Succeeded' : 'Running',
      podIP: '10.0.77.12',
      qosClass: 'Burstable',
      startTime: '2026-11-30T10:20:31Z',
    },
  };
}

const daemonSets = [
  ['calico-node', 'calico-system', 'docker.io/calico/node:v3.29.1'],
  [
    'kube-proxy',
    'kube-system',
    '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/kube-proxy:v1.31.2-eksbuild.3',
  ],
  ['fluent-bit', 'logging', 'cr.fluentbit.io/fluent/fluent-bit:3.2.2'],
].map(([name, namespace, image]) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name, namespace, uid: uid(name.length) },
  spec: { template: { spec: { containers: [container(name, image, {})] } } },
  status: { desiredNumberScheduled: NODES, numberReady: NODES },
}));

/** Writes the file in pieces (it is hundreds of megabytes): a List, each item indented as kubectl indents it. */
function writeJsonCapture(file) {
  const fd = openSync(file, 'w');
  writeSync(fd, '{\n    "apiVersion": "v1",\n    "items": [\n');
  let first = true;
  const put = (object) => {
    const text = JSON.stringify(object, null, 4).replace(/\n/g, '\n        ');
    writeSync(fd, `${first ? '' : ',\n'}        ${text}`);
    first = false;
  };
  for (let i = 0; i < NODES; i += 1) put(nodeObject(i));
  for (let i = 0; i < PODS; i += 1) put(podObject(i));
  for (let i = 0; i < SERVICES; i += 1)
    put({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `svc-${i}`, namespace: `team-${i % 40}`, uid: uid(i + 2e6) },
      spec: {
        clusterIP: '172.20.14.9',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
        type: 'ClusterIP',
      },
    });
  for (const ds of daemonSets) put(ds);
  writeSync(
    fd,
    '\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
  );
  closeSync(fd);
}

/** The same cluster as the printed command's capture: one line per object. */
function writeLineCapture(file) {
  const fd = openSync(file, 'w');
  const lines = ['cnireport-capture\tv2'];
  const flush = () => {
    writeSync(fd, `${lines.join('\n')}\n`);
    lines.length = 0;
  };
  for (let i = 0; i < NODES; i += 1)
    lines.push(
      `node\t${nodeName(i)}\taws:///eu-west-1a/i-0a1b2c3d4e${i.toString(16)}\tv1.31.2-eks-7f9249a\tAmazon Linux 2023\t\teks.amazonaws.com/nodegroup=payments-ng `,
    );
  for (let i = 0; i < PODS; i += 1) {
    const pod = podObject(i);
    lines.push(
      `pod\t${pod.spec.nodeName}\t${pod.status.phase}\t${pod.spec.containers.map((c) => `${c.name}=${c.image}=${c.resources.requests.cpu}=${c.resources.requests.memory} `).join('')}\t\t`,
    );
    if (lines.length >= 10_000) flush();
  }
  for (let i = 0; i < SERVICES; i += 1) lines.push('service');
  for (const ds of daemonSets)
    lines.push(
      `daemonset\t${ds.metadata.namespace}\t${ds.metadata.name}\t${NODES}\t${ds.spec.template.spec.containers.map((c) => `${c.name}=${c.image} `).join('')}\t`,
    );
  flush();
  closeSync(fd);
}

// The main thread's only: a preload runs in discover's reader threads too, and their lines would come first.
const report =
  "import { isMainThread } from 'node:worker_threads'; if (isMainThread) process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nmaxrss=' + u.maxRSS + ' cpu=' + (u.userCPUTime + u.systemCPUTime)); })";
function measure(file) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(report)}`,
        bin,
        'discover',
        file,
        '--client',
        'Bench',
      ],
      { encoding: 'utf8', maxBuffer: 16 << 20 },
    );
    const ms = performance.now() - start;
    if (run.status !== 0) throw new Error(`discover failed on ${file}: ${run.stderr}`);
    const rss = Number(/maxrss=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1024;
    const cpu = Number(/cpu=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1000;
    if (!run.stdout.includes(`nodes: ${NODES} #`))
      throw new Error(`discover did not read ${NODES} nodes from ${file}`);
    runs.push({ ms, rss, cpu });
  }
  runs.sort((a, b) => a.ms - b.ms);
  const median = runs[Math.floor(RUNS / 2)];
  return {
    ms: median?.ms ?? Number.NaN,
    cpu: median?.cpu ?? Number.NaN,
    rss: Math.max(...runs.map((r) => r.rss)),
  };
}

try {
  const json = join(work, 'cluster.json');
  const lines = join(work, 'cluster.capture');
  writeJsonCapture(json);
  writeLineCapture(lines);
  process.stdout.write(
    `\ndiscover: ${NODES.toLocaleString('en-US')} nodes, ${PODS.toLocaleString('en-US')} pods, ${SERVICES.toLocaleString('en-US')} Services (median of ${RUNS} runs, whole CLI process; target < 2,000 ms and < 500 MiB; load average ${loadavg()[0]?.toFixed(1)})\n`,
  );
  for (const [what, file] of [
    ['kubectl -o json List', json],
    ['printed command capture', lines],
  ]) {
    const { ms, cpu, rss } = measure(file);
    const mib = statSync(file).size / (1 << 20);
    const ok = ms < 2000 && rss < 500 ? 'within target' : 'OVER TARGET';
    process.stdout.write(
      `  ${what.padEnd(24)} ${mib.toFixed(0).padStart(5)} MiB file  ${ms.toFixed(0).padStart(6)} ms wall  ${cpu.toFixed(0).padStart(6)} ms CPU  ${rss.toFixed(0).padStart(4)} MiB peak RSS  ${ok}\n`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
