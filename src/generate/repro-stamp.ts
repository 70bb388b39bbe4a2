import { createHash } from 'node:crypto';
import type { ReproStamp } from '../report/report-sources.js';
import type { ScoreResult } from '../scoring/score-result.js';

/** What it takes to reproduce `result` exactly: the same input, tool, data, seed, draws and date; and the data's age. */
export function reproStamp(input: {
  readonly answersBytes: Uint8Array;
  readonly toolVersion: string;
  readonly result: ScoreResult;
  readonly dataVerifiedOn: string;
  readonly date: string;
}): ReproStamp {
  return {
    tool: 'cnireport',
    toolVersion: input.toolVersion,
    dataVersion: input.result.dataVersion,
    dataVerifiedOn: input.dataVerifiedOn,
    inputSha256: createHash('sha256').update(input.answersBytes).digest('hex'),
    seed: input.result.monteCarlo.seed,
    draws: input.result.monteCarlo.draws,
    date: input.date,
  };
}
