// A tally: how many times each value occurred. The lossless sketch behind every median the
// report gives: it merges by adding counts, and its quantiles equal those of the sorted values.
// In JSON it is [[value, count], …] in ascending value order.

export interface Tally {
  counts: Map<number, number>;
  n: number;
}

export type TallyJson = [number, number][];

export const emptyTally = (): Tally => ({ counts: new Map(), n: 0 });

export function addTally(t: Tally, value: number, count = 1): void {
  t.counts.set(value, (t.counts.get(value) ?? 0) + count);
  t.n += count;
}

export function mergeTallies(a: Tally, b: Tally): Tally {
  const out: Tally = { counts: new Map(a.counts), n: a.n };
  for (const [v, c] of b.counts) addTally(out, v, c);
  return out;
}

/** Ascending [value, count] pairs. */
export function tallyToJson(t: Tally): TallyJson {
  return [...t.counts].sort((x, y) => x[0] - y[0]);
}

export function tallyFromJson(pairs: TallyJson): Tally {
  const t = emptyTally();
  for (const [v, c] of pairs) addTally(t, v, c);
  return t;
}

/**
 * The q-quantile by linear interpolation between closest ranks (Hyndman & Fan type 7, as
 * stats.quantile does on a sorted list), read off the tally. Null for an empty tally.
 */
export function tallyQuantile(t: Tally, q: number): number | null {
  if (t.n === 0) return null;
  const sorted = tallyToJson(t);
  const h = (t.n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const at = (rank: number) => {
    let seen = 0;
    for (const [v, c] of sorted) {
      seen += c;
      if (rank < seen) return v;
    }
    return sorted[sorted.length - 1][0];
  };
  const a = at(lo);
  const b = at(Math.min(t.n - 1, lo + 1));
  return a + (h - lo) * (b - a);
}
