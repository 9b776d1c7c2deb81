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

/** A tally's distinct values in ascending order, with their counts. */
export interface SortedTally {
  values: Float64Array;
  counts: Float64Array;
  n: number;
}

/** Sorts a tally once for all the figures read off it. Typed arrays sort numerically and fast: a
 * brand's tally over a big file holds tens of thousands of distinct delays. */
export function sortTally(t: Tally): SortedTally {
  const values = Float64Array.from(t.counts.keys()).sort();
  const counts = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) counts[i] = t.counts.get(values[i])!;
  return { values, counts, n: t.n };
}

/** Ascending [value, count] pairs. */
export function tallyToJson(t: Tally): TallyJson {
  const { values, counts } = sortTally(t);
  const out: TallyJson = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = [values[i], counts[i]];
  return out;
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
  return quantileOf(sortTally(t), q);
}

/** tallyQuantile() of a sorted tally. */
export function quantileOf(s: SortedTally, q: number): number | null {
  if (s.n === 0) return null;
  const { values, counts } = s;
  const at = (rank: number) => {
    let seen = 0;
    for (let i = 0; i < values.length; i++) {
      seen += counts[i];
      if (rank < seen) return values[i];
    }
    return values[values.length - 1];
  };
  const h = (s.n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const a = at(lo);
  const b = at(Math.min(s.n - 1, lo + 1));
  return a + (h - lo) * (b - a);
}

/** How many of a sorted tally's values are at most `max`. */
export function countUpTo(s: SortedTally, max: number): number {
  let n = 0;
  for (let i = 0; i < s.values.length && s.values[i] <= max; i++) n += s.counts[i];
  return n;
}
