import { z } from 'zod';
import { HOURS_PER_YEAR } from '../shared/units.js';
import { ASSUMPTION_KEYS, type AssumptionKey, assumptionDescriptions } from './assumption-keys.js';
import { CRITERION_LABELS, type Criterion, criterionInText } from './criteria.js';
import { DISPLAY_TEXT, isDisplayText } from './display-text.js';

/** Capabilities whose importance the answers file may set explicitly under `needs`. */
export const NEED_KEYS = [
  'networkPolicy',
  'l7Policy',
  'kubeProxyReplacement',
  'encryption',
  'multiCluster',
  'observability',
  'flowRetention',
  'serviceMesh',
  'runtimeSecurity',
  'egressControl',
  'vendorSupport',
] as const;
export type NeedKey = (typeof NEED_KEYS)[number];

export const IMPORTANCE_LEVELS = ['must', 'should', 'nice', 'no'] as const;
export type Importance = (typeof IMPORTANCE_LEVELS)[number];

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN'] as const;
export const CLOUDS = ['aws', 'azure', 'gcp', 'oracle', 'ibm', 'alibaba', 'on-prem', 'other'] as const;
export const CNIS = [
  'flannel',
  'canal',
  'calico',
  'cilium',
  'aws-vpc-cni',
  'azure-cni',
  'ovn-kubernetes',
  'weave',
  'other',
  'none',
] as const;
/** Who runs the clusters' Kubernetes: a managed service or distribution, or the client alone. */
export const PLATFORMS = [
  'self-managed',
  'eks',
  'aks',
  'gke',
  'gke-autopilot',
  'openshift',
  'rke2',
  'k3s',
  'talos',
] as const;
export const KUBE_PROXY_MODES = ['iptables', 'ipvs', 'nftables', 'none'] as const;
export const FRAMEWORKS = [
  'pci-dss',
  'hipaa',
  'soc2',
  'iso27001',
  'fedramp',
  'gdpr',
  'nis2',
  'dora',
] as const;
export const REQUIREMENT_LEVELS = ['required', 'preferred', 'none'] as const;
/**
 * The vendors a path can bring as an ICT third-party provider, as an answers file names them, each with the name
 * data/ gives it (options' and add-ons' `vendor`; a test keeps the two in step).
 */
export const VENDOR_NAMES = { isovalent: 'Isovalent, part of Cisco', tigera: 'Tigera' } as const;
export const VENDORS = ['isovalent', 'tigera'] as const satisfies readonly (keyof typeof VENDOR_NAMES)[];
/** FedRAMP impact levels whose cryptography rules differ (FedRAMP 20x, Using Cryptographic Modules). */
export const FEDRAMP_IMPACT_LEVELS = ['moderate', 'high'] as const;
export const MATURITY_LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
export const EBPF_EXPERIENCE = ['none', 'some', 'deep'] as const;
export const MESHES = ['none', 'istio', 'linkerd', 'consul', 'kuma', 'other'] as const;

const count = (description: string, min: number, max: number) =>
  z.number().int().min(min).max(max).describe(description);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const EngagementSchema = z
  .strictObject({
    client: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .refine(isDisplayText, DISPLAY_TEXT)
      .describe('Client organisation named on the cover and in the file names.'),
    preparedBy: z
      .string()
      .trim()
      .max(160)
      .refine(isDisplayText, DISPLAY_TEXT)
      .optional()
      .describe('Who prepared the report (person, firm). Omitted: not shown.'),
    scenario: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .refine(isDisplayText, DISPLAY_TEXT)
      .optional()
      .describe(
        'A name for this variant of the client’s situation ("Vendor support required"), shown on the report’s ' +
          'cover and naming the scenario in compare (unless --label names it). Omitted: not shown; compare names ' +
          'the file.',
      ),
    date: z
      .string()
      .regex(ISO_DATE, 'a date written YYYY-MM-DD')
      .refine(isRealDate, 'a calendar date that exists')
      .optional()
      .describe('Report date, YYYY-MM-DD. Default: today (or SOURCE_DATE_EPOCH when set).'),
    currency: z
      .enum(CURRENCIES)
      .default('USD')
      .describe('ISO 4217 currency of every amount in the answers and the report.'),
    exchangeRate: z
      .number()
      .positive()
      .max(1_000_000)
      .optional()
      .describe(
        'Units of the engagement currency per US dollar, to convert the USD defaults with. Default: the ECB ' +
          'monthly average for the report month (the latest shipped for a later date).',
      ),
    horizonYears: count('Years the total cost of ownership covers.', 1, 10).default(3),
  })
  .describe('Who the report is for and how costs are shown.');

/**
 * Where a CNI can run at all: the Amazon VPC CNI gives pods VPC addresses and Azure CNI Azure virtual-network
 * addresses, so neither runs outside its cloud (on-prem nodes of an EKS cluster, EKS Hybrid Nodes, run Cilium or
 * Calico: https://docs.aws.amazon.com/eks/latest/userguide/hybrid-nodes-cni.html).
 */
export const CNI_CLOUDS: Partial<Record<(typeof CNIS)[number], readonly (typeof CLOUDS)[number][]>> = {
  'aws-vpc-cni': ['aws'],
  'azure-cni': ['azure'],
};
/** Where a managed platform's nodes can be: its own cloud, or on premises as hybrid or Arc-connected nodes. */
export const PLATFORM_CLOUDS: Partial<
  Record<(typeof PLATFORMS)[number], readonly (typeof CLOUDS)[number][]>
> = {
  eks: ['aws', 'on-prem'],
  aks: ['azure', 'on-prem'],
  gke: ['gcp', 'on-prem'],
  'gke-autopilot': ['gcp'],
};
/**
 * The only CNIs a platform lets its clusters run: GKE Autopilot always runs GKE Dataplane V2 (Google's Cilium) and
 * admits no CNI of the team's own (https://cloud.google.com/kubernetes-engine/docs/concepts/about-autopilot-privileged-workloads).
 */
export const PLATFORM_CNIS: Partial<Record<(typeof PLATFORMS)[number], readonly (typeof CNIS)[number][]>> = {
  'gke-autopilot': ['cilium', 'none'],
};

const uniqueList = <T extends string>(values: readonly [T, ...T[]], what: string, description: string) =>
  z
    .array(z.enum(values))
    .min(1)
    .max(values.length)
    .refine((xs) => new Set(xs).size === xs.length, `each ${what} listed once`)
    .describe(description);

/** One part of an estate that is run alike: one platform, its clouds, its clusters and nodes, and the CNI it runs. */
export const EstateGroupSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .refine(isDisplayText, DISPLAY_TEXT)
      .describe(
        'What the report calls this part of the estate, say "EKS in eu-central-1" or "on-prem RKE2".',
      ),
    platform: z
      .enum(PLATFORMS)
      .describe(
        'Who runs these clusters: self-managed, eks, aks, gke (Standard clusters), gke-autopilot, openshift, rke2, k3s or talos.',
      ),
    clouds: uniqueList(
      CLOUDS,
      'cloud',
      'Where these clusters run (on-prem for EKS Hybrid Nodes and other nodes in own data centres).',
    ),
    clusters: count('Kubernetes clusters in this group.', 1, 10_000),
    nodes: count('Worker nodes across this group’s clusters, today.', 1, 1_000_000),
    currentCni: z.enum(CNIS).describe('The CNI these clusters run today.'),
    podsPerNode: count(
      'Average pods per worker node in this group. Default: cluster.podsPerNode.',
      1,
      1_000,
    ).optional(),
    services: count(
      'Kubernetes Services across this group’s clusters. Default: the estate’s, shared by node count.',
      0,
      10_000_000,
    ).optional(),
    kubeProxyMode: z
      .enum(KUBE_PROXY_MODES)
      .optional()
      .describe('How kube-proxy programs Services in this group today. Default: cluster.kubeProxyMode.'),
  })
  .describe('One group of the estate, run alike.');
export type EstateGroup = z.output<typeof EstateGroupSchema>;

const GROUPS_MAX = 12;

/**
 * The keys of `cluster` that an estate's groups decide: counts, clouds, platforms and the leading CNI always;
 * services and pods per node where every group gives its own.
 */
export function keysDecidedByGroups(
  groups: readonly { services?: number | undefined; podsPerNode?: number | undefined }[],
): string[] {
  return [
    'clusters',
    'nodes',
    ...(groups.every((g) => g.podsPerNode !== undefined) ? ['podsPerNode'] : []),
    ...(groups.every((g) => g.services !== undefined) ? ['services'] : []),
    'clouds',
    'currentCni',
    'platforms',
  ];
}

/** The estate's totals follow from its groups: counts add up, and the largest group's CNI leads. */
function totalsFromGroups<
  C extends {
    clusters: number;
    nodes: number;
    podsPerNode: number;
    services: number;
    clouds: (typeof CLOUDS)[number][];
    currentCni: (typeof CNIS)[number];
    platforms: (typeof PLATFORMS)[number][];
    groups?: EstateGroup[] | undefined;
  },
>(c: C): C {
  const groups = c.groups;
  if (groups === undefined || groups.length === 0) return c;
  const nodes = groups.reduce((s, g) => s + g.nodes, 0);
  const largest = groups.reduce((a, g) => (g.nodes > a.nodes ? g : a));
  const allGive = <K extends 'services' | 'podsPerNode'>(k: K) => groups.every((g) => g[k] !== undefined);
  return {
    ...c,
    clusters: groups.reduce((s, g) => s + g.clusters, 0),
    nodes,
    podsPerNode: allGive('podsPerNode')
      ? Math.max(1, Math.round(groups.reduce((s, g) => s + g.nodes * (g.podsPerNode ?? 0), 0) / nodes))
      : c.podsPerNode,
    services: allGive('services') ? groups.reduce((s, g) => s + (g.services ?? 0), 0) : c.services,
    clouds: [...new Set(groups.flatMap((g) => g.clouds))],
    platforms: [...new Set(groups.map((g) => g.platform))],
    currentCni: largest.currentCni,
  };
}

export const ClusterSchema = z
  .strictObject({
    clusters: count('Kubernetes clusters in scope.', 1, 10_000).default(1),
    nodes: count('Total worker nodes across all clusters, today.', 1, 1_000_000).default(10),
    podsPerNode: count('Average pods per worker node.', 1, 1_000).default(30),
    services: count('Kubernetes Services across all clusters.', 0, 10_000_000).default(100),
    growthPercentPerYear: z
      .number()
      .min(-50)
      .max(300)
      .default(10)
      .describe('Yearly growth of the node count, in percent (negative for shrinking).'),
    clouds: z
      .array(z.enum(CLOUDS))
      .min(1)
      .max(CLOUDS.length)
      .refine((xs) => new Set(xs).size === xs.length, 'each cloud listed once')
      .default(['aws'])
      .describe('Where the clusters run; more than one entry means multi-cloud or hybrid.'),
    currentCni: z.enum(CNIS).default('flannel').describe('The CNI the clusters run today.'),
    platforms: z
      .array(z.enum(PLATFORMS))
      .min(1)
      .max(PLATFORMS.length)
      .refine((xs) => new Set(xs).size === xs.length, 'each platform listed once')
      .default(['self-managed'])
      .describe(
        'Who runs the clusters: self-managed, or a managed service or distribution (eks, aks, gke for GKE Standard clusters, gke-autopilot, openshift, rke2, k3s, talos); it decides which CNIs are possible and who supports them.',
      ),
    kubeProxyMode: z
      .enum(KUBE_PROXY_MODES)
      .default('iptables')
      .describe('How kube-proxy programs Services today.'),
    groups: z
      .array(EstateGroupSchema)
      .min(1)
      .max(GROUPS_MAX)
      .refine(
        (xs) => new Set(xs.map((x) => x.name.toLowerCase())).size === xs.length,
        'each group named once',
      )
      .optional()
      .describe(
        'The estate as groups run alike (say EKS in AWS and RKE2 on premises), each with its own platform, clouds, ' +
          'clusters, nodes and CNI: the totals above follow from them, and each group gets its own path and costs. ' +
          'Omitted: the estate is one group, as described above.',
      ),
  })
  .overwrite(totalsFromGroups)
  .superRefine((c, ctx) => {
    const groups = c.groups ?? [];
    groups.forEach((g, i) => {
      const home = CNI_CLOUDS[g.currentCni];
      const away = home === undefined ? [] : g.clouds.filter((cloud) => !home.includes(cloud));
      if (home !== undefined && away.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['groups', i, 'currentCni'],
          message: `${g.currentCni} cannot run on ${away.join(' or ')} (got clouds ${g.clouds.join(', ')}; expected only ${home.join(' or ')}, or put those nodes in a group of their own with the CNI they run)`,
        });
      }
      const runs = PLATFORM_CNIS[g.platform];
      if (runs !== undefined && !runs.includes(g.currentCni)) {
        ctx.addIssue({
          code: 'custom',
          path: ['groups', i, 'currentCni'],
          message: `${g.platform} runs only ${runs.join(' or ')} (got ${g.currentCni})`,
        });
      }
      const reach = PLATFORM_CLOUDS[g.platform];
      const outside = reach === undefined ? [] : g.clouds.filter((cloud) => !reach.includes(cloud));
      if (reach !== undefined && outside.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['groups', i, 'clouds'],
          message: `${g.platform} does not run on ${outside.join(' or ')} (expected ${reach.join(' or ')})`,
        });
      }
      if (g.nodes < g.clusters) {
        ctx.addIssue({
          code: 'custom',
          path: ['groups', i, 'nodes'],
          message: `fewer worker nodes than clusters in this group (got ${g.nodes}; expected at least ${g.clusters})`,
        });
      }
    });
    // An estate described as one group: its CNI must run on at least one of its platforms.
    const limits = c.platforms.map((p) => PLATFORM_CNIS[p]);
    if (groups.length === 0 && limits.every((runs) => runs !== undefined && !runs.includes(c.currentCni))) {
      ctx.addIssue({
        code: 'custom',
        path: ['currentCni'],
        message: `${c.platforms.join(', ')} ${c.platforms.length === 1 ? 'runs' : 'run'} only ${[...new Set(limits.flat())].join(' or ')} (got ${c.currentCni})`,
      });
    }
    const withServices = groups.filter((g) => g.services !== undefined).length;
    if (withServices > 0 && withServices < groups.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['groups', groups.findIndex((g) => g.services === undefined), 'services'],
        message:
          'services given for some groups only (expected every group’s services, or none: then the estate’s are shared by node count)',
      });
    }
  })
  .describe('Size and shape of the estate.');

export const ComplianceSchema = z
  .strictObject({
    frameworks: z
      .array(z.enum(FRAMEWORKS))
      .max(FRAMEWORKS.length)
      .refine((xs) => new Set(xs).size === xs.length, 'each framework listed once')
      .default([])
      .describe('Compliance frameworks the clusters fall under.'),
    fedrampImpact: z
      .enum(FEDRAMP_IMPACT_LEVELS)
      .default('high')
      .describe(
        'The FedRAMP impact level the service is authorised at, read only when the frameworks include FedRAMP. At ' +
          'Moderate, FedRAMP 20x recommends FIPS 140-validated cryptographic modules (FRR-UCM-03, SHOULD); at High ' +
          'it requires them (FRR-UCM-04, MUST). High unless stated, the stricter reading.',
      ),
    contractedVendors: z
      .array(z.enum(VENDORS))
      .max(VENDORS.length)
      .refine((xs) => new Set(xs).size === xs.length, 'each vendor listed once')
      .default([])
      .describe(
        'Vendors the client already holds a contract with that covers the path’s subscription or add-on ' +
          '(isovalent: Isovalent, part of Cisco, directly or under a Cisco agreement that covers it; tigera: ' +
          'Tigera), read only when the frameworks include DORA: such a vendor is no new ICT third-party provider, ' +
          'so the path is not charged the DORA contracting and yearly upkeep of one. None unless stated.',
      ),
    encryptionInTransit: z
      .enum(REQUIREMENT_LEVELS)
      .default('none')
      .describe('Whether pod-to-pod traffic must be encrypted between nodes.'),
    flowLogRetentionDays: count(
      'Days network flow logs must be kept; 0 means no retention needed.',
      0,
      3_650,
    ).default(0),
    airGapped: z
      .boolean()
      .default(false)
      .describe('Clusters have no internet access (installs from internal mirrors).'),
    fips: z.boolean().default(false).describe('FIPS 140 validated cryptography is required.'),
  })
  .describe('Regulatory and audit requirements.');

export const TeamSchema = z
  .strictObject({
    maturity: z
      .enum(MATURITY_LEVELS)
      .default('intermediate')
      .describe('Platform team experience running Kubernetes.'),
    platformEngineers: count('Engineers who run the clusters.', 0, 10_000).default(2),
    ebpfExperience: z
      .enum(EBPF_EXPERIENCE)
      .default('none')
      .describe('Team experience debugging eBPF data planes.'),
    vendorSupport: z
      .enum(REQUIREMENT_LEVELS)
      .default('none')
      .describe('Need for SLA-backed 24x7 vendor support for the network layer.'),
  })
  .describe('The team that will run the network layer.');

export const MeshSchema = z
  .strictObject({
    current: z.enum(MESHES).default('none').describe('Service mesh in use today.'),
    sidecars: count('Pods running a sidecar proxy today.', 0, 100_000_000).default(0),
    sidecarCpuMillicores: z
      .number()
      .min(0)
      .max(64_000)
      .optional()
      .describe('CPU reserved per sidecar, in millicores. Default: from data/ (sidecarCpuMillicores).'),
    sidecarMemoryMiB: z
      .number()
      .min(0)
      .max(262_144)
      .optional()
      .describe('Memory reserved per sidecar, in MiB. Default: from data/ (sidecarMemoryMiB).'),
    latencySensitive: z.boolean().default(false).describe('Workloads where added proxy latency matters.'),
  })
  .describe('Service mesh footprint today.');

const importance = (capability: string) =>
  z
    .enum(IMPORTANCE_LEVELS)
    .optional()
    .describe(`How much ${capability} matters. Default: derived from the other answers.`);

export const NeedsSchema = z
  .strictObject({
    networkPolicy: importance('L3/L4 Kubernetes NetworkPolicy enforcement'),
    l7Policy: importance('L7 (HTTP, gRPC, DNS) policy'),
    kubeProxyReplacement: importance('replacing kube-proxy with an eBPF service load balancer'),
    encryption: importance('transparent pod-to-pod encryption'),
    multiCluster: importance('cross-cluster networking and service discovery'),
    observability: importance('network flow observability'),
    flowRetention: importance('historical flow storage for audit and forensics'),
    serviceMesh: importance('service mesh features (mTLS, traffic management)'),
    runtimeSecurity: importance('runtime security (process and syscall visibility)'),
    egressControl: importance('L7-aware ingress and egress control with stable egress IPs'),
    vendorSupport: importance(
      'SLA-backed vendor support for the network layer (default from team.vendorSupport)',
    ),
  } satisfies Record<NeedKey, z.ZodType>)
  .describe(
    'Importance of each capability: must, should, nice or no. Omitted: derived from the answers above.',
  );

const priority = (criterion: Criterion) =>
  z
    .number()
    .min(0)
    .max(5)
    .default(3)
    .describe(
      `Weight of ${criterionInText(criterion)} in the decision, 0 (ignore) to 5. ${CRITERION_LABELS[criterion].name}: ${CRITERION_LABELS[criterion].meaning}.`,
    );

export const PrioritiesSchema = z
  .strictObject({
    cost: priority('cost'),
    capability: priority('capability'),
    risk: priority('risk'),
    simplicity: priority('simplicity'),
  })
  .refine((p) => p.cost + p.capability + p.risk + p.simplicity > 0, 'at least one priority above 0')
  .describe('How much each criterion counts in the decision.');

const STAKEHOLDERS_MAX = 12;

export const StakeholderSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .refine(isDisplayText, DISPLAY_TEXT)
      .describe('Who holds these priorities, as the report names them: a role (CFO, CISO) or a person.'),
    priorities: PrioritiesSchema.prefault({}).describe(
      "This stakeholder's weight of each criterion, 0 to 5, as under priorities.",
    ),
  })
  .describe('One stakeholder and the priorities they would set.');

/** Optional: each stakeholder's own priorities, to show where their recommendations agree and where they part. */
export const StakeholdersSchema = z
  .array(StakeholderSchema)
  .min(1)
  .max(STAKEHOLDERS_MAX)
  .refine(
    (xs) => new Set(xs.map((x) => x.name.toLowerCase())).size === xs.length,
    'each stakeholder named once',
  )
  .optional()
  .describe(
    'Named stakeholders with their own priorities (say CFO, CISO, platform lead): each gets a recommendation, ' +
      'and the report shows where they agree. Omitted: none.',
  );

/** Keys that are shares or factors: beyond these bounds they stop meaning anything (and would make costs negative). */
const ASSUMPTION_MAX: Partial<Record<AssumptionKey, number>> = {
  networkingTimeShare: 1,
  sidecarsRemovedWithCiliumPercent: 100,
  isovalentSupportEffortFactor: 2,
  // No engineer works more hours than a year has.
  engineerHoursPerYear: HOURS_PER_YEAR,
};

/** Divisors: an engineer-year of 0 hours would make the hourly rate, and every cost after it, infinite. */
const ASSUMPTION_MIN: Partial<Record<AssumptionKey, number>> = {
  engineerHoursPerYear: 1,
};

export const AssumptionsSchema = z
  .strictObject(
    Object.fromEntries(
      ASSUMPTION_KEYS.map((key) => [
        key,
        z
          .number()
          .min(ASSUMPTION_MIN[key] ?? 0)
          .max(ASSUMPTION_MAX[key] ?? 1e12)
          .optional()
          .describe(assumptionDescriptions[key]),
      ]),
    ) as Record<AssumptionKey, z.ZodOptional<z.ZodNumber>>,
  )
  .describe('Overrides of cost defaults from data/, by key, in the engagement currency.');

export const AnswersSchema = z
  .strictObject({
    version: z.literal(1).describe('Format version of the answers file. Only 1 exists.'),
    engagement: EngagementSchema,
    cluster: ClusterSchema.prefault({}),
    compliance: ComplianceSchema.prefault({}),
    team: TeamSchema.prefault({}),
    mesh: MeshSchema.prefault({}),
    needs: NeedsSchema.prefault({}),
    priorities: PrioritiesSchema.prefault({}),
    assumptions: AssumptionsSchema.prefault({}),
    stakeholders: StakeholdersSchema,
  })
  .superRefine(
    (a, ctx) => {
      if (a.mesh.current === 'none' && a.mesh.sidecars > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['mesh', 'sidecars'],
          message: `sidecars without a mesh (got ${a.mesh.sidecars}; expected 0 while mesh.current is none, or set mesh.current)`,
        });
      }
      // On nodes, which the interview asks after clusters, so the answer that breaks the rule is the one refused.
      if (a.cluster.nodes < a.cluster.clusters) {
        ctx.addIssue({
          code: 'custom',
          path: ['cluster', 'nodes'],
          message: `fewer worker nodes than clusters (got ${a.cluster.nodes}; expected at least cluster.clusters = ${a.cluster.clusters}: nodes is the total across all clusters, each with at least one worker node)`,
        });
      }
      const pods = a.cluster.nodes * a.cluster.podsPerNode;
      if (a.mesh.sidecars > pods) {
        ctx.addIssue({
          code: 'custom',
          path: ['mesh', 'sidecars'],
          message: `more sidecars than pods (got ${a.mesh.sidecars}; expected at most cluster.nodes × cluster.podsPerNode = ${pods})`,
        });
      }
      // Rules across sections hold only between values that are valid themselves: a node count out of range
      // is reported once, not again as "more sidecars than pods = -90".
    },
    { when: (payload) => payload.issues.length === 0 },
  )
  .describe('cnireport answers file, format v1: one client situation captured in a workshop.');

/** What a user writes: everything but `version` and `engagement.client` may be omitted. */
export type AnswersInput = z.input<typeof AnswersSchema>;
/** What the core receives: defaults applied. */
export type Answers = z.output<typeof AnswersSchema>;
