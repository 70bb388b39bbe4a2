/**
 * Kubernetes objects in the shapes the API server returns them (core/v1 Node, Pod, Service; apps/v1
 * DaemonSet), with the fields a real cluster fills in, for discover's captures. Values are made up but
 * shaped like the real ones: EKS node names and providerIDs, kubelet versions with the distributions'
 * suffixes, images as their projects publish them.
 */

export type KubeObject = Record<string, unknown> & { kind: string };

let serial = 0;
/** A uid in the API's format; deterministic so captures are byte-identical from run to run. */
function uid(): string {
  serial += 1;
  return `5f0c6a8e-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}

export function resetUids(): void {
  serial = 0;
}

export interface NodeSpec {
  name: string;
  kubeletVersion: string;
  providerID?: string;
  osImage?: string;
  labels?: Record<string, string>;
  /** A control-plane node that ordinary pods cannot be scheduled on. */
  controlPlaneOnly?: boolean;
}

export function node(spec: NodeSpec): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
    ...(spec.controlPlaneOnly ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
    ...spec.labels,
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: '2026-09-14T08:12:45Z',
      labels,
      name: spec.name,
      resourceVersion: '48211903',
      uid: uid(),
    },
    spec: {
      ...(spec.providerID === undefined ? {} : { providerID: spec.providerID }),
      ...(spec.controlPlaneOnly
        ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] }
        : {}),
    },
    status: {
      addresses: [
        { address: '10.0.12.34', type: 'InternalIP' },
        { address: spec.name, type: 'Hostname' },
      ],
      allocatable: { cpu: '3920m', 'ephemeral-storage': '95491281146', memory: '15147244Ki', pods: '110' },
      capacity: { cpu: '4', 'ephemeral-storage': '104845292Ki', memory: '16265452Ki', pods: '110' },
      conditions: [
        {
          lastHeartbeatTime: '2026-12-06T22:01:10Z',
          lastTransitionTime: '2026-09-14T08:13:20Z',
          message: 'kubelet is posting ready status',
          reason: 'KubeletReady',
          status: 'True',
          type: 'Ready',
        },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: 'c0ffee00-1111-2222-3333-444455556666',
        containerRuntimeVersion: 'containerd://1.7.22',
        kernelVersion: '6.1.112-124.190.amzn2023.x86_64',
        kubeProxyVersion: spec.kubeletVersion,
        kubeletVersion: spec.kubeletVersion,
        machineID: 'ec2d4c5e6f7081920a1b2c3d4e5f6071',
        operatingSystem: 'linux',
        osImage: spec.osImage ?? 'Ubuntu 24.04.1 LTS',
        systemUUID: 'ec2d4c5e-6f70-8192-0a1b-2c3d4e5f6071',
      },
    },
  };
}

export interface ContainerSpec {
  name: string;
  image: string;
  env?: Record<string, string>;
  command?: string[];
  args?: string[];
  /** Always: a native sidecar (an init container that keeps running beside the app). */
  restartPolicy?: 'Always';
  /** resources.requests; 'none' for a container without (printed as `resources: {}`). */
  requests?: { cpu?: string; memory?: string } | 'none';
}

function container(c: ContainerSpec): Record<string, unknown> {
  return {
    ...(c.args === undefined ? {} : { args: c.args }),
    ...(c.command === undefined ? {} : { command: c.command }),
    ...(c.env === undefined ? {} : { env: Object.entries(c.env).map(([name, value]) => ({ name, value })) }),
    image: c.image,
    imagePullPolicy: 'IfNotPresent',
    name: c.name,
    resources: c.requests === 'none' ? {} : { requests: c.requests ?? { cpu: '100m', memory: '128Mi' } },
    ...(c.restartPolicy === undefined ? {} : { restartPolicy: c.restartPolicy }),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: [
      {
        mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
        name: 'kube-api-access-7xk2p',
        readOnly: true,
      },
    ],
  };
}

export interface PodSpec {
  name: string;
  namespace: string;
  nodeName?: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  containers: ContainerSpec[];
  initContainers?: ContainerSpec[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  imagePullSecrets?: string[];
}

export function pod(spec: PodSpec): KubeObject {
  const phase = spec.phase ?? 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(spec.annotations === undefined ? {} : { annotations: spec.annotations }),
      creationTimestamp: '2026-11-30T10:20:31Z',
      generateName: `${spec.name.replace(/-[a-z0-9]+$/, '')}-`,
      labels: { 'app.kubernetes.io/name': spec.name.replace(/-[a-z0-9]+$/, ''), ...spec.labels },
      name: spec.name,
      namespace: spec.namespace,
      resourceVersion: '48190554',
      uid: uid(),
    },
    spec: {
      containers: spec.containers.map(container),
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      ...(spec.imagePullSecrets === undefined
        ? {}
        : { imagePullSecrets: spec.imagePullSecrets.map((name) => ({ name })) }),
      ...(spec.initContainers === undefined ? {} : { initContainers: spec.initContainers.map(container) }),
      ...(spec.nodeName === undefined ? {} : { nodeName: spec.nodeName }),
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
      ],
      volumes: [{ name: 'kube-api-access-7xk2p', projected: { defaultMode: 420, sources: [] } }],
    },
    status: {
      conditions: [{ lastTransitionTime: '2026-11-30T10:20:35Z', status: 'True', type: 'Ready' }],
      ...(spec.nodeName === undefined ? {} : { hostIP: '10.0.12.34', podIP: '10.0.77.12' }),
      phase,
      qosClass: 'Burstable',
      startTime: '2026-11-30T10:20:31Z',
    },
  };
}

export function service(name: string, namespace: string, annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      ...(annotations === undefined ? {} : { annotations }),
      creationTimestamp: '2026-09-14T08:20:00Z',
      name,
      namespace,
      resourceVersion: '1022',
      uid: uid(),
    },
    spec: {
      clusterIP: '172.20.14.9',
      clusterIPs: ['172.20.14.9'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      selector: { 'app.kubernetes.io/name': name },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  };
}

export interface DaemonSetSpec {
  name: string;
  namespace: string;
  containers: ContainerSpec[];
  initContainers?: ContainerSpec[];
  /** Nodes it runs on. */
  scheduled: number;
}

export function daemonSet(spec: DaemonSetSpec): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      annotations: { 'deprecated.daemonset.template.generation': '3' },
      creationTimestamp: '2026-09-14T08:13:00Z',
      generation: 3,
      labels: { 'k8s-app': spec.name },
      name: spec.name,
      namespace: spec.namespace,
      resourceVersion: '48100231',
      uid: uid(),
    },
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: { 'k8s-app': spec.name } },
      template: {
        metadata: { labels: { 'k8s-app': spec.name } },
        spec: {
          containers: spec.containers.map(container),
          ...(spec.initContainers === undefined
            ? {}
            : { initContainers: spec.initContainers.map(container) }),
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          serviceAccountName: spec.name,
          tolerations: [{ operator: 'Exists' }],
        },
      },
      updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
    },
    status: {
      currentNumberScheduled: spec.scheduled,
      desiredNumberScheduled: spec.scheduled,
      numberAvailable: spec.scheduled,
      numberMisscheduled: 0,
      numberReady: spec.scheduled,
      observedGeneration: 3,
      updatedNumberScheduled: spec.scheduled,
    },
  };
}

/** What `kubectl get … -o json` prints for several objects: a v1 List. */
export function list(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
