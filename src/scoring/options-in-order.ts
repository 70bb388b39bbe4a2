import type { OptionResult, ScoreResult } from './score-result.js';

/** The result's options in the data's order (not by rank): the order of every table's columns and chart's series. */
export function optionsInOrder(result: Pick<ScoreResult, 'options'>): OptionResult[] {
  return [...result.options].sort((a, b) => a.order - b.order);
}
