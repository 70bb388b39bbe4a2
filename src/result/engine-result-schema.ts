import { z } from 'zod';
import {
  ParameterSchema,
  ReasonSchema,
  SensitivityEntrySchema,
  TornadoBarSchema,
} from './explanation-schemas.js';
import {
  CapabilityIdSchema,
  CniSchema,
  CriterionNumbersSchema,
  ImportanceSchema,
  OptionIdSchema,
} from './ids.js';
import { OptionResultSchema } from './option-schema.js';
import { TcoSummarySchema } from './tco-schemas.js';

/** The change rule: the path run today and how far each challenger must lead it to be recommended instead. */
export const ChangeHurdleSchema = z.strictObject({
  incumbent: OptionIdSchema.nullable(),
  hurdles: z.partialRecord(OptionIdSchema, z.number()),
});

/** One draw a close call turns on: what the rival's worlds drew higher or lower, and the sentence naming it. */
export const CloseCallReasonSchema = z.strictObject({
  key: z
    .string()
    .describe(
      'priority.<criterion>, migrationFear, changeHurdle, newComponentWeight, fit.<option>, softMust.<capability>, cost.<key> or addon.<id>.',
    ),
  direction: z.enum(['higher', 'lower']),
  effect: z
    .number()
    .describe(
      "Difference of the draw's mean between the rival's worlds and the pick's, in standard deviations.",
    ),
  toward: OptionIdSchema.describe('The option that would be recommended instead.'),
  text: z.string(),
});

/** One structural judgement each plausible world draws, with its range and the reason for it. */
export const WorldJudgementSchema = z.strictObject({
  id: z.enum([
    'prioritySpread',
    'levelSpread',
    'migrationFear',
    'newComponentWeight',
    'changeHurdle',
    'softMustHeld',
  ]),
  low: z.number(),
  likely: z.number(),
  high: z.number(),
  reason: z.string(),
});

export const RecommendationSchema = z.strictObject({
  option: OptionIdSchema,
  name: z.string(),
  confidence: z
    .number()
    .describe(
      'Share of the plausible worlds (costs and judgements drawn together) in which this option stays the pick.',
    ),
  closeCall: z
    .boolean()
    .describe(
      'A rival is the pick in a material share of the worlds, or the lead is inside the uncertainty band.',
    ),
  closeBecause: z
    .array(CloseCallReasonSchema)
    .describe(
      'For a close call, the inputs or judgements that would make another option the pick; else empty.',
    ),
  worlds: z
    .strictObject({
      rival: OptionIdSchema.nullable(),
      rivalShare: z.number(),
      leadSpread: z
        .number()
        .nullable()
        .describe('Standard deviation of the lead over the rival across the worlds (0-1 score points).'),
    })
    .describe(
      'The strongest rival across the plausible worlds, the share it wins, and how much the lead varies.',
    ),
  margin: z
    .number()
    .nullable()
    .describe(
      'Score lead over the best option that meets as many musts; null when every rival is ruled out.',
    ),
  runnerUp: OptionIdSchema,
  meetsAllMusts: z.boolean(),
  reasons: z.array(z.string()),
  because: z.array(ReasonSchema),
  change: z.strictObject({
    incumbent: OptionIdSchema.nullable(),
    changesDataPlane: z.boolean(),
    bestAtLikely: OptionIdSchema,
    stayed: z.boolean(),
    challenger: OptionIdSchema.nullable(),
    lead: z.number().nullable(),
    hurdle: z.number().nullable(),
  }),
});

export const MonteCarloSchema = z.strictObject({
  draws: z.number(),
  seed: z.number(),
  distribution: z.literal('triangular'),
  varied: z.array(z.string()),
  prioritySpread: z.number(),
  levelSpread: z.number(),
  bins: z.array(z.number()),
  hurdle: ChangeHurdleSchema,
  baseline: z
    .strictObject({ p10: z.number(), p50: z.number(), p90: z.number() })
    .nullable()
    .describe('Staying as today, costed in the same draws as the options.'),
  judgements: z.array(WorldJudgementSchema).describe('The structural judgements each world draws.'),
  closeCallRule: z
    .strictObject({
      share: z.number(),
      band: z.number(),
      z: z.number().describe('Standard errors of sampling allowed below `share`.'),
      shareAtWorlds: z
        .number()
        .describe(
          'The rival share of the worlds drawn from which a close call is flagged: `share` less `z` standard errors of it at `draws` worlds.',
        ),
    })
    .describe(
      'A close call: a rival could be the pick in `share` of the worlds (its share of the worlds drawn is at least `shareAtWorlds`), or the lead is under `band` standard deviations of it.',
    ),
  options: z.array(
    z.strictObject({
      id: OptionIdSchema,
      pRecommended: z.number(),
      pCheapest: z.number(),
      p10: z.number(),
      p50: z.number(),
      p90: z.number(),
      likelyPercentile: z.number(),
      histogram: z.array(z.number()),
    }),
  ),
});

export const SidecarTaxSchema = z.strictObject({
  sidecars: z.number(),
  keptAfterMove: z.number(),
  canMove: z.boolean(),
  perSidecarYear: z.number(),
  years: z.array(
    z.strictObject({ year: z.number(), all: z.number(), kept: z.number(), perNode: z.number() }),
  ),
  moveHours: z.number(),
  movedBy: z.array(OptionIdSchema),
});

/**
 * What the decision engine computes (`scoreAnswers`): the fields result.json has carried since version 1, in
 * the order it writes them.
 */
export const EngineResultShape = {
  resultVersion: z.literal(1),
  dataVersion: z.string(),
  engagement: z.strictObject({ client: z.string(), currency: z.string(), horizonYears: z.number() }),
  recommendation: RecommendationSchema,
  options: z.array(OptionResultSchema),
  baseline: z.strictObject({
    description: z.string(),
    tco: TcoSummarySchema.extend({
      p10: z.number(),
      median: z.number(),
      p90: z.number(),
      likely: z.number(),
    }),
    option: OptionIdSchema.nullable().describe('The option whose path staying is; null when none.'),
    meetsAllMusts: z.boolean(),
    unmetMusts: z.array(CapabilityIdSchema),
    runsToday: z
      .array(
        z.strictObject({
          group: z
            .string()
            .nullable()
            .describe('The estate’s group; null for an estate described as one group.'),
          cni: CniSchema,
          name: z
            .string()
            .describe(
              'What runs there today as the report names it: the provider’s offer where the platform runs the CNI ' +
                'as its own (GKE Dataplane V2, Azure CNI Powered by Cilium), else the CNI’s name.',
            ),
        }),
      )
      .describe('What staying keeps: one entry, or one per group of the estate, in the answers’ order.'),
  }),
  needs: z.array(
    z.strictObject({
      capability: CapabilityIdSchema,
      importance: ImportanceSchema,
      origin: z.enum(['answer', 'rule', 'default']),
      reasons: z.array(z.string()),
      basis: z.array(z.string()),
      soft: z
        .boolean()
        .describe(
          'A must that rests on advice, not on a stated requirement: some plausible worlds hold it as a should.',
        ),
      name: z.string(),
    }),
  ),
  priorities: CriterionNumbersSchema,
  sensitivity: z.array(SensitivityEntrySchema),
  tornado: z.strictObject({ option: OptionIdSchema, bars: z.array(TornadoBarSchema) }),
  monteCarlo: MonteCarloSchema,
  assumptions: z.array(ParameterSchema),
  currency: z.strictObject({
    code: z.string(),
    perUsd: z
      .number()
      .describe('Units of the engagement currency per US dollar that USD defaults are converted at.'),
    source: z.string(),
    origin: z
      .enum(['base', 'ecb', 'client'])
      .describe(
        'ecb: an ECB monthly average from the data; client: the engagement’s own rate; base: USD itself.',
      ),
    month: z
      .string()
      .nullable()
      .describe('YYYY-MM of the ECB monthly average used; null for USD or the client’s own rate.'),
    vintage: z.string().describe('What the rate is, with its month, in words, as the report prints it.'),
  }),
  sidecarTax: SidecarTaxSchema.nullable(),
  notCosted: z.array(z.string()),
} as const;

export const EngineResultSchema = z.strictObject(EngineResultShape);
