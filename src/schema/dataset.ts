import { z } from 'zod';
import { CLOUDS, CNIS, CURRENCIES, IMPORTANCE_LEVELS, NEED_KEYS, PLATFORMS } from './answers.js';
import { COST_KEYS, type CostKey } from './assumption-keys.js';

/** An option's id, as `data/options.yaml` declares it: the option set is data, not code. */
export type OptionId = string;

/** Point shapes a chart can draw an option's line with (Vega-Lite's), so lines stay apart in greyscale. */
export const OPTION_MARKS = ['circle', 'square', 'triangle-up', 'triangle-down', 'diamond', 'cross'] as const;
export type OptionMark = (typeof OPTION_MARKS)[number];

/** The twelve capabilities: pod networking, which every option provides, and the ones `needs` can weigh. */
export const CAPABILITY_IDS = ['podNetworking', ...NEED_KEYS] as const;
export type CapabilityId = (typeof CAPABILITY_IDS)[number];

export const MIGRATION_PARTS = ['cluster', 'node', 'kube-proxy', 'addons', 'mesh', 'ict-provider'] as const;
export type MigrationPart = (typeof MIGRATION_PARTS)[number];

export const SUPPORT_LEVELS = ['none', 'partial', 'add-on', 'built-in', 'enterprise'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

/** A source is a URL, a repository path, or a sentence starting with "estimate" or "derived". */
const source = z.string().min(8);

const range = z
  .strictObject({ likely: z.number().min(0), low: z.number().min(0), high: z.number().min(0) })
  .refine((r) => r.low <= r.likely && r.likely <= r.high, 'low <= likely <= high');
export type Range = z.infer<typeof range>;

const footprint = z.strictObject({ cpuMillicores: z.number().min(0), memoryMiB: z.number().min(0) });
export type Footprint = z.infer<typeof footprint>;

const costDefault = z
  .strictObject({
    unit: z.string().min(1),
    money: z.boolean().default(false),
    kind: z.enum(['sourced', 'derived', 'estimate', 'placeholder']),
    likely: z.number().min(0),
    low: z.number().min(0),
    high: z.number().min(0),
    source,
    byCurrency: z
      .partialRecord(
        z.enum(CURRENCIES),
        z.strictObject({ likely: z.number(), low: z.number(), high: z.number(), source }),
      )
      .optional(),
    byMesh: z
      .record(z.string(), z.strictObject({ likely: z.number(), low: z.number(), high: z.number(), source }))
      .optional(),
    /** The default for a client on this CNI today (the effort of running the CNI a path keeps). */
    byCni: z
      .partialRecord(
        z.enum(CNIS),
        z.strictObject({ likely: z.number(), low: z.number(), high: z.number(), source }),
      )
      .optional(),
  })
  .refine((c) => c.low <= c.likely && c.likely <= c.high, 'low <= likely <= high');
export type CostDefault = z.infer<typeof costDefault>;

/** A risk an option carries for a capability the client needs (must or should), in the client's words. */
const caveat = z.strictObject({
  id: z.string().min(1),
  penalty: z.number().min(0).max(1),
  text: z.string().min(1),
  /**
   * The risk lies in changing the CNI the clusters already run (switching a running Flannel to WireGuard): a path
   * that installs the CNI instead (a migration, new clusters) sets it up that way from the start and does not carry it.
   */
  onlyWhereKept: z.boolean().optional(),
});
export type Caveat = z.infer<typeof caveat>;

/**
 * Where FIPS 140-3 validated cryptography is required: whether this way of encrypting can meet it. `validated`: it
 * runs in a validated module; `confirm`: it can, on a validated module (a FIPS kernel) the vendor and the assessor
 * must confirm; `not-approved`: its cipher is not FIPS-approved (WireGuard's ChaCha20-Poly1305).
 */
const fipsStatus = z.strictObject({
  status: z.enum(['validated', 'confirm', 'not-approved']),
  note: z.string().min(1),
  /** The risk a path carries while the confirmation is outstanding (status confirm). */
  penalty: z.number().min(0).max(1).default(0),
  source,
});
export type FipsStatus = z.infer<typeof fipsStatus>;

/**
 * Another way to reach a capability, through other add-ons: a commercial edition of the CNI (Tigera's Calico
 * Enterprise or Calico Cloud) instead of the open-source projects beside it. The plan takes it where its add-ons are
 * in the stack anyway, or where the client's stack is built around them, and it reaches at least the entry's level.
 */
const alternative = z.strictObject({
  level: z.enum(SUPPORT_LEVELS),
  addons: z.array(z.string()).min(1),
  /** How this way meets a FIPS 140-3 requirement, for transparent encryption. */
  fips: fipsStatus.optional(),
  caveat: caveat.optional(),
  note: z.string().min(1),
  source,
});
export type Alternative = z.infer<typeof alternative>;

/**
 * How an option reaches a capability for traffic the client's service mesh carries: the mesh's mutual TLS encrypts it
 * before the CNI sees it, so the CNI's own L7 policy does not apply to it and the mesh's does.
 */
const inMesh = z.strictObject({
  level: z.enum(SUPPORT_LEVELS),
  addons: z.array(z.string()).default([]),
  note: z.string().min(1),
  source,
});

const supportFields = {
  /** Where the client runs a service mesh, what replaces this entry (its level, add-ons, note and source). */
  inMesh: inMesh.optional(),
  /** Other ways to reach the capability, each with its own add-ons; none by default. */
  alternatives: z.array(alternative).default([]),
  /** How this support meets a FIPS 140-3 requirement, for transparent encryption. */
  fips: fipsStatus.optional(),
  /** The level reached with every add-on in `addons` in the stack. */
  level: z.enum(SUPPORT_LEVELS),
  addons: z.array(z.string()).default([]),
  /** The level without those add-ons: a gap the client may leave open, or close at their cost. */
  without: z.enum(SUPPORT_LEVELS).default('none'),
  caveat: caveat.optional(),
  note: z.string().min(1),
  source,
};
const rank = (level: SupportLevel) => SUPPORT_LEVELS.indexOf(level);
const withoutAtMostLevel = (s: { level: SupportLevel; without: SupportLevel }) =>
  rank(s.without) <= rank(s.level);
const WITHOUT_MESSAGE = 'without (the level without the add-ons) must not exceed level';

const support = z
  .strictObject({
    ...supportFields,
    /** For an option that keeps a client's current simple CNI: how that CNI supports the capability instead. */
    byCni: z
      .partialRecord(z.enum(CNIS), z.strictObject(supportFields).refine(withoutAtMostLevel, WITHOUT_MESSAGE))
      .optional(),
  })
  .refine(withoutAtMostLevel, WITHOUT_MESSAGE);
export type Support = z.infer<typeof support>;
export type CniSupport = Omit<Support, 'byCni'>;

const capability = z.strictObject({
  id: z.enum(CAPABILITY_IDS),
  name: z.string().min(1),
  why: z.string().min(1),
  /** Keyed by option id: one entry for every option `data/options.yaml` declares, and no other. */
  support: z.record(z.string(), support),
});
export type Capability = z.infer<typeof capability>;

const addon = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  components: z.array(z.string()).min(1),
  licencePerNodeYear: z.number().min(0),
  /**
   * The ICT third party the add-on's licence or support is contracted with, under a contract of its own; null where
   * it is open source or billed under an agreement the client already has (its platform's).
   */
  vendor: z.string().min(1).nullable().default(null),
  setupHoursPerCluster: range,
  opsHoursPerClusterMonth: range,
  perNode: footprint,
  /** Pods each cluster runs once, whatever its size (Istio waypoints): costed at their requests. */
  perCluster: footprint.default({ cpuMillicores: 0, memoryMiB: 0 }),
  risk: z.number().min(0).max(1),
  riskNote: z.string().min(1),
  /** A further risk for a client with more than one cluster (a feature not yet stable across clusters). */
  multiClusterRisk: z
    .strictObject({ penalty: z.number().min(0).max(1), note: z.string().min(1), source })
    .optional(),
  source,
});
export type Addon = z.infer<typeof addon>;

const option = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  short: z.string().min(1),
  /** The option's colour in every chart and table; the palette should stay apart in greyscale. */
  colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour as #RRGGBB'),
  /** The point shape of the option's lines in charts. */
  mark: z.enum(OPTION_MARKS),
  /** The CNI the option moves a client to; absent for an option that only keeps the client's own (`keepsOnly`). */
  cni: z.enum(CNIS).optional(),
  /** Current CNIs this option keeps as they are instead of moving to `cni`. */
  keepsCurrentCni: z.array(z.enum(CNIS)).default([]),
  /** Offered only to a client whose current CNI is in `keepsCurrentCni`: the path that stays on it. */
  keepsOnly: z.boolean().default(false),
  /**
   * Names when the current CNI is kept; `{cni}` is that CNI's name. `nameWhenKeptWithAddons` applies when the path
   * adds something to what runs today ("Calico with add-ons"), `nameWhenKept` when it adds nothing ("Stay on Calico").
   */
  nameWhenKept: z.string().optional(),
  nameWhenKeptWithAddons: z.string().optional(),
  shortWhenKept: z.string().optional(),
  components: z.array(z.string()).min(1),
  opsKey: z.enum(COST_KEYS),
  replacesKubeProxy: z.boolean(),
  /** Runs an eBPF data plane the team must learn to operate and debug. */
  ebpfDataPlane: z.boolean(),
  /** A vendor ships FIPS 140-validated builds of it. */
  fipsValidatedBuild: z.boolean(),
  /** The product's former name, said once in the report so a reader who knows it by that name finds it. */
  formerly: z.string().optional(),
  /** Who stands behind it whatever the platform (the subscription's vendor), or null. */
  vendor: z.string().nullable(),
  subscriptionKey: z.enum(COST_KEYS).nullable(),
  /** Share of operations effort left when the vendor's support and releases absorb the rest, or null. */
  supportEffortKey: z.enum(COST_KEYS).nullable(),
  perNode: footprint,
  perNodeSource: source,
  extras: z.array(
    z.strictObject({ capability: z.enum(CAPABILITY_IDS), component: z.string(), perNode: footprint, source }),
  ),
});
export type OptionData = z.infer<typeof option>;

const condition = z.union([
  z.literal('always'),
  z.strictObject({ path: z.string(), includesAny: z.array(z.string()).min(1) }),
  z.strictObject({ path: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }),
  z.strictObject({ path: z.string(), in: z.array(z.string()).min(1) }),
  z.strictObject({ path: z.string(), atLeast: z.number() }),
  z.strictObject({ path: z.string(), lengthAtLeast: z.number().int().min(0) }),
]);
export type Condition = z.infer<typeof condition>;

const needsRule = z.strictObject({
  id: z.string().min(1),
  when: condition,
  set: z.partialRecord(z.enum(CAPABILITY_IDS), z.enum(IMPORTANCE_LEVELS)),
  because: z.string().min(1),
  /** Where the requirement the `because` quotes is written (the standard's clause, the regulation's article). */
  source: source.optional(),
  /**
   * The must it sets rests on advice or a soft answer, not on a requirement the client stated: the simulation holds
   * it as a should in some worlds, so a decision it alone settles is not reported as certain.
   */
  soft: z.boolean().default(false),
});
export type NeedsRule = z.infer<typeof needsRule>;

const byLevel = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.record(z.enum(keys), z.number().min(0));

const model = z.strictObject({
  importanceWeights: byLevel(IMPORTANCE_LEVELS),
  levelValues: byLevel(SUPPORT_LEVELS),
  maturityOpsFactor: byLevel(['beginner', 'intermediate', 'advanced', 'expert'] as const),
  ebpfOpsFactor: byLevel(['none', 'some', 'deep'] as const),
  ebpfTrainingFactor: byLevel(['none', 'some', 'deep'] as const),
  kubeProxyModeFactor: byLevel(['iptables', 'ipvs', 'nftables', 'none'] as const),
  kubeProxyModeFactorSource: source,
  ipvsDefaultOff: z
    .strictObject({
      release: z.string(),
      month: z.string().regex(/^\d{4}-\d{2}$/, 'a month written YYYY-MM'),
      /** The mode kube-proxy moves to, priced at its own CPU factor from the year of the move on. */
      movesTo: z.enum(['iptables', 'nftables']),
      source,
    })
    .describe(
      'When kube-proxy IPVS mode is off by default: a path that keeps kube-proxy in IPVS mode moves it before then.',
    ),
  newIctProvider: z
    .strictObject({
      frameworks: z.array(z.string()),
      /** The migration phase it adds where the recommended path brings such a provider. */
      phase: z.strictObject({ title: z.string().min(1), steps: z.string().min(1) }),
      /** The phase instead where every such provider is one the client already contracts: the contract is extended. */
      extensionPhase: z.strictObject({ title: z.string().min(1), steps: z.string().min(1) }),
      source,
    })
    .describe(
      'Frameworks under which contracting a new ICT third-party provider brings contract, register and exit-strategy work.',
    ),
  risk: z.strictObject({
    vendorSupportPreferredMissing: z.number(),
    ebpfInexperience: byLevel(['none', 'some', 'deep'] as const),
    ebpfInexperienceWithVendor: byLevel(['none', 'some', 'deep'] as const),
    capacityOverloadMax: z.number(),
    capacityComfortableShare: z.number().positive(),
    migrationBase: z.number(),
    migrationMax: z.number(),
    airGappedWithoutSupport: z.number(),
    sidecarLatency: z.number(),
    migrationPerDoublingOfMonths: z.number(),
    migrationPerHorizonShare: z.number(),
  }),
  /** A component the team must learn and run new counts this many times over in simplicity. */
  newComponentWeight: z.number().min(0),
  /** Frameworks whose encryption must use FIPS 140-validated cryptography. */
  fipsFrameworks: z.array(z.string()),
  fipsFrameworksSource: source,
  /**
   * How strongly a FIPS framework (FedRAMP) asks for FIPS 140-validated modules at each impact level: a must caps
   * encryption that is not validated at partial; a should leaves it met, with the caveat below as a risk.
   */
  fipsByImpact: z.strictObject({
    moderate: z.enum(['must', 'should']),
    high: z.enum(['must', 'should']),
    source,
  }),
  fipsRecommended: caveat,
  /** The multiples of today's node and sidecar counts within which a break-even on them is reported. */
  breakEvenCountRange: z.strictObject({
    low: z.number().positive().max(1),
    high: z.number().min(1),
  }),
  decision: z.strictObject({
    monteCarloDraws: z.number().int().min(100).max(1_000_000),
    seed: z.number().int(),
    /** The runner-up winning at least this share of the worlds makes a close call. */
    closeCallShare: z.number().min(0).max(1),
    /** A rival's share of the worlds drawn counts as reaching `closeCallShare` within this many standard errors of it. */
    closeCallZ: z.strictObject({ z: z.number().min(0).max(4), reason: z.string().min(1) }),
    /** A lead smaller than this many standard deviations of the lead across the worlds makes a close call. */
    closeCallBand: z.number().min(0),
    worlds: z.strictObject({
      /** Priorities are drawn uniformly within this many points either side of the stated weight (0 to 5). */
      prioritySpread: z.strictObject({ spread: z.number().min(0).max(5), reason: z.string().min(1) }),
      /** Each capability judgement (0-1 level value) is drawn triangularly within this distance of its value. */
      levelSpread: z.strictObject({ spread: z.number().min(0).max(1), reason: z.string().min(1) }),
      /** Multiplier on the live-migration risk penalty, drawn triangularly on a log scale. */
      migrationFear: z
        .strictObject({
          low: z.number().positive(),
          likely: z.number().positive(),
          high: z.number().positive(),
          reason: z.string().min(1),
        })
        .refine((r) => r.low <= r.likely && r.likely <= r.high, 'low <= likely <= high'),
      /** Weight of a component new to the team, drawn triangularly around the model's newComponentWeight. */
      newComponentWeight: z
        .strictObject({ low: z.number().min(0), high: z.number().min(0), reason: z.string().min(1) })
        .refine((r) => r.low <= r.high, 'low <= high'),
      /** Lead (0-1 score points) a change of data plane must have over staying, beyond its counted cost and risk. */
      changeHurdle: z
        .strictObject({ low: z.number(), likely: z.number(), high: z.number(), reason: z.string().min(1) })
        .refine((r) => r.low <= r.likely && r.likely <= r.high, 'low <= likely <= high'),
      /** Share of the worlds in which a must resting on advice (a soft rule) is held as a must. */
      softMustHeld: z.strictObject({ share: z.number().min(0).max(1), reason: z.string().min(1) }),
    }),
  }),
});
export type Model = z.infer<typeof model>;

const migrationStep = z.strictObject({
  title: z.string().min(1),
  /**
   * Which migration effort the phase belongs to: per cluster, per node, replacing kube-proxy, add-on set-up or
   * moving sidecars. A phase whose part has no effort for this client (kube-proxy kept, no sidecars) is left out.
   */
  part: z.enum(MIGRATION_PARTS),
  /** `{currentCni}` is replaced by the name of the client's current CNI. */
  steps: z.string().min(1),
});

/**
 * A caveat; `appliesTo` names the current CNIs it certainly applies to, so the report can flag it, and `appliesOn`,
 * where given, the platforms it certainly applies on (both must hold).
 */
const migrationCaveat = z
  .union([
    z.string().min(1),
    z.strictObject({
      text: z.string().min(1),
      appliesTo: z.array(z.enum(CNIS)).min(1).optional(),
      appliesOn: z.array(z.enum(PLATFORMS)).min(1).optional(),
    }),
  ])
  .transform((c) => (typeof c === 'string' ? { text: c } : c));
export type MigrationCaveat = z.output<typeof migrationCaveat>;

const migrationPath = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  from: z.array(z.enum(CNIS)).min(1),
  toCni: z.enum(CNIS),
  /** `{currentCni}` is replaced by the name of the client's current CNI. */
  summary: z.string().min(1),
  source,
  phases: z.array(migrationStep),
  caveats: z.array(migrationCaveat),
  /**
   * A migration that holds only on these platforms: on them it replaces the generic path, for the build `builds`
   * names (AKS's in-place update to its managed Cilium; a Cilium of the team's or a vendor's own on GKE).
   */
  platforms: z.array(z.enum(PLATFORMS)).min(1).optional(),
  /**
   * Whose build of the CNI a platform's migration brings: the provider's (a path with no vendor of its own runs the
   * platform's build) or one of the path's own (a vendor's distribution). Only with `platforms`.
   */
  builds: z.enum(['provider', 'own']).default('provider'),
  /**
   * The path replaces the clusters' data plane even where the CNI stays the same (a vendor's Cilium goes on GKE only
   * on new clusters, never onto Dataplane V2): it is a migration, costed as one, not staying.
   */
  rebuild: z.boolean().default(false),
  /**
   * Where the provider's own update takes kube-proxy off the nodes (AKS's update to its Cilium), the page that says
   * so: the team has no kube-proxy removal of its own to plan or cost.
   */
  providerRemovesKubeProxy: source.optional(),
  /**
   * The share of the default migration effort (migrationHoursPerCluster, migrationHoursPerNode) this path takes,
   * where the provider does part of the work; an estimate whose basis is stated. Without it, the whole effort.
   */
  effort: z
    .strictObject({
      clusterShare: z.number().positive().max(1),
      nodeShare: z.number().min(0).max(1),
      basis: z.string().min(1),
    })
    .optional(),
});
export type MigrationPath = z.infer<typeof migrationPath>;

/** A Kubernetes platform a client's clusters may run on, and who supports which CNI there. */
const platform = z.strictObject({
  id: z.enum(PLATFORMS),
  name: z.string().min(1),
  /** CNIs whose support the platform's vendor includes, with the scope of that support. */
  supports: z.array(
    z.strictObject({
      cni: z.enum(CNIS),
      vendor: z.string().min(1),
      level: z.enum(['built-in', 'partial']),
      /** Where the support holds, when only on some nodes (AWS's Cilium: EKS Hybrid Nodes, on premises). */
      clouds: z.array(z.enum(CLOUDS)).min(1).optional(),
      /**
       * What the platform's own build of the CNI reaches, where it differs from the project's (K3s's Flannel with its
       * embedded policy controller): replaces the capability entry for a path without a vendor of its own there.
       */
      capabilities: z
        .partialRecord(
          z.enum(CAPABILITY_IDS),
          z.strictObject(supportFields).refine(withoutAtMostLevel, WITHOUT_MESSAGE),
        )
        .default({}),
      /**
       * Where the provider runs and upgrades the CNI's agent itself (AKS's managed Cilium, GKE Dataplane V2): the share
       * of the CNI's own upkeep left to the team on a path with no vendor of its own, an estimate with its basis.
       */
      upkeep: z.strictObject({ share: z.number().positive().max(1), basis: z.string().min(1) }).optional(),
      /**
       * The provider's own name for its offer of the CNI (AKS's Azure CNI Powered by Cilium, GKE Dataplane V2): what the
       * client is shown for a path with no vendor of its own on this platform, in place of the option's name. The
       * first of `withAddons` whose add-ons are all in the path's stack names it instead (with ACNS).
       */
      offer: z
        .strictObject({
          name: z.string().min(1),
          short: z.string().min(1),
          withAddons: z
            .array(
              z.strictObject({
                addons: z.array(z.string()).min(1),
                name: z.string().min(1),
                short: z.string().min(1),
              }),
            )
            .default([]),
          source,
        })
        .optional(),
      note: z.string().min(1),
      source,
    }),
  ),
  /** CNIs the platform does not let a client run. */
  excludes: z.array(z.strictObject({ cni: z.enum(CNIS), note: z.string().min(1), source })).default([]),
  /**
   * Where the platform builds only some of its CNIs with FIPS 140-validated cryptography (RKE2 rebuilds Canal alone):
   * a path on another of its builds, where FIPS is required, carries the caveat as a risk.
   */
  fipsBuilds: z.strictObject({ cnis: z.array(z.enum(CNIS)).min(1), caveat, source }).optional(),
});
export type Platform = z.infer<typeof platform>;

/**
 * Encryption a cloud applies between its instances whatever runs on them (AWS between Nitro instances, Google at the
 * VM's NIC): it covers pod traffic between nodes where every cloud a group's nodes run in applies it.
 */
const cloudEncryption = z.strictObject({
  cloud: z.enum(CLOUDS),
  level: z.enum(SUPPORT_LEVELS),
  note: z.string().min(1),
  fips: fipsStatus,
  caveat: caveat.optional(),
  source,
});
export type CloudEncryption = z.infer<typeof cloudEncryption>;

/**
 * What runs today for each CNI a client may have: the components the team already knows and, for a CNI a path may
 * keep, what keeping it takes: its agents' footprint, whether it can serve Services without kube-proxy (and whether
 * that means switching to an eBPF data plane the team must learn). `abandoned`: the project is no longer
 * maintained, so no path keeps it, and the report says why the client must move.
 */
const currentStack = z.strictObject({
  cni: z.enum(CNIS),
  components: z.array(z.string()),
  perNode: footprint.optional(),
  perNodeSource: source.optional(),
  replacesKubeProxy: z.boolean().optional(),
  kubeProxyReplacementIsEbpf: z.boolean().default(false),
  abandoned: z.strictObject({ note: z.string().min(1), source }).optional(),
});
export type CurrentStack = z.infer<typeof currentStack>;

/** Moving sidecars to a sidecar-free data plane: the meshes it applies to and the add-on that runs it. */
const sidecarFreeMove = z.strictObject({
  meshes: z.array(z.string()).min(1),
  addon: z.string().min(1),
  sharedComponents: z.array(z.string()).default([]),
  title: z.string().min(1),
  source,
});

export const DatasetSchema = z
  .strictObject({
    meta: z.strictObject({
      dataVersion: z.string().min(1),
      researchedOn: z.string(),
      verifiedOn: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
        .describe('When every fact in data/ was last checked against its source.'),
      notes: z.string(),
    }),
    currencies: z.strictObject({
      base: z.literal('USD'),
      source,
      /** Months not shipped, and why. */
      gap: z.string().optional(),
      /** ECB monthly averages, units of each currency per euro, oldest first. */
      months: z
        .array(
          z.strictObject({
            month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM'),
            days: z.number().int().positive().max(31),
            perEur: z.strictObject(
              Object.fromEntries(
                CURRENCIES.filter((c) => c !== 'EUR').map((c) => [c, z.number().positive()]),
              ) as Record<Exclude<(typeof CURRENCIES)[number], 'EUR'>, z.ZodNumber>,
            ),
          }),
        )
        .min(1)
        .refine(
          (ms) => ms.every((m, i) => i === 0 || (ms[i - 1]?.month ?? '') < m.month),
          'months in order, once each',
        ),
    }),
    costs: z.strictObject(
      Object.fromEntries(COST_KEYS.map((k) => [k, costDefault])) as Record<CostKey, typeof costDefault>,
    ),
    capabilities: z.array(capability).length(CAPABILITY_IDS.length),
    addons: z.array(addon),
    options: z.array(option).min(2),
    model,
    rules: z.array(needsRule),
    migrations: z.array(migrationPath),
    meshRetirement: migrationStep.extend({ source }),
    platforms: z.array(platform),
    cloudEncryption: z.array(cloudEncryption).default([]),
    currentStacks: z.array(currentStack),
    sidecarFreeMove,
  })
  .superRefine((d, ctx) => {
    const addonIds = new Set(['mesh', ...d.addons.map((a) => a.id)]);
    if (!addonIds.has(d.sidecarFreeMove.addon)) {
      ctx.addIssue({ code: 'custom', path: ['sidecarFreeMove', 'addon'], message: 'unknown add-on' });
    }
    for (const id of PLATFORMS) {
      if (!d.platforms.some((p) => p.id === id)) {
        ctx.addIssue({ code: 'custom', path: ['platforms'], message: `platform ${id} missing` });
      }
    }
    for (const [i, p] of d.platforms.entries()) {
      for (const [j, s] of p.supports.entries()) {
        const named: [(string | number)[], string[]][] = [
          ...Object.entries(s.capabilities).map(([c, o]): [(string | number)[], string[]] => [
            ['capabilities', c, 'addons'],
            o?.addons ?? [],
          ]),
          ...(s.offer?.withAddons ?? []).map((v, k): [(string | number)[], string[]] => [
            ['offer', 'withAddons', k, 'addons'],
            v.addons,
          ]),
        ];
        for (const [at, addons] of named) {
          for (const a of addons.filter((x) => !addonIds.has(x))) {
            ctx.addIssue({
              code: 'custom',
              path: ['platforms', i, 'supports', j, ...at],
              message: `unknown add-on ${a}`,
            });
          }
        }
      }
    }
    for (const [i, cap] of d.capabilities.entries()) {
      for (const [optionId, s] of Object.entries(cap.support)) {
        const ways = (at: string[], o: Omit<Support, 'byCni'>): [string[], string[]][] => [
          [[...at, 'addons'], o.addons],
          ...(o.inMesh === undefined
            ? []
            : [[[...at, 'inMesh', 'addons'], o.inMesh.addons] as [string[], string[]]]),
          ...o.alternatives.map((w, j): [string[], string[]] => [
            [...at, 'alternatives', String(j), 'addons'],
            w.addons,
          ]),
        ];
        const entries: [string[], string[]][] = [
          ...ways([], s),
          ...Object.entries(s.byCni ?? {}).flatMap(([cni, o]) => ways(['byCni', cni], o)),
        ];
        for (const [at, addons] of entries) {
          for (const a of addons) {
            if (!addonIds.has(a)) {
              ctx.addIssue({
                code: 'custom',
                path: ['capabilities', i, 'support', optionId, ...at],
                message: `unknown add-on ${a}`,
              });
            }
          }
        }
      }
    }
    for (const id of CAPABILITY_IDS) {
      if (!d.capabilities.some((c) => c.id === id)) {
        ctx.addIssue({ code: 'custom', path: ['capabilities'], message: `capability ${id} missing` });
      }
    }
    const optionIds = d.options.map((o) => o.id);
    for (const [i, o] of d.options.entries()) {
      if (optionIds.indexOf(o.id) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', i, 'id'],
          message: `option ${o.id} declared twice`,
        });
      }
      if (d.options.findIndex((x) => x.colour.toLowerCase() === o.colour.toLowerCase()) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', i, 'colour'],
          message: 'colour used by another option',
        });
      }
    }
    for (const [i, cap] of d.capabilities.entries()) {
      for (const id of optionIds) {
        if (cap.support[id] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['capabilities', i, 'support'],
            message: `no entry for option ${id}`,
          });
        }
      }
      for (const key of Object.keys(cap.support)) {
        if (!optionIds.includes(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['capabilities', i, 'support', key],
            message: `no option ${key} in options.yaml`,
          });
        }
      }
    }
    for (const [i, o] of d.options.entries()) {
      if ((o.cni === undefined) !== o.keepsOnly) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', i, 'cni'],
          message:
            'an option names the CNI it moves to (cni), or keeps the current one only (keepsOnly), not both',
        });
      }
      if (o.keepsOnly && o.keepsCurrentCni.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['options', i, 'keepsCurrentCni'], message: 'keeps no CNI' });
      }
      for (const cni of o.keepsCurrentCni) {
        if (d.currentStacks.find((s) => s.cni === cni)?.abandoned !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['options', i, 'keepsCurrentCni'],
            message: `${cni} is abandoned: no path keeps it`,
          });
        }
      }
    }
    // Every path a client can take has exactly one migration: from each CNI to each option's own, or staying on
    // the CNI the option keeps.
    const pairs = new Set(
      d.options.flatMap((o) =>
        CNIS.flatMap((from) =>
          o.keepsCurrentCni.includes(from)
            ? [`${from}>${from}`]
            : o.cni === undefined
              ? []
              : [`${from}>${o.cni}`],
        ),
      ),
    );
    // A platform's own migration comes beside the generic path, at most one per platform.
    for (const pair of pairs) {
      const [from, toCni] = pair.split('>') as [string, string];
      const paths = d.migrations.filter((m) => m.toCni === toCni && (m.from as string[]).includes(from));
      const generic = paths.filter((m) => m.platforms === undefined);
      if (generic.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['migrations'],
          message: `${generic.length} migration paths from ${from} to ${toCni} on any platform; expected exactly one`,
        });
      }
      for (const id of PLATFORMS) {
        for (const build of ['provider', 'own'] as const) {
          const own = paths.filter((m) => m.platforms?.includes(id) && m.builds === build);
          if (own.length > 1) {
            ctx.addIssue({
              code: 'custom',
              path: ['migrations'],
              message: `${own.length} migration paths from ${from} to ${toCni} on ${id} for the ${build} build; expected at most one`,
            });
          }
        }
      }
    }
    for (const [i, m] of d.migrations.entries()) {
      for (const from of m.from) {
        if (!pairs.has(`${from}>${m.toCni}`)) {
          ctx.addIssue({
            code: 'custom',
            path: ['migrations', i, 'from'],
            message: `no path goes from ${from} to ${m.toCni}`,
          });
        }
      }
    }
  });

export type DatasetInput = z.input<typeof DatasetSchema>;
export type Dataset = z.output<typeof DatasetSchema>;
