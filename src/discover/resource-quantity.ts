/**
 * Kubernetes resource quantities (`250m`, `0.5`, `128Mi`, `1G`, `1e3`) as numbers, by the grammar of
 * apimachinery's resource.Quantity: a decimal number, then a binary-SI suffix (Ki … Ei), a decimal-SI
 * suffix (n, u, m, k, M, G, T, P, E) or a decimal exponent. https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

const SCALE: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** Read quantities: a cluster's pods repeat a few dozen of them, read again for every pod. */
const known = new Map<string, number | undefined>();

/** The quantity's value in base units (cores, bytes); undefined for text that is not a quantity. */
export function quantityValue(text: unknown): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  if (known.has(text)) return known.get(text);
  const value = parseQuantity(text);
  if (known.size < 10_000) known.set(text, value);
  return value;
}

function parseQuantity(text: string): number | undefined {
  const match = QUANTITY.exec(text.trim());
  if (match === null) return undefined;
  const [, number = '', suffix, exponent] = match;
  const scale =
    suffix !== undefined ? (SCALE[suffix] ?? 1) : exponent !== undefined ? 10 ** Number(exponent) : 1;
  const value = Number(number) * scale;
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** A CPU quantity in millicores. */
export const millicores = (text: unknown): number | undefined => {
  const cores = quantityValue(text);
  return cores === undefined ? undefined : cores * 1000;
};

/** A memory quantity in MiB. */
export const mebibytes = (text: unknown): number | undefined => {
  const bytes = quantityValue(text);
  return bytes === undefined ? undefined : bytes / 2 ** 20;
};
