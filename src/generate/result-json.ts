import type { ReproStamp } from '../report/report-sources.js';
import type { ScoreResult } from '../scoring/score-result.js';

/** result.json: the engine's result with the stamp that reproduces it, as stable 2-space JSON. */
export function resultJson(result: ScoreResult, stamp: ReproStamp): string {
  return `${JSON.stringify({ ...result, generatedBy: stamp }, null, 2)}\n`;
}
