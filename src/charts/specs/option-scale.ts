import { optionsInOrder } from '../../result/options-in-order.js';
import type { EngineResult, OptionResult } from '../../result/result-types.js';
import type { OptionId } from '../../schema/dataset.js';
import { vegaString } from './vega-string.js';

/**
 * Colour scale keyed by option id over every option of the result(s), in the data's order, so an option's colour
 * never depends on which of them a chart shows.
 */
export function optionColourScale(...results: readonly Pick<EngineResult, 'options'>[]) {
  const options = new Map(results.flatMap((r) => optionsInOrder(r)).map((o) => [o.id, o.colour]));
  return { domain: [...options.keys()], range: [...options.values()] };
}

/** The options as the report ranks them: recommended first. */
export function optionsByRank(result: EngineResult): OptionResult[] {
  return [...result.options].sort((a, b) => a.rank - b.rank);
}

export function optionName(result: EngineResult, id: OptionId): string {
  return result.options.find((o) => o.id === id)?.name ?? id;
}

/** A Vega expression mapping an option id in `datum.value` to its name, for legends keyed by id. */
export function optionNameExpr(result: EngineResult, extra: Readonly<Record<string, string>> = {}): string {
  const names: Record<string, string> = { ...extra };
  for (const o of result.options) names[o.id] = o.name;
  return Object.entries(names).reduceRight(
    (otherwise, [id, name]) => `datum.value === ${vegaString(id)} ? ${vegaString(name)} : ${otherwise}`,
    'datum.value',
  );
}
