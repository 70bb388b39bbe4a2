/** The six categories every option's TCO is split into, in the order tables and charts show them. */
export const TCO_CATEGORIES = [
  'subscription',
  'operations',
  'compute',
  'migration',
  'training',
  'tooling',
] as const;
export type TcoCategory = (typeof TCO_CATEGORIES)[number];

/** Each category's name: `short` for a table's column or a slide, `long` where a chart's legend explains it. */
export const TCO_CATEGORY_LABELS: Readonly<
  Record<TcoCategory, { readonly short: string; readonly long: string }>
> = {
  subscription: { short: 'Subscription', long: 'Subscription' },
  operations: { short: 'Operations', long: 'Operations labour' },
  compute: { short: 'Compute', long: 'Compute overhead' },
  migration: { short: 'Migration', long: 'Migration (one-off)' },
  training: { short: 'Training', long: 'Training (one-off)' },
  tooling: { short: 'Tooling', long: 'Add-on licences' },
};
