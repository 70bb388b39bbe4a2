/** Hours in a (non-leap) year: what an always-on resource is billed for. */
export const HOURS_PER_YEAR = 8760;

/** Gigabytes (10^9 bytes, as clouds price memory) in a mebibyte (2^20 bytes, as Kubernetes requests memory). */
export const GB_PER_MIB = 2 ** 20 / 1e9;

/** Working hours in one training day. */
export const HOURS_PER_TRAINING_DAY = 8;
