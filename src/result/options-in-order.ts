/** The result's options in the data's order (not by rank): the order of every table's columns and chart's series. */
export function optionsInOrder<O extends { readonly order: number }>(result: {
  readonly options: readonly O[];
}): O[] {
  return [...result.options].sort((a, b) => a.order - b.order);
}
