// Exposure: a reply to someone with a big following is seen by more people. Each reply is
// weighted by the follower count of the person it answers, log-scaled so that one celebrity
// cannot outweigh a whole feed: weight = 1 + log10(1 + followers) — 0 followers → 1,
// 99 → 3, 9,999 → 5, 1M → 7. Only replies whose answered author's follower count is known
// take part; plain (unweighted) shares of the same replies sit beside the weighted ones. Pure.
import { LABELS, type LabeledReply } from '../model.js';
import { balance, emptyCounts, gradeOf, type Grade, type LabelCounts } from './balance.js';
import { round4 } from './stats.js';
import { addTally, emptyTally, mergeTallies, tallyQuantile, type Tally } from './tally.js';

export const EXPOSURE_WEIGHTING = '1 + log10(1 + followers of the answered account)';

export function exposureWeight(followers: number): number {
  return 1 + Math.log10(1 + Math.max(0, followers));
}

export interface Exposure {
  /** How a reply is weighted, in words. */
  weighting: string;
  /** Replies whose answered author's follower count is known: the only ones used here. */
  weightedReplies: number;
  /** Replies left out: answered tweet unknown or its author's follower count not in the source. */
  unweightedReplies: number;
  /** Median follower count of the people answered. */
  medianFollowers: number;
  /** Each label's share of the total weight. */
  shares: LabelCounts;
  /** The same replies counted once each, for comparison. */
  plainShares: LabelCounts;
  /** Balance score with the weights (rounded), and of the same replies unweighted; null when none works on a problem. */
  score: { value: number; grade: Grade } | null;
  plainScore: { value: number; grade: Grade } | null;
}

const scored = (c: LabelCounts) => {
  const v = balance(c);
  if (v === null) return null;
  const value = Math.round(v);
  return { value, grade: gradeOf(value) };
};

// Weights are summed in millionths as integers, so the sum is the same in any order (merging
// shards must give what one pass gives).
const MICRO = 1e6;

/** Mergeable state: per-label weight sums (in millionths) and counts, and a tally of follower counts. */
export interface ExposureState {
  micro: LabelCounts;
  plain: LabelCounts;
  followers: Tally;
}

export const emptyExposure = (): ExposureState => ({ micro: emptyCounts(), plain: emptyCounts(), followers: emptyTally() });

export function addExposure(s: ExposureState, r: Pick<LabeledReply, 'answered' | 'label'>): void {
  const f = r.answered?.authorFollowers;
  if (typeof f !== 'number' || !Number.isFinite(f) || f < 0) return;
  addTally(s.followers, f);
  s.micro[r.label] += Math.round(exposureWeight(f) * MICRO);
  s.plain[r.label]++;
}

export function mergeExposure(a: ExposureState, b: ExposureState): ExposureState {
  const add = (x: LabelCounts, y: LabelCounts) => Object.fromEntries(LABELS.map((l) => [l, x[l] + y[l]])) as LabelCounts;
  return { micro: add(a.micro, b.micro), plain: add(a.plain, b.plain), followers: mergeTallies(a.followers, b.followers) };
}

export function finalExposure(s: ExposureState, replies: number): Exposure | null {
  const n = s.followers.n;
  if (n === 0) return null;
  const w = Object.fromEntries(LABELS.map((l) => [l, s.micro[l] / MICRO])) as LabelCounts;
  const totalW = LABELS.reduce((a, l) => a + w[l], 0);
  return {
    weighting: EXPOSURE_WEIGHTING,
    weightedReplies: n,
    unweightedReplies: replies - n,
    medianFollowers: tallyQuantile(s.followers, 0.5)!,
    shares: Object.fromEntries(LABELS.map((l) => [l, round4(w[l] / totalW)])) as LabelCounts,
    plainShares: Object.fromEntries(LABELS.map((l) => [l, round4(s.plain[l] / n)])) as LabelCounts,
    score: scored(w),
    plainScore: scored(s.plain),
  };
}

export function exposureOf(replies: readonly Pick<LabeledReply, 'answered' | 'label'>[]): Exposure | null {
  const s = emptyExposure();
  for (const r of replies) addExposure(s, r);
  return finalExposure(s, replies.length);
}
