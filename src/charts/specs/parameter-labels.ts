import type { CostKey } from '../../schema/assumption-keys.js';
import { chartMoney, formatMeasure, formatUnitPrice } from '../../shared/format.js';

export interface ParameterLabel {
  /** Short enough for an axis label; the result's descriptions are full sentences. */
  readonly name: string;
  /** How a value is written: money in the engagement currency, a 0-1 share or a 0-100 percent as "%", or a count. */
  readonly kind: 'money' | 'share' | 'percent' | 'count';
  /** Written after the value; empty for percentages. */
  readonly unit: string;
}

export const PARAMETER_LABELS: Readonly<Record<CostKey, ParameterLabel>> = {
  engineerCostPerYear: { name: 'Engineer cost', kind: 'money', unit: 'per year' },
  engineerHoursPerYear: { name: 'Productive hours per engineer', kind: 'count', unit: 'h per year' },
  networkingTimeShare: { name: 'Team time for networking', kind: 'share', unit: '' },
  fleetMarginalClusterShare: { name: 'Upkeep of each further cluster', kind: 'share', unit: '' },
  vcpuHourPrice: { name: 'vCPU price', kind: 'money', unit: 'per vCPU-hour' },
  memoryGbHourPrice: { name: 'Memory price', kind: 'money', unit: 'per GB-hour' },
  sidecarCpuMillicores: { name: 'CPU per sidecar', kind: 'count', unit: 'millicores' },
  sidecarMemoryMiB: { name: 'Memory per sidecar', kind: 'count', unit: 'MiB' },
  sidecarsRemovedWithCiliumPercent: { name: 'Sidecars ambient mode retires', kind: 'percent', unit: '' },
  isovalentPricePerNodeYear: { name: 'Isovalent subscription', kind: 'money', unit: 'per node-year' },
  isovalentSupportEffortFactor: {
    name: 'Effort left with vendor support',
    kind: 'share',
    unit: 'of Cilium operations',
  },
  flannelOpsHoursPerClusterMonth: {
    name: 'Flannel operations effort',
    kind: 'count',
    unit: 'h per cluster-month',
  },
  ciliumOpsHoursPerClusterMonth: {
    name: 'Cilium operations effort',
    kind: 'count',
    unit: 'h per cluster-month',
  },
  keptCniOpsHoursPerClusterMonth: {
    name: 'Operations effort of today’s CNI',
    kind: 'count',
    unit: 'h per cluster-month',
  },
  kubeProxyRemovalHoursPerCluster: {
    name: 'kube-proxy removal effort',
    kind: 'count',
    unit: 'h per cluster',
  },
  kubeProxyCpuMillicoresPerNode: { name: 'kube-proxy CPU per node', kind: 'count', unit: 'millicores' },
  kubeProxyCpuMillicoresPer1000Services: {
    name: 'kube-proxy CPU per 1,000 Services',
    kind: 'count',
    unit: 'millicores per node',
  },
  migrationHoursPerCluster: { name: 'Migration effort per cluster', kind: 'count', unit: 'h' },
  migrationHoursPerNode: { name: 'Migration effort per node', kind: 'count', unit: 'h' },
  meshMigrationHoursPerCluster: { name: 'Mesh migration per cluster', kind: 'count', unit: 'h' },
  ciliumTrainingDaysPerEngineer: { name: 'Cilium training', kind: 'count', unit: 'days per engineer' },
  addonTrainingDaysPerEngineer: {
    name: 'Add-on training',
    kind: 'count',
    unit: 'days per engineer and add-on',
  },
  trainingCoursePerEngineer: { name: 'Course fee', kind: 'money', unit: 'per engineer' },
};

/** "€809 – €2,772 per node-year", "50 – 100 %", "4 – 16 h per cluster-month": the chart rule of the shared rounding rules. */
export function formatParameterRange(
  label: ParameterLabel,
  low: number,
  high: number,
  currency: string,
): string {
  const one = (x: number): string => {
    switch (label.kind) {
      case 'money':
        return x < 100 ? formatUnitPrice(x, currency) : chartMoney(x, currency);
      case 'share':
        return `${formatMeasure(x * 100)} %`;
      case 'percent':
        return `${formatMeasure(x)} %`;
      case 'count':
        return formatMeasure(x);
    }
  };
  const range = `${one(low)} – ${one(high)}`;
  return label.unit === '' ? range : `${range} ${label.unit}`;
}
