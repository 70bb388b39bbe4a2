import { z } from 'zod';
import { CRITERIA } from '../schema/criteria.js';
import { CriterionNumbersSchema, OptionIdSchema } from './ids.js';

/** Along one weight, the others held: the values from `from` to `to` (within 0–5) where `option` is recommended. */
const WeightRangeSchema = z.strictObject({
  criterion: z.enum(CRITERIA),
  current: z.number(),
  option: OptionIdSchema,
  from: z.number(),
  to: z.number(),
});

/** Each named stakeholder's recommendation under their own priorities, and the boundary of their agreement. */
export const StakeholderViewsSchema = z.strictObject({
  group: z.strictObject({ option: OptionIdSchema, name: z.string() }),
  unanimous: z.boolean(),
  blocs: z.array(
    z.strictObject({ option: OptionIdSchema, name: z.string(), stakeholders: z.array(z.string()) }),
  ),
  views: z.array(
    z.strictObject({
      name: z.string(),
      priorities: CriterionNumbersSchema,
      recommendation: z.strictObject({
        option: OptionIdSchema,
        name: z.string(),
        confidence: z.number(),
        closeCall: z.boolean(),
        margin: z.number().nullable(),
      }),
      agrees: z.boolean(),
      holds: z.array(WeightRangeSchema),
      comesRound: z.array(WeightRangeSchema),
      sentence: z.string(),
    }),
  ),
  sentence: z.string(),
});
