import { z } from 'zod';
import { CapabilityIdSchema, CostKeySchema, ImportanceSchema, OptionIdSchema } from './ids.js';

/** A sentence for the client and what it rests on: answers, rules, data entries or computed figures. */
export const ReasonSchema = z.strictObject({
  text: z.string(),
  basis: z
    .array(z.string())
    .describe('Traces: `answer:<path>`, `rule:<id>`, `data:<entry>` or `computed:<figure>`.'),
});

/** One reason an option is riskier for this client, with the penalty it costs on the 0-1 risk scale. */
export const RiskSchema = z.strictObject({
  id: z.string(),
  penalty: z.number(),
  text: z.string(),
  basis: z.array(z.string()),
});

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
