// Exposure: a reply to someone with a big following is seen by more people. Each reply is
// weighted by the follower count of the person it answers, log-scaled so that one celebrity
// cannot outweigh a whole feed: weight = 1 + log10(1 + followers) — 0 followers → 1,
// 99 → 3, 9,999 → 5, 1M → 7. Only replies whose answered author's follower count is known
// take part; plain (unweighted) shares of the same replies sit beside the weighted ones. Pure.
import { LABELS, type LabeledReply } from '../model.js';
import { balance, emptyCounts, gradeOf, type Grade, type LabelCounts } from './balance.js';
import { quantile, round4 } from './stats.js';

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

export function exposureOf(replies: readonly Pick<LabeledReply, 'answered' | 'label'>[]): Exposure | null {
  const w = emptyCounts();
  const plain = emptyCounts();
  const followers: number[] = [];
  for (const r of replies) {
    const f = r.answered?.authorFollowers;
    if (typeof f !== 'number' || !Number.isFinite(f) || f < 0) continue;
    followers.push(f);
    w[r.label] += exposureWeight(f);
    plain[r.label]++;
  }
  const n = followers.length;
  if (n === 0) return null;
  const totalW = LABELS.reduce((a, l) => a + w[l], 0);
  followers.sort((a, b) => a - b);
  return {
    weighting: EXPOSURE_WEIGHTING,
    weightedReplies: n,
    unweightedReplies: replies.length - n,
    medianFollowers: quantile(followers, 0.5)!,
    shares: Object.fromEntries(LABELS.map((l) => [l, round4(w[l] / totalW)])) as LabelCounts,
    plainShares: Object.fromEntries(LABELS.map((l) => [l, round4(plain[l] / n)])) as LabelCounts,
    score: scored(w),
    plainScore: scored(plain),
  };
}
