import { z } from 'zod';
import { CNIS, IMPORTANCE_LEVELS } from '../schema/answers.js';
import { COST_KEYS } from '../schema/assumption-keys.js';
import { CRITERIA } from '../schema/criteria.js';
import { CAPABILITY_IDS, MIGRATION_PARTS, OPTION_MARKS, SUPPORT_LEVELS } from '../schema/dataset.js';

/** The identifiers the result speaks in, from the one place each is declared. */
/** Options are data (data/options.yaml): any id the data declares. */
export const OptionIdSchema = z.string().min(1);
export const OptionMarkSchema = z.enum(OPTION_MARKS);
export const CapabilityIdSchema = z.enum(CAPABILITY_IDS);
export const ImportanceSchema = z.enum(IMPORTANCE_LEVELS);
export const SupportLevelSchema = z.enum(SUPPORT_LEVELS);
export const CostKeySchema = z.enum(COST_KEYS);
export const CniSchema = z.enum(CNIS);
export const MigrationPartSchema = z.enum(MIGRATION_PARTS);

/** The four decision criteria, each a number: scores (0-1) or priorities (0-5). */
export const CriterionNumbersSchema = z.strictObject(
  Object.fromEntries(CRITERIA.map((c) => [c, z.number()])) as Record<(typeof CRITERIA)[number], z.ZodNumber>,
);
