import { z } from 'zod';
import {
  ParameterSchema,
  ReasonSchema,
  SensitivityEntrySchema,
  TornadoBarSchema,
} from './explanation-schemas.js';
import { CapabilityIdSchema, CriterionNumbersSchema, ImportanceSchema, OptionIdSchema } from './ids.js';
import { OptionResultSchema } from './option-schema.js';
import { TcoSummarySchema } from './tco-schemas.js';

/** The change rule: the path run today and how far each challenger must lead it to be recommended instead. */
export const ChangeHurdleSchema = z.strictObject({
  incumbent: OptionIdSchema.nullable(),
  hurdles: z.partialRecord(OptionIdSchema, z.number()),
});

export const RecommendationSchema = z.strictObject({
  option: OptionIdSchema,
  name: z.string(),
  confidence: z.number().describe('Share of Monte Carlo draws in which this option stays recommended.'),
  closeCall: z.boolean(),
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
  }),
  needs: z.array(
    z.strictObject({
      capability: CapabilityIdSchema,
      importance: ImportanceSchema,
      origin: z.enum(['answer', 'rule', 'default']),
      reasons: z.array(z.string()),
      basis: z.array(z.string()),
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
