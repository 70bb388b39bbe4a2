import type { CLOUDS, CNIS, FRAMEWORKS, Importance, MESHES } from '../schema/answers.js';
import {
  CLOUD_NAMES,
  CNI_NAMES,
  FRAMEWORK_NAMES,
  MESH_NAMES,
  PLATFORM_NAMES,
} from '../schema/display-names.js';
import { formatNumber, joinAnd, plural } from '../shared/format.js';
import { runsTodayText, type TodayName } from '../words/baseline-text.js';
import { IMPORTANCE_LABELS } from '../words/level-words.js';
import type { ReportContext } from './report-context.js';
import type { SituationSection } from './report-model.js';

const ORIGIN_LABELS = { answer: 'stated in the workshop', rule: 'derived', default: 'default' } as const;

/** The client's answers as a reader checks them: grouped like the workshop, in words rather than keys. */
export function situationSection(ctx: ReportContext): SituationSection {
  const { result } = ctx.sources;
  const { cluster, compliance, team, mesh } = result.situation;
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  const groups = [
    {
      title: 'Estate',
      rows: [
        { label: 'Clusters', value: formatNumber(cluster.clusters) },
        { label: 'Worker nodes (all clusters)', value: formatNumber(cluster.nodes) },
        { label: 'Pods per node', value: formatNumber(cluster.podsPerNode) },
        { label: 'Kubernetes Services', value: formatNumber(cluster.services) },
        { label: 'Node growth per year', value: `${formatNumber(cluster.growthPercentPerYear, 1)} %` },
        { label: 'Where the clusters run', value: joinAnd(cluster.clouds.map(cloudName)) },
        ...platformRows(cluster, result.baseline.runsToday),
        { label: 'kube-proxy mode', value: cluster.kubeProxyMode },
      ],
    },
    {
      title: 'Compliance',
      rows: [
        {
          label: 'Frameworks',
          value:
            compliance.frameworks.length === 0
              ? 'none'
              : joinAnd(
                  compliance.frameworks.map((f) =>
                    f === 'fedramp'
                      ? `${frameworkName(f)} (${compliance.fedrampImpact === 'high' ? 'High' : 'Moderate'} impact)`
                      : frameworkName(f),
                  ),
                ),
        },
        { label: 'Encryption in transit', value: compliance.encryptionInTransit },
        {
          label: 'Flow-log retention',
          value:
            compliance.flowLogRetentionDays === 0
              ? 'not needed'
              : plural(compliance.flowLogRetentionDays, 'day'),
        },
        { label: 'Air-gapped', value: yesNo(compliance.airGapped) },
        { label: 'FIPS 140 cryptography', value: yesNo(compliance.fips) },
      ],
    },
    {
      title: 'Team',
      rows: [
        { label: 'Kubernetes maturity', value: team.maturity },
        { label: 'Platform engineers', value: formatNumber(team.platformEngineers) },
        { label: 'eBPF experience', value: team.ebpfExperience },
        { label: '24×7 vendor support', value: team.vendorSupport },
      ],
    },
    {
      title: 'Service mesh',
      rows:
        mesh.current === 'none'
          ? [{ label: 'Mesh today', value: 'none' }]
          : [
              { label: 'Mesh today', value: meshName(mesh.current) },
              { label: 'Pods with a sidecar', value: formatNumber(mesh.sidecars) },
              { label: 'Latency-sensitive workloads', value: yesNo(mesh.latencySensitive) },
            ],
    },
    {
      title: 'Engagement',
      rows: [
        { label: 'Currency', value: result.currency.code },
        { label: 'Horizon', value: plural(result.engagement.horizonYears, 'year') },
      ],
    },
  ];
  const needs = result.needs.map((n) => ({
    name: n.name,
    importance: IMPORTANCE_LABELS[n.importance],
    importanceClass: importanceClass(n.importance),
    origin: ORIGIN_LABELS[n.origin],
    why: n.reasons.join(' '),
  }));
  return { groups, needs };
}

type SituationCluster = ReportContext['sources']['result']['situation']['cluster'];

/**
 * The platform and the CNI today: one row each for an estate run alike, else a row per group of clusters
 * (an estate of EKS and RKE2 does not have one CNI today).
 */
function platformRows(
  cluster: SituationCluster,
  today: readonly TodayName[],
): { label: string; value: string }[] {
  const groups = cluster.groups ?? [];
  if (groups.length < 2)
    return [
      { label: 'Platform', value: joinAnd(cluster.platforms.map((p) => PLATFORM_NAMES[p])) },
      { label: 'CNI today', value: runsTodayText(today) },
    ];
  // The result lists what runs today in the groups' order.
  return groups.map((g, i) => ({
    label: g.name,
    value: `${PLATFORM_NAMES[g.platform]}: ${plural(g.clusters, 'cluster')}, ${plural(g.nodes, 'worker node')}, ${today[i]?.name ?? cniName(g.currentCni)} today`,
  }));
}

export function importanceClass(importance: Importance): string {
  return `importance-${importance}`;
}

function cloudName(id: (typeof CLOUDS)[number]): string {
  return CLOUD_NAMES[id];
}

export function cniName(id: (typeof CNIS)[number]): string {
  return CNI_NAMES[id];
}

export function meshName(id: (typeof MESHES)[number]): string {
  return MESH_NAMES[id];
}

function frameworkName(id: (typeof FRAMEWORKS)[number]): string {
  return FRAMEWORK_NAMES[id];
}
