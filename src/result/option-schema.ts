import { z } from 'zod';
import { ReasonSchema, RiskSchema, StackDecisionSchema } from './explanation-schemas.js';
import {
  CapabilityIdSchema,
  CriterionNumbersSchema,
  ImportanceSchema,
  OptionIdSchema,
  OptionMarkSchema,
  SupportLevelSchema,
} from './ids.js';
import { TcoSummarySchema } from './tco-schemas.js';

/** One path for the client: its rank, score, cost, stack, capabilities, risks, operations and migration effort. */
export const OptionResultSchema = z.strictObject({
  id: OptionIdSchema,
  name: z.string(),
  order: z
    .number()
    .describe("Position in the data's option list: the order every table and chart shows the options in."),
  colour: z.string().describe('The option’s colour (#RRGGBB), the same in every output.'),
  mark: OptionMarkSchema.describe('The option’s point shape in charts.'),
  short: z
    .string()
    .describe('The name in running text ("Cilium OSS", or the client\'s own CNI where this path keeps it).'),
  rank: z.number(),
  score: z.number(),
  criteria: CriterionNumbersSchema,
  disqualified: z.boolean(),
  unmetMusts: z.array(CapabilityIdSchema),
  excludedBy: z
    .array(z.strictObject({ platform: z.string(), note: z.string(), source: z.string() }))
    .describe("Platforms of the client's that do not allow this option's CNI: each rules it out."),
  cni: z.string().describe('The CNI this path runs for the client.'),
  keepsCurrentCni: z.boolean(),
  groups: z
    .array(
      z.strictObject({
        name: z.string(),
        platform: z.string(),
        clouds: z.array(z.string()),
        clusters: z.number(),
        nodes: z.number(),
        currentCni: z.string().describe('The CNI this group runs today.'),
        option: OptionIdSchema.describe(
          "The option this group runs on the path: the path's own, or the one that keeps its CNI.",
        ),
        pathName: z.string(),
        cni: z.string().describe('The CNI this group runs on the path.'),
        keepsCurrentCni: z.boolean(),
        staysBecause: z
          .string()
          .nullable()
          .describe("Why the group stays on its own CNI on this path; null where it takes the path's."),
        tco: z
          .strictObject({ total: z.number(), byCategory: TcoSummarySchema.shape.byCategory })
          .describe("This group's cost at likely values, rounded."),
        migration: z.strictObject({
          cniHours: z.number(),
          kubeProxyHours: z.number(),
          addonHours: z.number(),
          meshHours: z.number(),
          kubeProxyModeHours: z
            .number()
            .describe(
              'Moving kube-proxy off IPVS before that mode is switched off (its year as the option’s).',
            ),
        }),
      }),
    )
    .optional()
    .describe(
      'For an estate described as several groups: what each group runs on this path, with its own cost and ' +
        'migration (the totals above are their sums). Absent for an estate of one group.',
    ),
  reasons: z.array(z.string()),
  because: z.array(ReasonSchema),
  tco: TcoSummarySchema.extend({
    p10: z.number(),
    p50: z.number(),
    p90: z.number(),
    likelyPercentile: z.number().describe('Share of simulated scenarios that cost less than `total`.'),
    median: z.number().describe('The headline: the median of the simulated totals.'),
    likely: z.number().describe('The total at the likely values, which the years and categories add up to.'),
    medianSavingsVsBaseline: z
      .number()
      .describe("The status quo's median minus this option's: the saving on the headline basis."),
    indicativeShare: z
      .number()
      .min(0)
      .max(1)
      .describe(
        'Share of the likely-values total that rests on indicative prices (placeholders nobody has quoted yet): the part that goes when they are zero.',
      ),
  }),
  stack: z.strictObject({
    components: z.array(z.string()),
    newComponents: z.array(z.string()).describe('Components the team does not run today.'),
    addons: z.array(z.strictObject({ id: z.string(), name: z.string(), isNew: z.boolean() })),
    movesSidecars: z.boolean(),
    decisions: z
      .array(StackDecisionSchema)
      .describe(
        'The should and nice needs and the sidecar move weighed for this stack: taken in or left out, and why.',
      ),
  }),
  capabilities: z.array(
    z.strictObject({
      id: CapabilityIdSchema,
      importance: ImportanceSchema,
      level: SupportLevelSchema,
      possibleLevel: SupportLevelSchema,
      via: z.array(z.string()),
      note: z.string(),
      source: z.string().describe('The source for this capability on this path, as the engine used it.'),
      groups: z
        .array(z.strictObject({ group: z.string(), level: SupportLevelSchema, via: z.array(z.string()) }))
        .optional()
        .describe(
          "For an estate whose groups reach the capability at different levels: each group's level and add-ons, in the groups' order.",
        ),
    }),
  ),
  risks: z.array(RiskSchema),
  operations: z.strictObject({
    hoursPerMonth: z.number(),
    teamUtilisation: z
      .number()
      .nullable()
      .describe("Share of the team's networking time; null when the team has none."),
    sidecarsKept: z.number(),
    perNodeVcpu: z.number(),
    perNodeGb: z.number(),
  }),
  migration: z
    .strictObject({
      cniHours: z.number(),
      kubeProxyHours: z.number().describe('Switching on kube-proxy replacement and removing kube-proxy.'),
      addonHours: z.number(),
      meshHours: z.number(),
      kubeProxyModeHours: z
        .number()
        .describe(
          'Moving kube-proxy from IPVS to another mode before IPVS mode is off by default (Kubernetes 1.40), on a ' +
            'path that keeps kube-proxy in IPVS mode; counted in the year kubeProxyModeYear, not the first.',
        ),
      kubeProxyModeYear: z
        .number()
        .int()
        .nullable()
        .describe(
          'The year of the horizon (1 for the first) the move off IPVS falls in; null where there is none.',
        ),
      ictProviderHours: z
        .number()
        .describe(
          'Staff-hours under DORA in year 1: contracting the new ICT providers (newIctProviders.contractHours) and ' +
            'extending contracts the client already holds to the new service (newIctProviders.extensionHours); ' +
            'not scaled by team maturity.',
        ),
    })
    .describe('One-time engineer-hours to move to this option, by part, after the team-maturity factor.'),
  newIctProviders: z
    .strictObject({
      names: z
        .array(z.string())
        .describe('The providers; empty where the path brings none or DORA does not apply.'),
      contractHours: z
        .number()
        .describe(
          'Once, in year 1 (migration): risk assessment, the Article 30 clauses, the register entry, the exit strategy.',
        ),
      upkeepHoursPerYear: z
        .number()
        .describe('Every year (operations): the register, monitoring, reviewing and testing the exit plan.'),
      alreadyContracted: z
        .array(z.string())
        .default([])
        .describe(
          'The providers the path brings that the client already contracts (compliance.contractedVendors): not ' +
            'new, so none of the contracting or upkeep above for them.',
        ),
      extensionHours: z
        .number()
        .default(0)
        .describe(
          'Once, in year 1 (migration): extending those contracts to the new service (its register line, the ' +
            'assessment of the service, the exit plan covering it).',
        ),
    })
    .describe(
      'ICT third parties the path contracts anew where the client is under DORA (Regulation (EU) 2022/2554, ' +
        'Articles 28 and 30), with the staff-hours that brings at the loaded engineer cost.',
    ),
});
