import { z } from 'zod';
import {
  CapabilityIdSchema,
  CniSchema,
  CostKeySchema,
  ImportanceSchema,
  OptionIdSchema,
  SupportLevelSchema,
} from './ids.js';
import type { DeepReadonly } from './result-schema.js';

const basis = z
  .array(z.string())
  .describe('Traces: `answer:<path>`, `rule:<id>`, `data:<entry>` or `computed:<figure>`.');

/** Each risk's kind and the facts its sentence is written from (src/words/risk-text.ts). */
const RISK_PARAMS = {
  'no-vendor-support': {},
  'ebpf-experience': {
    experience: z.enum(['none', 'some', 'deep']),
    vendorSoftens: z.boolean().describe("The path's vendor support softens the risk."),
  },
  'team-capacity': {
    hoursPerMonth: z.number().describe('Engineer-hours a month to run the path, rounded.'),
    utilisation: z
      .number()
      .nullable()
      .describe("Share of the team's networking time it takes; null when the team has none."),
  },
  'cni-migration': {
    moves: z
      .array(
        z.strictObject({
          nodes: z.number(),
          group: z.string().nullable().describe('The estate group moved; null for the whole estate.'),
          from: CniSchema,
          fromName: z
            .string()
            .describe(
              'What it moves off, by the name its provider gives it (GKE Dataplane V2), else the CNI’s.',
            ),
        }),
      )
      .describe('What moves off which CNI.'),
    hours: z.number().describe('Engineer-hours of the data-plane migration, rounded.'),
    months: z
      .number()
      .nullable()
      .describe("Months of the team's networking time it takes; null when the team has none."),
  },
  addon: {
    addon: z.string(),
    name: z.string(),
    note: z.string().describe('The risk, from data/addons.yaml.'),
  },
  'addon-multicluster': {
    addon: z.string(),
    note: z.string().describe('The risk across clusters, from data/addons.yaml.'),
  },
  caveat: { capability: CapabilityIdSchema, text: z.string().describe('From data/capabilities.yaml.') },
  'air-gapped': {},
  'sidecar-latency': {},
} as const;

type RiskKind = keyof typeof RISK_PARAMS;

/** A union of the risk kinds, each with `shape`'s fields first (the order result.json writes them in). */
function riskUnion<S extends z.ZodRawShape>(shape: S) {
  const v = <K extends RiskKind>(kind: K) =>
    z.strictObject({ ...shape, kind: z.literal(kind), params: z.strictObject(RISK_PARAMS[kind]) });
  return z.discriminatedUnion('kind', [
    v('no-vendor-support'),
    v('ebpf-experience'),
    v('team-capacity'),
    v('cni-migration'),
    v('addon'),
    v('addon-multicluster'),
    v('caveat'),
    v('air-gapped'),
    v('sidecar-latency'),
  ]);
}

/** What a risk is, without its sentence: enough for the words layer to write it. */
export const RiskFactSchema = riskUnion({});
export type RiskFact = DeepReadonly<z.output<typeof RiskFactSchema>>;

/** One reason an option is riskier for this client, with the penalty it costs on the 0-1 risk scale. */
export const RiskSchema = riskUnion({
  id: z.string(),
  penalty: z.number(),
  text: z.string(),
  basis: z.array(z.string()),
});

const OptionTotalSchema = z.strictObject({ option: OptionIdSchema, total: z.number() });
const ComponentCountSchema = z.strictObject({
  option: OptionIdSchema,
  components: z.number().describe('Components per cluster.'),
  newComponents: z.number().describe('Of those, components new to the team.'),
});
const CapabilityLevelSchema = z.strictObject({ capability: CapabilityIdSchema, level: SupportLevelSchema });

/** Each reason's kind and the facts its sentence is written from (src/words/reason-text.ts). */
const REASON_PARAMS = {
  stays: {
    challenger: OptionIdSchema.describe('The best option other than staying.'),
    lead: z.number().describe('Its score lead over staying at the likely figures.'),
    hurdle: z.number().describe('The lead a change of data plane must have over staying.'),
  },
  cheaper: {
    option: OptionIdSchema,
    total: z.number(),
    median: z
      .boolean()
      .describe('The totals are medians of the simulated costs; false: at the likely figures.'),
    rivals: z.array(OptionTotalSchema).describe('The dearer options, each with its total on the same basis.'),
  },
  'meets-more': {
    option: OptionIdSchema,
    rival: OptionIdSchema,
    rivalMissesMust: z.boolean().describe('The rival leaves a must unmet.'),
    gains: z.array(
      z.strictObject({
        capability: CapabilityIdSchema,
        importance: ImportanceSchema,
        level: SupportLevelSchema,
        rivalLevel: SupportLevelSchema,
      }),
    ),
  },
  'avoids-risk': {
    option: OptionIdSchema,
    carriers: z.array(OptionIdSchema).describe('The options that carry the risk.'),
    risk: RiskFactSchema,
  },
  'ruled-out': {
    option: OptionIdSchema,
    capability: CapabilityIdSchema.describe('A must the option cannot meet, or meets only in part.'),
    level: SupportLevelSchema,
    groups: z
      .array(z.string())
      .optional()
      .describe('For an estate whose groups differ: the groups that lack it (the others have it).'),
  },
  'meets-all-musts': {
    option: OptionIdSchema,
    musts: z.number().describe('How many musts beyond pod networking it meets: all of them.'),
    among: z.array(CapabilityLevelSchema).describe('The strongest of them.'),
  },
  simpler: {
    option: OptionIdSchema,
    components: z.number(),
    newComponents: z.number(),
    rivals: z.array(ComponentCountSchema),
  },
  excluded: { option: OptionIdSchema, platform: z.string(), note: z.string() },
  'top-risk': { option: OptionIdSchema, risk: RiskFactSchema },
} as const;

type ReasonKind = keyof typeof REASON_PARAMS;

/** A union of the reason kinds, each with `shape`'s fields first (the order result.json writes them in). */
function reasonUnion<S extends z.ZodRawShape>(shape: S) {
  const v = <K extends ReasonKind>(kind: K) =>
    z.strictObject({ ...shape, kind: z.literal(kind), params: z.strictObject(REASON_PARAMS[kind]) });
  return z.discriminatedUnion('kind', [
    v('stays'),
    v('cheaper'),
    v('meets-more'),
    v('avoids-risk'),
    v('ruled-out'),
    v('meets-all-musts'),
    v('simpler'),
    v('excluded'),
    v('top-risk'),
  ]);
}

/** A reason for or against an option, without its sentence, and what it rests on. */
export const ReasonFactSchema = reasonUnion({ basis });
export type ReasonFact = DeepReadonly<z.output<typeof ReasonFactSchema>>;

/** A sentence for the client, what it rests on (answers, rules, data entries or computed figures), and its facts. */
export const ReasonSchema = reasonUnion({ text: z.string(), basis });

/** One optional piece weighed for an option's stack, and why it was taken in or left out. */
export const StackDecisionSchema = z.strictObject({
  capability: CapabilityIdSchema.nullable().describe('The need it serves; null for moving the sidecars.'),
  importance: ImportanceSchema.nullable(),
  addons: z.array(z.string()),
  taken: z.boolean(),
  tcoChange: z
    .number()
    .describe("Change in the option's TCO over the horizon, at likely values (negative: saves)."),
  fitChange: z.number().describe("Change in the option's capability fit, 0-1."),
  newComponents: z.number(),
  scoreChange: z.number().describe("Change in the option's own weighted score."),
  planned: z
    .boolean()
    .optional()
    .describe(
      'A should stated in the workshop, planned because this path meets it for no more than any other.',
    ),
  reason: z.string(),
});

/** One "what would flip it" finding: a weight or an input, the range that keeps the winner, and the flip point. */
export const SensitivityEntrySchema = z.strictObject({
  kind: z.enum(['weight', 'assumption']),
  key: z.string(),
  current: z.number(),
  keepsFrom: z.number(),
  keepsTo: z.number(),
  flipsAt: z.number().nullable(),
  newWinner: OptionIdSchema.nullable(),
  sentence: z.string(),
});

/** How far one option's TCO moves as one uncertain input goes from its low to its high value. */
export const TornadoBarSchema = z.strictObject({
  key: CostKeySchema,
  low: z.number(),
  high: z.number(),
  tcoAtLow: z.number(),
  tcoAtHigh: z.number(),
  swing: z.number(),
});

/** One cost input, in the engagement currency, with the range the Monte Carlo draws from. */
export const ParameterSchema = z.strictObject({
  key: CostKeySchema,
  description: z.string(),
  unit: z.string(),
  value: z.number(),
  low: z.number(),
  high: z.number(),
  origin: z.enum(['default', 'override', 'answer']),
  kind: z.enum(['sourced', 'derived', 'estimate', 'placeholder', 'client']),
  source: z.string(),
  uncertain: z
    .boolean()
    .describe('Values the client set are facts for this engagement: not drawn at random.'),
});
