import { z } from 'zod';
import { CostKeySchema, OptionIdSchema } from './ids.js';

const FootprintSchema = z.strictObject({
  cpuMillicores: z.number(),
  memoryMiB: z.number(),
});

/** One path's stack as its TCO at the likely values is computed: what the engine's cost model reads of it. */
export const CostedPlanSchema = z.strictObject({
  option: OptionIdSchema,
  subscriptionKey: CostKeySchema.nullable().describe('The assumption that prices its subscription, if any.'),
  opsKey: CostKeySchema.describe('The assumption that gives the CNI’s operations hours per cluster-month.'),
  supportEffortKey: CostKeySchema.nullable().describe(
    'The assumption giving the share of operations effort left with vendor support, if any.',
  ),
  ebpfDataPlane: z.boolean(),
  replacesKubeProxy: z.boolean().describe('Services are handled without kube-proxy on this path.'),
  perNode: FootprintSchema.describe('The CNI agent’s requests on every node.'),
  addons: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      opsHoursPerClusterMonth: z.number().describe('Likely operations effort.'),
      perNode: FootprintSchema,
      perCluster: FootprintSchema,
      licencePerNodeYear: z.number().describe('US dollars.'),
    }),
  ),
  newAddons: z
    .array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        setupHoursPerCluster: z.number().describe('Likely set-up effort.'),
      }),
    )
    .describe('Add-ons new to the team: set up and trained for.'),
  extras: z
    .array(z.strictObject({ component: z.string(), perNode: FootprintSchema }))
    .describe('Further per-node components the path needs for this client.'),
  movesSidecars: z.boolean(),
  migratesCni: z.boolean(),
  upkeepShare: z
    .number()
    .describe(
      'The share of the CNI’s own operations hours left to the team: 1 unless the provider runs and upgrades the ' +
        'agent (AKS’s managed Cilium, GKE Dataplane V2).',
    ),
  migrationShares: z
    .strictObject({ cluster: z.number(), node: z.number() })
    .describe(
      'The shares of the default per-cluster and per-node migration hours the path’s migration takes (1 each ' +
        'unless the provider does part of the work, as AKS’s in-place data-plane update does).',
    ),
  removesKubeProxy: z.boolean(),
  learnsEbpf: z.boolean(),
  movesOffIpvsInYear: z
    .number()
    .int()
    .nullable()
    .describe(
      'The year of the horizon (1 for the first) in which the path moves kube-proxy off IPVS mode before it is ' +
        'switched off by default; null where the path does not keep kube-proxy in IPVS mode.',
    ),
  newIctProviders: z
    .array(z.string())
    .describe(
      'ICT third parties the path contracts anew where the client is under DORA: each is contracted once in year 1 ' +
        '(ictProviderContractHours) and kept compliant every year (ictProviderUpkeepHoursPerYear).',
    ),
  extendedIctProviders: z
    .array(z.string())
    .default([])
    .describe(
      'ICT third parties the path brings that the client already contracts, under DORA: each contract is extended ' +
        'to the new service once in year 1 (ictProviderExtensionHours).',
    ),
});

/**
 * What the TCO at the likely values is computed from beyond the assumptions and the situation: the decision
 * model's factors for this team and each path's stack, so the workbook can rebuild every figure as a formula.
 */
export const CostingSchema = z
  .strictObject({
    factors: z.strictObject({
      maturityOps: z.number().describe('Operations effort factor for the team’s maturity.'),
      ebpfOps: z
        .number()
        .describe('Operations effort factor on an eBPF data plane, for the team’s experience.'),
      ebpfTraining: z
        .number()
        .describe('Share of the eBPF training still needed, for the team’s experience.'),
      kubeProxyMode: z.strictObject({
        mode: z.string().describe('The kube-proxy mode priced (iptables where none runs today).'),
        factor: z.number().describe('kube-proxy CPU per Service, relative to iptables.'),
        source: z.string(),
      }),
      kubeProxyModeAfterMove: z
        .strictObject({
          mode: z.string(),
          factor: z.number().describe('kube-proxy CPU per Service, relative to iptables.'),
          source: z.string(),
        })
        .describe('kube-proxy’s mode and CPU factor from the year a path moves it off IPVS on.'),
      ipvsDefaultOff: z
        .strictObject({
          release: z.string().describe('The Kubernetes release that switches IPVS mode off by default.'),
          month: z.string().describe('Its planned month, YYYY-MM (an estimate from the release cadence).'),
          movesTo: z
            .enum(['iptables', 'nftables'])
            .describe(
              'The mode kube-proxy moves to; from the year of the move on it is priced at that mode’s factor (kubeProxyModeAfterMove).',
            ),
          source: z.string(),
        })
        .describe('When a path that keeps kube-proxy in IPVS mode must have moved it to another mode.'),
    }),
    sidecarFreeMove: z
      .strictObject({
        addon: z.string().describe('The sidecar-free mode beside the client’s mesh (Istio ambient mode).'),
        perNode: FootprintSchema.describe('Its per-node agents, at their chart requests.'),
        perCluster: FootprintSchema.describe('Its per-cluster proxies (waypoints), at their chart requests.'),
        opsHoursPerClusterMonth: z
          .number()
          .describe('Likely upkeep beside the mesh the client runs, which it shares a control plane with.'),
        ownMeshOpsHoursPerClusterMonth: z
          .number()
          .describe('Likely upkeep of the same mode run as a mesh of its own, for comparison.'),
      })
      .nullable()
      .describe(
        'The move of the client’s sidecars to a sidecar-free mode; null where its mesh has none in the data.',
      ),
    plans: z.array(CostedPlanSchema).describe('One per option, in the data’s order.'),
    baseline: CostedPlanSchema.describe('Staying as today: today’s CNI, kube-proxy and mesh, nothing added.'),
  })
  .describe('The inputs of each path’s TCO at the likely values, as the engine costs them.');
