/** The result's only nullable fields; a null anywhere else is a NaN or Infinity that JSON.stringify hid. */
const NULLABLE = new Set([
  'margin',
  'flipsAt',
  'newWinner',
  'teamUtilisation',
  // recommendation.change: no incumbent (greenfield), or no challenger to it
  'incumbent',
  'challenger',
  'lead',
  'hurdle',
  // baseline.option when no path keeps today's CNI; stack decisions for the sidecar move name no capability
  'option',
  'capability',
  'importance',
  // no sidecars to tax
  'sidecarTax',
  // paths: a product with no former name, or no vendor (open source); dataVintage: no exchange rate for USD data
  'formerly',
  'vendor',
  'exchangeRate',
  // currency.month: the amounts need no rate (USD), or the client's own rate overrides the ECB's
  'month',
  // recommendation.worlds: no rival in any world (a single option), so no spread of the lead either
  'rival',
  'leadSpread',
]);

interface ResultShape {
  recommendation?: { option?: unknown; confidence?: unknown };
  options?: { id?: unknown; tco?: { total?: unknown } }[];
}

/** Every number finite, no stray null, the recommendation one of the options and ranked first. */
export function resultViolations(value: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, path: string, key: string): void => {
    if (typeof node === 'number' && !Number.isFinite(node)) found.push(`${path} is ${node}`);
    else if (node === null && !NULLABLE.has(key)) found.push(`${path} is null (NaN or Infinity before JSON)`);
    else if (Array.isArray(node)) {
      for (const [i, x] of node.entries()) walk(x, `${path}[${i}]`, key);
    } else if (typeof node === 'object' && node !== null)
      for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`, k);
  };
  walk(value, 'result', '');

  const result = value as ResultShape;
  const option = result.recommendation?.option;
  const ids = (result.options ?? []).map((o) => o.id);
  if (!ids.includes(option as string)) found.push(`recommendation ${String(option)} is not an option`);
  if (ids.length < 2 || new Set(ids).size !== ids.length) found.push(`options are ${ids.join(', ')}`);
  if (ids[0] !== option) found.push(`recommended ${String(option)} but ranked ${String(ids[0])} first`);
  const confidence = result.recommendation?.confidence;
  if (typeof confidence !== 'number' || confidence < 0 || confidence > 1)
    found.push(`confidence ${String(confidence)} outside 0 to 1`);
  for (const o of result.options ?? []) {
    const total = o.tco?.total;
    if (typeof total !== 'number' || total < 0) found.push(`${String(o.id)} TCO total ${String(total)}`);
  }
  // One violation of the same kind per path family is enough to read.
  return found.slice(0, 8);
}
