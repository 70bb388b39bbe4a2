import { z } from 'zod';
import { DISPLAY_TEXT, isDisplayText } from './display-text.js';

/** A sober navy: reads as corporate on screen and stays dark enough when printed in grey. */
export const DEFAULT_PRIMARY_COLOR = '#1f3a5f';

/** The brand file (`--brand brand.yaml`) as a consultancy writes it. */
export const BrandSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .refine(isDisplayText, DISPLAY_TEXT)
      .optional()
      .describe('Consultancy name shown on the cover and in the page footer. Omitted: not shown.'),
    logo: z
      .string()
      .trim()
      .min(1)
      .max(4096)
      .optional()
      .describe('Logo image (PNG, JPEG or SVG, at most 2 MiB), as a path relative to the brand file.'),
    primaryColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #rrggbb')
      .default(DEFAULT_PRIMARY_COLOR)
      .describe(`Primary colour of headings and accents, #rrggbb. Default: ${DEFAULT_PRIMARY_COLOR}.`),
    footer: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine(isDisplayText, DISPLAY_TEXT)
      .optional()
      .describe('Text printed in every page footer, e.g. a confidentiality line. Omitted: none.'),
  })
  .describe('Branding of the report: who prepared it and how it looks.');

export type BrandFile = z.output<typeof BrandSchema>;
