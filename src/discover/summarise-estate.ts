import type { AnswersDraft } from '../questionnaire/answers-draft.js';
import { CLOUDS, PLATFORMS } from '../schema/answers.js';
import { InternalError } from '../shared/errors.js';
import type { ClusterFindings } from './recognise-cluster.js';

/** A path into the answers file, `section.key`. */
export type AnswerPath = `${'cluster' | 'mesh'}.${string}`;

/** The estate's values for the answers file, each with its evidence, and what the consultant must know. */
export interface EstateSummary {
  values: Pick<AnswersDraft, 'cluster' | 'mesh'>;
  /** One line per value written: what shows it; "not confirmed" where it is a default or an inference. */
  evidence: Record<AnswerPath, string>;
  /** Notes for the terminal: second meshes, unconfirmed values. */
  warnings: string[];
}

const n = (value: number) => value.toLocaleString('en-US');

/** `a.json 100, b.json 52` for several clusters, nothing for one (the total says it). */
function perCluster(findings: readonly ClusterFindings[], show: (f: ClusterFindings) => string): string {
  return findings.length === 1 ? '' : ` (${findings.map((f) => `${f.source} ${show(f)}`).join(', ')})`;
}

/**
 * What one sidecar reserves, from the requests of the sidecars that state them: the mean, since the model
 * multiplies it by the count, so the estate's total reserve is kept. Nothing is written where no sidecar
 * states a request (the answers' default stays, to be asked in the workshop).
 */
function sidecarReserve(
  meshFindings: readonly ClusterFindings[],
  sidecars: number,
): {
  values?: { sidecarCpuMillicores?: number; sidecarMemoryMiB?: number };
  evidence?: Partial<Record<AnswerPath, string>>;
  warnings?: string[];
} {
  const name = meshFindings[0]?.mesh.name ?? '';
  const sum = (key: keyof ClusterFindings['mesh']['requests']) =>
    meshFindings.reduce((total, f) => total + f.mesh.requests[key], 0);
  const values: { sidecarCpuMillicores?: number; sidecarMemoryMiB?: number } = {};
  const evidence: Partial<Record<AnswerPath, string>> = {};
  const warnings: string[] = [];
  for (const [path, key, total, stated, unit, most] of [
    ['sidecarCpuMillicores', 'CPU', sum('cpuMillicores'), sum('withCpu'), 'm', 64_000],
    ['sidecarMemoryMiB', 'memory', sum('memoryMiB'), sum('withMemory'), ' MiB', 262_144],
  ] as const) {
    if (stated === 0) {
      warnings.push(
        `mesh.${path}: no ${name} sidecar states a ${key} request; the default stays; ask in the workshop`,
      );
      continue;
    }
    // The schema's ceiling; a request above it is a typo in the client's manifests, not a reserve.
    const mean = Math.min(most, Math.round(total / stated));
    values[path] = mean;
    evidence[`mesh.${path}`] =
      `mean ${key} request of the ${n(stated)} ${name} sidecars that state one${stated < sidecars ? ` (${n(sidecars - stated)} state none, not counted)` : ''}: ${n(Math.round(total))}${unit} in all`;
  }
  return { values, evidence, warnings };
}

/** Clusters that share platform, CNI and kube-proxy mode: the estate's groups. */
function groupsOf(findings: readonly ClusterFindings[]): ClusterFindings[][] {
  const groups = new Map<string, ClusterFindings[]>();
  for (const f of findings) {
    const key = `${f.platform.value}|${f.cni.value}|${f.kubeProxy.value}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const workers = (g: ClusterFindings[]) => g.reduce((sum, f) => sum + f.workers, 0);
  return [...groups.values()].sort((a, b) => workers(b) - workers(a));
}

/** One group of clusters as the answers file's `cluster.groups` holds it, named for its platform and CNI. */
function groupOf(group: readonly ClusterFindings[], all: readonly ClusterFindings[][]) {
  const first = group[0];
  if (first === undefined) throw new InternalError('a group of no clusters');
  const alike = all.filter(
    (g) => g[0]?.platform.value === first.platform.value && g[0]?.cni.value === first.cni.value,
  );
  const base = `${first.platform.name}, ${first.cni.name}`.slice(0, alike.length > 1 ? 40 : 60);
  const clouds = CLOUDS.filter((c) => group.some((f) => f.clouds.value.includes(c)));
  return {
    name: alike.length > 1 ? `${base} (kube-proxy ${first.kubeProxy.value})` : base,
    platform: first.platform.value,
    clouds:
      clouds.length > 0
        ? clouds
        : (['on-prem'] as const satisfies readonly (typeof CLOUDS)[number][]).slice(),
    clusters: group.length,
    nodes: Math.max(
      group.reduce((sum, f) => sum + f.workers, 0),
      group.length,
    ),
    currentCni: first.cni.value,
    services: group.reduce((sum, f) => sum + f.services, 0),
    kubeProxyMode: first.kubeProxy.value,
  };
}

/**
 * Several clusters' findings as one estate: totals, the leading group's CNI and kube-proxy, every platform and cloud,
 * and, where the clusters differ in platform, CNI or kube-proxy mode, each group of them (`cluster.groups`).
 */
export function summariseEstate(findings: readonly ClusterFindings[]): EstateSummary {
  const warnings: string[] = [];
  const workers = findings.reduce((sum, f) => sum + f.workers, 0);
  const controlPlane = findings.reduce((sum, f) => sum + f.controlPlaneOnly, 0);
  const running = findings.reduce((sum, f) => sum + f.runningPods, 0);
  const notRunning = findings.reduce((sum, f) => sum + f.notRunning, 0);
  const services = findings.reduce((sum, f) => sum + f.services, 0);
  const groups = groupsOf(findings);
  const lead = groups[0] ?? [];
  const leader = lead[0];
  for (const f of findings) for (const note of f.notes) warnings.push(`${f.source}: ${note}`);

  // Meshes by the sidecars each carries across the estate; the one with most leads.
  const meshes = new Map<string, ClusterFindings[]>();
  for (const f of findings)
    if (f.mesh.value !== 'none') meshes.set(f.mesh.value, [...(meshes.get(f.mesh.value) ?? []), f]);
  const sidecarsOf = (fs: ClusterFindings[]) => fs.reduce((s, f) => s + f.mesh.sidecars, 0);
  const [meshLead, ...otherMeshes] = [...meshes.values()].sort((a, b) => sidecarsOf(b) - sidecarsOf(a));
  for (const other of otherMeshes)
    warnings.push(
      `${other.map((f) => f.source).join(', ')} ${other.length === 1 ? 'runs' : 'run'} ${other[0]?.mesh.name} (${n(sidecarsOf(other))} sidecars), not counted: the answers hold one mesh`,
    );

  const estateGroups = groups.length > 1 ? groups.map((g) => groupOf(g, groups)) : [];
  // With groups, the totals are theirs (a cluster counts at least one worker node in its group too).
  const nodes =
    estateGroups.length > 0
      ? estateGroups.reduce((sum, g) => sum + g.nodes, 0)
      : Math.max(workers, findings.length);
  const sidecars = meshLead === undefined ? 0 : sidecarsOf(meshLead);
  const reserve = meshLead === undefined ? {} : sidecarReserve(meshLead, sidecars);
  // Rounded, but never below what the sidecars need: a file the schema refuses helps no one.
  const podsPerNode = Math.min(
    1000,
    Math.max(1, Math.round(running / Math.max(1, nodes)), Math.ceil(sidecars / nodes)),
  );
  const platforms = PLATFORMS.filter((p) => findings.some((f) => f.platform.value === p));
  const platformOrder = [...new Set([leader?.platform.value, ...platforms])].filter((p) => p !== undefined);
  const clouds = CLOUDS.filter((c) => findings.some((f) => f.clouds.value.includes(c)));
  const versions = findings.flatMap((f) =>
    f.versions.map((v) => `${findings.length === 1 ? '' : `${f.source} `}${v.version} on ${n(v.nodes)}`),
  );

  const evidence: Record<AnswerPath, string> = {
    'cluster.clusters': `${findings.length === 1 ? 'one capture' : `${findings.length} captures`}: ${findings.map((f) => f.source).join(', ')}; kubelet ${versions.join(', ')}`,
    'cluster.nodes': `${n(workers)} worker nodes${perCluster(findings, (f) => n(f.workers))}; ${n(controlPlane)} control-plane-only apart`,
    'cluster.podsPerNode': `${n(running)} running pods on ${n(nodes)} worker nodes; ${n(notRunning)} not running, not counted`,
    'cluster.services': `${n(services)} Services${perCluster(findings, (f) => n(f.services))}`,
    'cluster.clouds': findings
      .map((f) => `${findings.length === 1 ? '' : `${f.source}: `}${f.clouds.evidence}`)
      .join('; '),
    'cluster.currentCni': `${leader?.cni.name}: ${leader?.cni.evidence}${findings.length === 1 ? '' : ` (${lead.map((f) => f.source).join(', ')})`}`,
    'cluster.platforms': findings
      .map((f) => `${f.source}: ${f.platform.name}, ${f.platform.evidence}`)
      .join('; '),
    'cluster.kubeProxyMode': `${leader?.kubeProxy.evidence}${findings.length === 1 ? '' : ` (${lead.map((f) => f.source).join(', ')})`}`,
    ...(estateGroups.length === 0
      ? {}
      : {
          'cluster.groups': `${estateGroups.length} groups of clusters alike in platform, CNI and kube-proxy mode: ${groups.map((g) => g.map((f) => f.source).join(', ')).join('; ')}; the totals above follow from them`,
        }),
    'mesh.current':
      meshLead === undefined
        ? 'no mesh proxy, control plane or node agent in any running pod'
        : meshLead.map((f) => `${findings.length === 1 ? '' : `${f.source}: `}${f.mesh.evidence}`).join('; '),
    'mesh.sidecars':
      meshLead === undefined
        ? 'no sidecars'
        : `${n(sidecars)} running pods with the ${meshLead[0]?.mesh.name} proxy beside an application${perCluster(meshLead, (f) => n(f.mesh.sidecars))}; gateways not counted`,
    ...reserve.evidence,
  };
  warnings.push(...(reserve.warnings ?? []));
  for (const [path, found] of [
    ['cluster.currentCni', leader?.cni],
    ['cluster.kubeProxyMode', leader?.kubeProxy],
  ] as const)
    if (found !== undefined && !found.confirmed)
      warnings.push(
        `${path}: ${found.value} is a default or an inference, not read from the clusters; ask in the workshop`,
      );
  for (const f of findings)
    if (!f.platform.confirmed)
      warnings.push(
        `${f.source}: cluster.platforms: ${f.platform.value} is an inference, not read from the cluster; ask in the workshop`,
      );
  for (const f of findings)
    if (!f.clouds.confirmed)
      warnings.push(`${f.source}: nodes without a providerID, taken as on-premises; ask in the workshop`);

  return {
    values: {
      cluster: {
        clusters: findings.length,
        nodes,
        podsPerNode,
        services,
        clouds: clouds.length > 0 ? clouds : ['on-prem'],
        ...(leader === undefined ? {} : { currentCni: leader.cni.value }),
        platforms: platformOrder,
        ...(leader === undefined ? {} : { kubeProxyMode: leader.kubeProxy.value }),
        ...(estateGroups.length === 0 ? {} : { groups: estateGroups }),
      },
      mesh: { current: meshLead?.[0]?.mesh.value ?? 'none', sidecars, ...reserve.values },
    },
    evidence,
    warnings,
  };
}
