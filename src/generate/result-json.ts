import type { ReproStamp } from '../report/report-sources.js';
import type { ScoreResult } from '../scoring/score-result.js';

/**
 * result.json: the engine's result, what `score --json` adds to it (quote targets, stakeholders), and the stamp
 * that reproduces it, as stable 2-space JSON.
 */
export function resultJson(
  result: ScoreResult,
  stamp: ReproStamp,
  extras: Readonly<Record<string, unknown>> = {},
): string {
  return `${JSON.stringify({ ...result, ...extras, generatedBy: stamp }, null, 2)}\n`;
}
