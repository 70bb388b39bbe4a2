import { joinAnd, lowerFirst } from '../shared/format.js';
import type { ReportContext } from './report-context.js';

/** A score on the 0-1 scale as the summary quotes it: two decimals. */
export function formatScore(x: number): string {
  return x.toFixed(2);
}

/** How far a sensitivity's flip point lies from today's value, as a share of it. */
export function relativeDistance(current: number, flipsAt: number): number {
  return Math.abs(flipsAt - current) / Math.max(Math.abs(current), 1e-9);
}

/** "vendor support and L7 policy": needs named mid-sentence. */
export function listNames(ctx: ReportContext, ids: readonly string[]): string {
  return joinAnd(ids.map((id) => lowerFirst(ctx.capabilityName(id))));
}
