/**
 * Every cost input the model uses, by key, with everything the tool says about it in one place: what it is (the
 * answers schema, the questionnaire and the result's assumptions), its short label and unit (tables, charts and
 * the comparison), how running text names it (what would flip the decision, what a close call turns on) and
 * whether the answers file may override it under `assumptions`. data/costs.yaml gives each one a value, range and
 * source. The order is the order the result lists the assumptions in.
 */
export interface CostKeyEntry {
  /** What it is and its unit, one sentence; money is in the engagement currency. */
  readonly description: string;
  /** Short enough for an axis or a table row: "Engineer cost". */
  readonly label: string;
  /** How a value is written: money in the engagement currency, a 0-1 share or a 0-100 percent as "%", or a count. */
  readonly kind: 'money' | 'share' | 'percent' | 'count';
  /** Written after a value; empty for percentages. */
  readonly unit: string;
  /** The key in running text: "the loaded engineer cost per year". */
  readonly inText: string;
  /** Overridden under `assumptions`; false for the keys answered elsewhere in the answers file (mesh.*). */
  readonly publicOverride: boolean;
}

const COST_KEY_ENTRIES = {
  engineerCostPerYear: {
    description: 'Fully loaded cost of one platform engineer per year (salary plus employer costs).',
    label: 'Engineer cost',
    kind: 'money',
    unit: 'per year',
    inText: 'the loaded engineer cost per year',
    publicOverride: true,
  },
  engineerHoursPerYear: {
    description: 'Productive hours per engineer per year, used to turn the yearly cost into an hourly rate.',
    label: 'Productive hours per engineer',
    kind: 'count',
    unit: 'h per year',
    inText: 'the productive hours of an engineer',
    publicOverride: true,
  },
  networkingTimeShare: {
    description: 'Share of the platform team time that can go to running the network layer, 0 to 1.',
    label: 'Team time for networking',
    kind: 'share',
    unit: '',
    inText: 'the share of the team’s time the network layer can have',
    publicOverride: true,
  },
  vcpuHourPrice: {
    description: 'Price of one vCPU for one hour of reserved compute.',
    label: 'vCPU price',
    kind: 'money',
    unit: 'per vCPU-hour',
    inText: 'the vCPU-hour price',
    publicOverride: true,
  },
  memoryGbHourPrice: {
    description: 'Price of one GB of memory for one hour of reserved compute.',
    label: 'Memory price',
    kind: 'money',
    unit: 'per GB-hour',
    inText: 'the price of memory',
    publicOverride: true,
  },
  sidecarCpuMillicores: {
    description: 'CPU reserved per sidecar proxy, in millicores.',
    label: 'CPU per sidecar',
    kind: 'count',
    unit: 'millicores',
    inText: 'the CPU per sidecar (millicores)',
    publicOverride: false,
  },
  sidecarMemoryMiB: {
    description: 'Memory reserved per sidecar proxy, in MiB.',
    label: 'Memory per sidecar',
    kind: 'count',
    unit: 'MiB',
    inText: 'the memory per sidecar (MiB)',
    publicOverride: false,
  },
  sidecarsRemovedWithCiliumPercent: {
    description:
      'Percent of today’s sidecars that moving the mesh to a sidecar-free mode (Istio ambient) retires, on any CNI.',
    label: 'Sidecars ambient mode retires',
    kind: 'percent',
    unit: '',
    inText: 'the share of sidecars a sidecar-free mesh retires',
    publicOverride: true,
  },
  isovalentPricePerNodeYear: {
    description: 'Isovalent Networking for Kubernetes subscription per node per year.',
    label: 'Isovalent subscription',
    kind: 'money',
    unit: 'per node-year',
    inText: 'the Isovalent price per node-year',
    publicOverride: true,
  },
  isovalentSupportEffortFactor: {
    description:
      'Share of Cilium operations effort left when vendor support and curated releases absorb the rest.',
    label: 'Effort left with vendor support',
    kind: 'share',
    unit: 'of Cilium operations',
    inText: 'the effort the vendor’s support saves',
    publicOverride: true,
  },
  flannelOpsHoursPerClusterMonth: {
    description: 'Engineer hours per cluster per month to run Flannel and kube-proxy.',
    label: 'Flannel operations effort',
    kind: 'count',
    unit: 'h per cluster-month',
    inText: 'the effort to run Flannel',
    publicOverride: true,
  },
  ciliumOpsHoursPerClusterMonth: {
    description: 'Engineer hours per cluster per month to run Cilium (agent, operator, Hubble, upgrades).',
    label: 'Cilium operations effort',
    kind: 'count',
    unit: 'h per cluster-month',
    inText: 'the effort to run Cilium',
    publicOverride: true,
  },
  keptCniOpsHoursPerClusterMonth: {
    description:
      'Engineer hours per cluster per month to run the CNI the clusters run today (Calico, AWS VPC CNI, Azure CNI, OVN-Kubernetes), where a path keeps it; the default depends on that CNI and on who runs its agent.',
    label: 'Operations effort of today’s CNI',
    kind: 'count',
    unit: 'h per cluster-month',
    inText: 'the effort to run today’s CNI',
    publicOverride: true,
  },
  kubeProxyCpuMillicoresPerNode: {
    description: 'CPU kube-proxy uses per node at rest, in millicores.',
    label: 'kube-proxy CPU per node',
    kind: 'count',
    unit: 'millicores',
    inText: 'the CPU kube-proxy uses per node',
    publicOverride: true,
  },
  kubeProxyCpuMillicoresPer1000Services: {
    description: 'Extra kube-proxy CPU per node for every 1000 Services (iptables mode), in millicores.',
    label: 'kube-proxy CPU per 1,000 Services',
    kind: 'count',
    unit: 'millicores per node',
    inText: 'the extra kube-proxy CPU per node for every 1000 Services',
    publicOverride: true,
  },
  migrationHoursPerCluster: {
    description: 'Engineer hours per cluster to plan, rehearse and cut over a CNI migration.',
    label: 'Migration effort per cluster',
    kind: 'count',
    unit: 'h',
    inText: 'the migration effort per cluster',
    publicOverride: true,
  },
  kubeProxyRemovalHoursPerCluster: {
    description:
      'Engineer hours per cluster to switch on kube-proxy replacement and remove kube-proxy after the migration.',
    label: 'kube-proxy removal effort',
    kind: 'count',
    unit: 'h per cluster',
    inText: 'the effort to remove kube-proxy',
    publicOverride: true,
  },
  migrationHoursPerNode: {
    description: 'Engineer hours per node for the node-by-node migration (drain, relabel, reboot, validate).',
    label: 'Migration effort per node',
    kind: 'count',
    unit: 'h',
    inText: 'the migration effort per node',
    publicOverride: true,
  },
  meshMigrationHoursPerCluster: {
    description: 'Engineer hours per cluster to move workloads off sidecar proxies.',
    label: 'Mesh migration per cluster',
    kind: 'count',
    unit: 'h',
    inText: 'the effort to move the mesh',
    publicOverride: true,
  },
  ciliumTrainingDaysPerEngineer: {
    description: 'Training days per engineer new to eBPF and Cilium.',
    label: 'Cilium training',
    kind: 'count',
    unit: 'days per engineer',
    inText: 'the Cilium training the team needs',
    publicOverride: true,
  },
  addonTrainingDaysPerEngineer: {
    description: 'Training days per engineer for each new add-on the team must learn.',
    label: 'Add-on training',
    kind: 'count',
    unit: 'days per engineer and add-on',
    inText: 'the training new add-ons need',
    publicOverride: true,
  },
  trainingCoursePerEngineer: {
    description: 'Course or certification fee per engineer trained.',
    label: 'Course fee',
    kind: 'money',
    unit: 'per engineer',
    inText: 'the course fee per engineer trained',
    publicOverride: true,
  },
  fleetMarginalClusterShare: {
    description:
      'Share of one cluster’s upkeep that each further cluster adds when the clusters are built and changed alike, 0 to 1.',
    label: 'Upkeep of each further cluster',
    kind: 'share',
    unit: '',
    inText: 'the upkeep each further cluster adds',
    publicOverride: true,
  },
  // Last: a key added later draws after the others in the simulation.
  ipvsMoveHoursPerCluster: {
    description:
      'Engineer hours per cluster to move kube-proxy from IPVS to nftables mode before IPVS mode is switched off.',
    label: 'Moving kube-proxy off IPVS',
    kind: 'count',
    unit: 'h per cluster',
    inText: 'the effort to move kube-proxy off IPVS',
    publicOverride: true,
  },
  ictProviderContractHours: {
    description:
      'Staff hours, once, to contract a new ICT third-party provider under DORA: risk assessment, the Article 30 clauses, the register entry and an exit strategy.',
    label: 'New ICT provider contract (DORA)',
    kind: 'count',
    unit: 'h per provider',
    inText: 'the work to contract a new ICT provider under DORA',
    publicOverride: true,
  },
  ictProviderUpkeepHoursPerYear: {
    description:
      'Staff hours a year to keep a new ICT third-party provider compliant under DORA: the register, monitoring, and reviewing and testing the exit plan.',
    label: 'New ICT provider upkeep (DORA)',
    kind: 'count',
    unit: 'h per provider a year',
    inText: 'the yearly work a new ICT provider adds under DORA',
    publicOverride: true,
  },
  ictProviderExtensionHours: {
    description:
      'Staff hours, once, to extend a contract the client already holds under DORA to the new service: its register line, the assessment of the service and the exit plan covering it.',
    label: 'ICT contract extension (DORA)',
    kind: 'count',
    unit: 'h per provider',
    inText: 'the work to extend an existing ICT provider contract to the new service under DORA',
    publicOverride: true,
  },
} as const satisfies Record<string, CostKeyEntry>;

export type CostKey = keyof typeof COST_KEY_ENTRIES;
/** Each cost key's entry: the one place to read what the tool calls it. */
export const COST_KEY_REGISTRY: Readonly<Record<CostKey, CostKeyEntry>> = COST_KEY_ENTRIES;
export const COST_KEYS = Object.keys(COST_KEY_ENTRIES) as [CostKey, ...CostKey[]];

/** The keys the answers file may override under `assumptions` (the mesh.* keys are answered under `mesh`). */
export const ASSUMPTION_KEYS = COST_KEYS.filter((k) => COST_KEY_REGISTRY[k].publicOverride) as [
  AssumptionKey,
  ...AssumptionKey[],
];
export type AssumptionKey = {
  [K in CostKey]: (typeof COST_KEY_ENTRIES)[K]['publicOverride'] extends true ? K : never;
}[CostKey];

/** One line per key: what it is and its unit; money is in the engagement currency. */
export const costKeyDescriptions: Readonly<Record<CostKey, string>> = Object.fromEntries(
  COST_KEYS.map((k) => [k, COST_KEY_REGISTRY[k].description]),
) as Record<CostKey, string>;

export const assumptionDescriptions: Readonly<Record<AssumptionKey, string>> = costKeyDescriptions;
