/** Percentiles by the nearest-rank method (no interpolation: the value reported was observed). */
export function percentile(sortedAsc: readonly number[], p: number): number {
  if (sortedAsc.length === 0) return Number.NaN;
  if (p <= 0) return sortedAsc[0]!;
  const rank = Math.ceil((p / 100) * sortedAsc.length);
  return sortedAsc[Math.min(sortedAsc.length, rank) - 1]!;
}
