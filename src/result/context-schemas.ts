import { z } from 'zod';
import { CniSchema, MigrationPartSchema, OptionIdSchema } from './ids.js';

/** The per-year node counts the TCO was computed on: the estate grown by the client's yearly growth. */
export const NodesPerYearSchema = z
  .array(z.number())
  .describe('Worker nodes in each year of the horizon (year 1 first), before rounding.');

/** How one part of the estate gets from its CNI to the recommended path: the data's phases and the engine's hours. */
const PlanSchema = z.strictObject({
  option: OptionIdSchema,
  from: CniSchema.describe("The client's CNI today."),
  title: z.string().describe('`{currentCni}` stands for the name of the client’s current CNI.'),
  summary: z.string(),
  source: z.string(),
  phases: z
    .array(z.strictObject({ part: MigrationPartSchema, title: z.string(), steps: z.string() }))
    .describe(
      'The phases with effort for this client, in order (a phase whose part has no hours is left out).',
    ),
  caveats: z.array(z.strictObject({ text: z.string(), appliesToClient: z.boolean() })),
  effortBasis: z
    .string()
    .nullable()
    .describe(
      'Why the migration takes only a share of a live migration’s default effort (the provider does part of it), ' +
        'an estimate; null where it takes the whole.',
    ),
  hours: z
    .strictObject({
      cluster: z.number(),
      node: z.number(),
      'kube-proxy': z.number(),
      addons: z.number(),
      mesh: z.number(),
      'ict-provider': z
        .number()
        .describe('Staff-hours to contract a new ICT provider under DORA (not scaled by team maturity).'),
    })
    .describe('Engineer-hours by part, after the team-maturity factor.'),
});

/** How the client gets from today's CNI to the recommended path, and, for an estate of groups, each group. */
export const MigrationPlanSchema = PlanSchema.extend({
  groups: z
    .array(PlanSchema.extend({ name: z.string() }))
    .optional()
    .describe(
      'For an estate described as several groups: each group’s own migration, from the CNI it runs, in the ' +
        'groups’ order (the plan above is that of the estate’s leading CNI, kept for compatibility). Absent for ' +
        'an estate of one group.',
    ),
}).describe('The chosen migration: to the recommended path from what runs today.');

/** What each path is called elsewhere and who stands behind it, as the data says. */
export const PathFactsSchema = z.array(
  z.strictObject({
    id: OptionIdSchema,
    formerly: z.string().nullable().describe('The product’s former name, or null.'),
    vendor: z.string().nullable(),
  }),
);

/** How current the data behind the result is. */
export const DataVintageSchema = z.strictObject({
  verifiedOn: z
    .string()
    .describe('When every fact in data/ was last checked against its source, YYYY-MM-DD.'),
  exchangeRate: z
    .strictObject({
      perUsd: z.number(),
      vintage: z
        .string()
        .nullable()
        .describe('The rate’s date or period, in words; null when the data gives none.'),
    })
    .nullable()
    .describe('The conversion from US dollars, null for USD engagements.'),
});

/** What result.json carries beside the result, so anyone can reproduce a report exactly. */
export const ReproStampSchema = z.strictObject({
  tool: z.literal('cnireport'),
  toolVersion: z.string(),
  dataVersion: z.string(),
  dataVerifiedOn: z.string().describe('data/meta.yaml verifiedOn, YYYY-MM-DD.'),
  inputSha256: z.string().describe("SHA-256 of the answers file's text in UTF-8 (no byte-order mark), hex."),
  seed: z.number(),
  draws: z.number(),
  date: z
    .string()
    .describe('The report date, YYYY-MM-DD: from the answers, else SOURCE_DATE_EPOCH, else today.'),
});
