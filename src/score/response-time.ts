// Response time: how long a person waited for the brand's reply, measured from the answered
// tweet's timestamp to the reply's. Median and 90th percentile (never the mean: a few replies
// to week-old tweets would drag it far from what a typical person sees). Pure.
import { LABELS, type Label, type LabeledReply } from '../model.js';
import { msOf } from './time.js';
import { quantile, round4 } from './stats.js';

export const WITHIN_SECONDS = 3600;

/** Timestamps have whole seconds; interpolated percentiles are kept to a tenth. */
const tenth = (x: number) => Math.round(x * 10) / 10;

export interface DelayStats {
  /** Replies whose answered tweet and own timestamp are both known. */
  timedReplies: number;
  medianSeconds: number;
  p90Seconds: number;
  /** Share of timed replies sent within 1 hour (≤ 3600 s) of the tweet they answer. */
  answeredWithin1hShare: number;
}

export interface ResponseTime extends DelayStats {
  /** Replies left out: answered tweet unknown or undated, reply undated, or reply dated before the tweet it answers. */
  untimedReplies: number;
  /** The same figures per label; null for a label with no timed reply. */
  byLabel: Record<Label, DelayStats | null>;
}

/** Seconds from the answered tweet to the reply, or null when either time is unknown or the order is impossible. */
export function replyDelaySeconds(r: Pick<LabeledReply, 'tweet' | 'answered'>): number | null {
  const sent = msOf(r.tweet.createdAt);
  const asked = msOf(r.answered?.createdAt);
  if (sent === null || asked === null || sent < asked) return null;
  return (sent - asked) / 1000;
}

/** Median, 90th percentile and within-1-hour share of delays in seconds; null for none. */
export function delayStats(delays: readonly number[]): DelayStats | null {
  if (delays.length === 0) return null;
  const sorted = [...delays].sort((a, b) => a - b);
  let fast = 0;
  for (const d of sorted) if (d <= WITHIN_SECONDS) fast++;
  return {
    timedReplies: sorted.length,
    medianSeconds: tenth(quantile(sorted, 0.5)!),
    p90Seconds: tenth(quantile(sorted, 0.9)!),
    answeredWithin1hShare: round4(fast / sorted.length),
  };
}

export function responseTimeOf(replies: readonly Pick<LabeledReply, 'tweet' | 'answered' | 'label'>[]): ResponseTime | null {
  const all: number[] = [];
  const per: Record<Label, number[]> = { resolving: [], deflecting: [], blaming: [], other: [] };
  for (const r of replies) {
    const d = replyDelaySeconds(r);
    if (d === null) continue;
    all.push(d);
    per[r.label].push(d);
  }
  const stats = delayStats(all);
  if (!stats) return null;
  return {
    ...stats,
    untimedReplies: replies.length - all.length,
    byLabel: Object.fromEntries(LABELS.map((l) => [l, delayStats(per[l])])) as Record<Label, DelayStats | null>,
  };
}
