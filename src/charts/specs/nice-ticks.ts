/** A domain that starts and ends on a tick, and the ticks: about `count` steps of 1, 2, 2.5 or 5 × 10ⁿ. */
export function niceTicks(
  low: number,
  high: number,
  count: number,
): { domain: [number, number]; values: number[] } {
  const raw = (high - low) / count || Math.abs(high) / count || 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = magnitude * ([1, 2, 2.5, 5].find((s) => raw <= s * magnitude) ?? 10);
  const first = Math.floor(low / step);
  const last = Math.max(first + 1, Math.ceil(high / step));
  const values = Array.from({ length: last - first + 1 }, (_, i) => (first + i) * step);
  return { domain: [first * step, last * step], values };
}
