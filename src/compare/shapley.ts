/**
 * Exact Shapley values of `n` players for a vector-valued game given on every coalition: `values[mask]` is the
 * outcome with the players whose bits are set in `mask`. Player i gets the average, over every order of
 * adding the players, of what adding i changes; so the shares add up to values[all] − values[none], exactly
 * up to floating-point rounding, however the players interact. Pure; 2^n coalitions, so n stays small.
 */
export function shapleyValues(n: number, values: readonly (readonly number[])[]): number[][] {
  const size = 2 ** n;
  if (values.length !== size) throw new RangeError(`expected ${size} coalition values, got ${values.length}`);
  const width = values[0]?.length ?? 0;
  // weight[s] = s! (n − s − 1)! / n!, the share of orders in which a given coalition of size s precedes i.
  const factorial = [1];
  for (let k = 1; k <= n; k++) factorial.push((factorial[k - 1] as number) * k);
  const weight = Array.from(
    { length: n },
    (_, s) => ((factorial[s] as number) * (factorial[n - s - 1] as number)) / (factorial[n] as number),
  );
  const shares = Array.from({ length: n }, () => new Array<number>(width).fill(0));
  for (let mask = 0; mask < size; mask++) {
    const s = popCount(mask);
    const without = values[mask] as readonly number[];
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      const withI = values[mask | bit] as readonly number[];
      const w = weight[s] as number;
      const share = shares[i] as number[];
      for (let j = 0; j < width; j++)
        share[j] = (share[j] as number) + w * ((withI[j] as number) - (without[j] as number));
    }
  }
  return shares;
}

function popCount(x: number): number {
  let count = 0;
  for (let v = x; v !== 0; v &= v - 1) count += 1;
  return count;
}
