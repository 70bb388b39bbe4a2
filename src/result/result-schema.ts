import { z } from 'zod';
import { AnswersSchema } from '../schema/answers.js';
import {
  DataVintageSchema,
  MigrationPlanSchema,
  NodesPerYearSchema,
  PathFactsSchema,
  ReproStampSchema,
} from './context-schemas.js';
import { CostingSchema } from './costing-schema.js';
import { EngineResultShape } from './engine-result-schema.js';
import { QuoteTargetSchema } from './quote-target-schema.js';
import { StakeholderViewsSchema } from './stakeholders-schema.js';

/**
 * The whole result of one engagement, as `buildResult` returns it and `score --json` prints it: what the engine
 * decided, plus everything a renderer needs so that no output reads the answers or the data again. Adding a field:
 * add it to the part's schema (one file per part), to what builds it, and run `npm run schema`.
 */
export const BuiltResultSchema = z
  .strictObject({
    ...EngineResultShape,
    quoteTargets: z
      .array(QuoteTargetSchema)
      .describe('The price per unit at which each option with a subscription would be recommended.'),
    stakeholders: StakeholderViewsSchema.optional().describe('Present when the answers name stakeholders.'),
    situation: AnswersSchema.describe(
      'The client’s situation as validated: the answers with defaults applied.',
    ),
    nodesPerYear: NodesPerYearSchema,
    migrationPlan: MigrationPlanSchema,
    paths: PathFactsSchema,
    dataVintage: DataVintageSchema,
    costing: CostingSchema,
    breakEvenCountRange: z
      .strictObject({ low: z.number(), high: z.number() })
      .describe(
        'The multiples of today’s node and sidecar counts within which a break-even on them is looked for and reported.',
      ),
  })
  .describe('cnireport result, without the reproduction stamp.');

/** result.json: the result and the stamp that reproduces it. `cnireport render` reads exactly this. */
export const ResultSchema = BuiltResultSchema.extend({ generatedBy: ReproStampSchema }).describe(
  'cnireport result.json: one engagement’s recommendation, costs, reasons and inputs, and how to reproduce it.',
);

/** Values a renderer only reads: the schema's output, read-only all the way down. */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export type BuiltResult = DeepReadonly<z.output<typeof BuiltResultSchema>>;
export type Result = DeepReadonly<z.output<typeof ResultSchema>>;
export type ReproStamp = DeepReadonly<z.output<typeof ReproStampSchema>>;
