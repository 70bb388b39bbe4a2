import { z } from 'zod';
import { ASSUMPTION_KEYS } from '../schema/assumption-keys.js';
import { OptionIdSchema } from './ids.js';

const PriceLimitSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('upTo'), price: z.number() }),
  z.strictObject({ kind: z.literal('never') }),
  z.strictObject({ kind: z.literal('beyond'), price: z.number() }),
]);

/** The vendor-quote target of one option with a subscription, in the engagement currency. */
export const QuoteTargetSchema = z.strictObject({
  option: OptionIdSchema,
  name: z.string(),
  key: z
    .enum(ASSUMPTION_KEYS)
    .describe('The assumption that holds the price: `assumptions.<key>` in the answers.'),
  unit: z.string().describe('Unit of the price without the currency code, e.g. "per node-year".'),
  current: z.number().describe('The price the result used.'),
  recommended: PriceLimitSchema.describe('Highest price at which the option is the recommendation.'),
  confident: PriceLimitSchema.describe(
    'Highest price at which it is recommended in `confidence` of the draws.',
  ),
  confidence: z.number(),
  unmetMusts: z.array(z.string()).describe('Musts the option cannot meet, by name.'),
  rivalsRuledOut: z.boolean(),
  sentence: z.string(),
});
