import { COST_KEY_REGISTRY, type CostKey } from '../schema/assumption-keys.js';
import type { Dataset } from '../schema/dataset.js';
import { CLOUD_NAMES, CNI_NAMES, FRAMEWORK_NAMES, MESH_NAMES } from '../schema/display-names.js';
import { formatLongDate, formatMoney, formatNumber, joinAnd } from '../shared/format.js';

/** How the comparison names an answer to a client: the words of the report's situation chapter, not keys. */
const LABELS: Readonly<Record<string, string>> = {
  'engagement.client': 'Client',
  'engagement.preparedBy': 'Prepared by',
  'engagement.date': 'Date',
  'engagement.currency': 'Currency',
  'engagement.horizonYears': 'Horizon (years)',
  'cluster.clusters': 'Clusters',
  'cluster.nodes': 'Worker nodes (all clusters)',
  'cluster.podsPerNode': 'Pods per node',
  'cluster.services': 'Kubernetes Services',
  'cluster.growthPercentPerYear': 'Node growth per year (%)',
  'cluster.clouds': 'Where the clusters run',
  'cluster.currentCni': 'CNI today',
  'cluster.kubeProxyMode': 'kube-proxy mode',
  'compliance.frameworks': 'Compliance frameworks',
  'compliance.encryptionInTransit': 'Encryption in transit',
  'compliance.flowLogRetentionDays': 'Flow-log retention (days)',
  'compliance.airGapped': 'Air-gapped',
  'compliance.fips': 'FIPS 140 cryptography',
  'compliance.fedrampImpact': 'FedRAMP impact level',
  'team.maturity': 'Kubernetes maturity',
  'team.platformEngineers': 'Platform engineers',
  'team.ebpfExperience': 'eBPF experience',
  'team.vendorSupport': '24×7 vendor support',
  'mesh.current': 'Mesh today',
  'mesh.sidecars': 'Pods with a sidecar',
  'mesh.sidecarCpuMillicores': 'CPU per sidecar (millicores)',
  'mesh.sidecarMemoryMiB': 'Memory per sidecar (MiB)',
  'mesh.latencySensitive': 'Latency-sensitive workloads',
  'priorities.cost': 'Cost priority',
  'priorities.capability': 'Capability priority',
  'priorities.risk': 'Risk priority',
  'priorities.simplicity': 'Simplicity priority',
  stakeholders: 'Stakeholders',
};

const SECTION_LABELS: Readonly<Record<string, string>> = {
  engagement: 'Engagement',
  cluster: 'Estate',
  compliance: 'Compliance',
  team: 'Team',
  mesh: 'Service mesh',
  needs: 'Needs',
  priorities: 'Priorities',
  assumptions: 'Cost assumptions',
  stakeholders: 'Stakeholders',
};

/** A label for an answers key path, or for a whole section (`cluster`); never the key itself for a known key. */
export function inputLabel(path: string, dataset: Dataset): string {
  const known = LABELS[path] ?? SECTION_LABELS[path];
  if (known !== undefined) return known;
  const [section, key = ''] = path.split('.');
  if (section === 'needs') {
    const capability = dataset.capabilities.find((c) => c.id === key);
    return `Need: ${capability?.name ?? spaced(key)}`;
  }
  if (section === 'assumptions' && key in COST_KEY_REGISTRY) return COST_KEY_REGISTRY[key as CostKey].label;
  // A key added to the format after this table: its words, split from camelCase, rather than nothing.
  return `${SECTION_LABELS[section ?? ''] ?? spaced(section ?? '')}: ${spaced(key)}`;
}

/** `isovalentPricePerNodeYear` → "isovalent price per node year". */
function spaced(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

const NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'cluster.clouds': CLOUD_NAMES,
  'cluster.currentCni': CNI_NAMES,
  'compliance.frameworks': FRAMEWORK_NAMES,
  'mesh.current': MESH_NAMES,
};

/** A value as the client reads it; `currency` formats cost assumptions that are money. */
export function inputValue(path: string, value: unknown, dataset: Dataset, currency: string): string {
  if (value === null || value === undefined) {
    if (path.startsWith('needs.')) return 'derived from the answers';
    if (path.startsWith('assumptions.') || path.startsWith('mesh.sidecar')) return 'default';
    return 'not set';
  }
  const names = NAMES[path];
  if (Array.isArray(value)) {
    if (path === 'stakeholders') return joinAnd(value.map((s) => String((s as { name?: unknown }).name)));
    return value.length === 0 ? 'none' : joinAnd(value.map((v) => names?.[String(v)] ?? String(v)));
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    const key = path.startsWith('assumptions.') ? path.slice('assumptions.'.length) : '';
    const cost = dataset.costs[key as keyof Dataset['costs']];
    if (cost?.money === true) return formatMoney(value, currency);
    return formatNumber(value, 2);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  if (path === 'engagement.date') return formatLongDate(String(value));
  return names?.[String(value)] ?? String(value);
}
