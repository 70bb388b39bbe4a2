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
