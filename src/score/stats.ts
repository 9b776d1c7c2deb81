// Small statistics shared by the metrics. Pure.

/**
 * The q-quantile (0..1) of ascending-sorted numbers by linear interpolation between closest ranks
 * (Hyndman & Fan type 7: numpy.percentile's default, Excel PERCENTILE.INC). The median of an
 * even count is the mean of the two middle values. Null for an empty list.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export const median = (sorted: readonly number[]) => quantile(sorted, 0.5);

/** part / whole, or null when whole is 0 (a share of nothing is not 0). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Rounds shares and scores the same way everywhere in the JSON: 4 decimals. */
export const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
