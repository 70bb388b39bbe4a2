import { OPTION_IDS, type OptionId } from '../../schema/dataset.js';
import type { OptionResult, ScoreResult } from '../../scoring/score-result.js';
import { OPTION_COLOURS } from '../chart-theme.js';
import { vegaString } from './vega-string.js';

/** Colour scale keyed by option id over every option, so an option's colour never depends on which appear. */
export function optionColourScale() {
  return { domain: [...OPTION_IDS], range: OPTION_IDS.map((id) => OPTION_COLOURS[id]) };
}

/** The options as the report ranks them: recommended first. */
export function optionsByRank(result: ScoreResult): OptionResult[] {
  return [...result.options].sort((a, b) => a.rank - b.rank);
}

export function optionName(result: ScoreResult, id: OptionId): string {
  return result.options.find((o) => o.id === id)?.name ?? id;
}

/** A Vega expression mapping an option id in `datum.value` to its name, for legends keyed by id. */
export function optionNameExpr(result: ScoreResult, extra: Readonly<Record<string, string>> = {}): string {
  const names: Record<string, string> = { ...extra };
  for (const o of result.options) names[o.id] = o.name;
  return Object.entries(names).reduceRight(
    (otherwise, [id, name]) => `datum.value === ${vegaString(id)} ? ${vegaString(name)} : ${otherwise}`,
    'datum.value',
  );
}
