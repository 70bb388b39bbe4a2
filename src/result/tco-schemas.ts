import { z } from 'zod';
import { TCO_CATEGORIES } from '../schema/tco-categories.js';

/** Money by TCO category, in whole units of the engagement currency. */
export const ByCategorySchema = z.strictObject(
  Object.fromEntries(TCO_CATEGORIES.map((c) => [c, z.number()])) as Record<
    (typeof TCO_CATEGORIES)[number],
    z.ZodNumber
  >,
);

/** Money rounded to whole units of the engagement currency; categories, years and total add up exactly. */
export const TcoSummarySchema = z.strictObject({
  total: z.number(),
  perYear: z.array(z.number()),
  byCategory: ByCategorySchema,
  byYear: z.array(ByCategorySchema),
  savingsVsBaseline: z
    .number()
    .optional()
    .describe("Status-quo TCO minus this option's: positive means cheaper than staying as today."),
});
