/** Inverse CDF of the triangular distribution on [low, high] with mode `likely`, for u uniform in [0, 1). */
export function sampleTriangular(low: number, likely: number, high: number, u: number): number {
  if (high <= low) return likely;
  const cut = (likely - low) / (high - low);
  return u < cut
    ? low + Math.sqrt(u * (high - low) * (likely - low))
    : high - Math.sqrt((1 - u) * (high - low) * (high - likely));
}
