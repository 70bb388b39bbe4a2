/**
 * Every cost default the model uses, by key. data/costs.yaml gives each one a value, unit, range and
 * source; the answers file may override the ones in ASSUMPTION_KEYS under `assumptions`.
 */
export const COST_KEYS = [
  'engineerCostPerYear',
  'engineerHoursPerYear',
  'networkingTimeShare',
  'vcpuHourPrice',
  'memoryGbHourPrice',
  'sidecarCpuMillicores',
  'sidecarMemoryMiB',
  'sidecarsRemovedWithCiliumPercent',
  'isovalentPricePerNodeYear',
  'isovalentSupportEffortFactor',
  'flannelOpsHoursPerClusterMonth',
  'ciliumOpsHoursPerClusterMonth',
  'keptCniOpsHoursPerClusterMonth',
  'kubeProxyCpuMillicoresPerNode',
  'kubeProxyCpuMillicoresPer1000Services',
  'migrationHoursPerCluster',
  'kubeProxyRemovalHoursPerCluster',
  'migrationHoursPerNode',
  'meshMigrationHoursPerCluster',
  'ciliumTrainingDaysPerEngineer',
  'addonTrainingDaysPerEngineer',
  'trainingCoursePerEngineer',
  'fleetMarginalClusterShare',
] as const;
export type CostKey = (typeof COST_KEYS)[number];

/** Keys answered elsewhere in the answers file (mesh.*) are not repeated under `assumptions`. */
export const ASSUMPTION_KEYS = COST_KEYS.filter(
  (k): k is Exclude<CostKey, 'sidecarCpuMillicores' | 'sidecarMemoryMiB'> =>
    k !== 'sidecarCpuMillicores' && k !== 'sidecarMemoryMiB',
);
export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

/** One line per key: what it is and its unit; money is in the engagement currency. */
export const costKeyDescriptions: Record<CostKey, string> = {
  engineerCostPerYear: 'Fully loaded cost of one platform engineer per year (salary plus employer costs).',
  engineerHoursPerYear:
    'Productive hours per engineer per year, used to turn the yearly cost into an hourly rate.',
  networkingTimeShare: 'Share of the platform team time that can go to running the network layer, 0 to 1.',
  vcpuHourPrice: 'Price of one vCPU for one hour of reserved compute.',
  memoryGbHourPrice: 'Price of one GB of memory for one hour of reserved compute.',
  sidecarCpuMillicores: 'CPU reserved per sidecar proxy, in millicores.',
  sidecarMemoryMiB: 'Memory reserved per sidecar proxy, in MiB.',
  sidecarsRemovedWithCiliumPercent:
    'Percent of today’s sidecars that moving the mesh to a sidecar-free mode (Istio ambient) retires, on any CNI.',
  isovalentPricePerNodeYear: 'Isovalent Networking for Kubernetes subscription per node per year.',
  isovalentSupportEffortFactor:
    'Share of Cilium operations effort left when vendor support and curated releases absorb the rest.',
  flannelOpsHoursPerClusterMonth: 'Engineer hours per cluster per month to run Flannel and kube-proxy.',
  ciliumOpsHoursPerClusterMonth:
    'Engineer hours per cluster per month to run Cilium (agent, operator, Hubble, upgrades).',
  keptCniOpsHoursPerClusterMonth:
    'Engineer hours per cluster per month to run the CNI the clusters run today (Calico, AWS VPC CNI, Azure CNI, OVN-Kubernetes), where a path keeps it; the default depends on that CNI and on who runs its agent.',
  fleetMarginalClusterShare:
    'Share of one cluster’s upkeep that each further cluster adds when the clusters are built and changed alike, 0 to 1.',
  kubeProxyCpuMillicoresPerNode: 'CPU kube-proxy uses per node at rest, in millicores.',
  kubeProxyCpuMillicoresPer1000Services:
    'Extra kube-proxy CPU per node for every 1000 Services (iptables mode), in millicores.',
  migrationHoursPerCluster: 'Engineer hours per cluster to plan, rehearse and cut over a CNI migration.',
  kubeProxyRemovalHoursPerCluster:
    'Engineer hours per cluster to switch on kube-proxy replacement and remove kube-proxy after the migration.',
  migrationHoursPerNode:
    'Engineer hours per node for the node-by-node migration (drain, relabel, reboot, validate).',
  meshMigrationHoursPerCluster: 'Engineer hours per cluster to move workloads off sidecar proxies.',
  ciliumTrainingDaysPerEngineer: 'Training days per engineer new to eBPF and Cilium.',
  addonTrainingDaysPerEngineer: 'Training days per engineer for each new add-on the team must learn.',
  trainingCoursePerEngineer: 'Course or certification fee per engineer trained.',
};

export const assumptionDescriptions: Record<AssumptionKey, string> = costKeyDescriptions;
