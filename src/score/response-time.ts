// Response time: how long a person waited for the brand's reply, measured from the answered
// tweet's timestamp to the reply's. Median and 90th percentile (never the mean: a few replies
// to week-old tweets would drag it far from what a typical person sees). Pure.
//
// Delays are kept as value → count tallies (a lossless, mergeable sketch: timestamps have whole
// seconds, so a year of replies holds at most a few hundred thousand distinct values); the
// quantiles read off a tally equal those of the sorted list, and two tallies merge by adding.
import { LABELS, type Label, type LabeledReply } from '../model.js';
import { msOf } from './time.js';
import { round4 } from './stats.js';
import { addTally, countUpTo, emptyTally, mergeTallies, quantileOf, sortTally, type SortedTally, type Tally } from './tally.js';

export const WITHIN_SECONDS = 3600;

/** Buckets of the response-time distribution, upper bounds in seconds (the last is open). */
export const DELAY_BUCKETS = [
  { label: '≤ 5 min', upToSeconds: 300 },
  { label: '≤ 15 min', upToSeconds: 900 },
  { label: '≤ 30 min', upToSeconds: 1800 },
  { label: '≤ 1 h', upToSeconds: 3600 },
  { label: '≤ 3 h', upToSeconds: 10800 },
  { label: '≤ 6 h', upToSeconds: 21600 },
  { label: '≤ 1 day', upToSeconds: 86400 },
  { label: '≤ 3 days', upToSeconds: 259200 },
  { label: '> 3 days', upToSeconds: null },
] as const;

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
  /** Timed replies per delay bucket (DELAY_BUCKETS), for a histogram. */
  distribution: { buckets: { label: string; upToSeconds: number | null; replies: number }[] };
}

/** Mergeable state: delay tallies overall and per label, and the count of replies that could not be timed. */
export interface ResponseTimeState {
  all: Tally;
  byLabel: Record<Label, Tally>;
  untimed: number;
}

/** Seconds from the answered tweet to the reply, or null when either time is unknown or the order is impossible. */
export function replyDelaySeconds(r: Pick<LabeledReply, 'tweet' | 'answered'>): number | null {
  const sent = msOf(r.tweet.createdAt);
  const asked = msOf(r.answered?.createdAt);
  if (sent === null || asked === null || sent < asked) return null;
  return (sent - asked) / 1000;
}

/** Median, 90th percentile and within-1-hour share of a tally of delays in seconds; null for none. */
export function tallyStats(t: Tally): DelayStats | null {
  return statsOf(sortTally(t));
}

function statsOf(s: SortedTally): DelayStats | null {
  if (s.n === 0) return null;
  return {
    timedReplies: s.n,
    medianSeconds: tenth(quantileOf(s, 0.5)!),
    p90Seconds: tenth(quantileOf(s, 0.9)!),
    answeredWithin1hShare: round4(countUpTo(s, WITHIN_SECONDS) / s.n),
  };
}

/** Median, 90th percentile and within-1-hour share of delays in seconds; null for none. */
export function delayStats(delays: readonly number[]): DelayStats | null {
  const t = emptyTally();
  for (const d of delays) addTally(t, d);
  return tallyStats(t);
}

export function emptyResponseTime(): ResponseTimeState {
  return { all: emptyTally(), byLabel: { resolving: emptyTally(), deflecting: emptyTally(), blaming: emptyTally(), other: emptyTally() }, untimed: 0 };
}

export function addResponseTime(s: ResponseTimeState, r: Pick<LabeledReply, 'tweet' | 'answered' | 'label'>): void {
  const d = replyDelaySeconds(r);
  if (d === null) {
    s.untimed++;
    return;
  }
  addTally(s.all, d);
  addTally(s.byLabel[r.label], d);
}

export function mergeResponseTime(a: ResponseTimeState, b: ResponseTimeState): ResponseTimeState {
  return {
    all: mergeTallies(a.all, b.all),
    byLabel: Object.fromEntries(LABELS.map((l) => [l, mergeTallies(a.byLabel[l], b.byLabel[l])])) as Record<Label, Tally>,
    untimed: a.untimed + b.untimed,
  };
}

export function finalResponseTime(s: ResponseTimeState): ResponseTime | null {
  const sorted = sortTally(s.all);
  const stats = statsOf(sorted);
  if (!stats) return null;
  const buckets = DELAY_BUCKETS.map((b) => ({ label: b.label, upToSeconds: b.upToSeconds as number | null, replies: 0 }));
  // Values ascending, buckets ascending (the open-ended one last): one walk fills them.
  let b = 0;
  for (let i = 0; i < sorted.values.length; i++) {
    const v = sorted.values[i];
    while (buckets[b].upToSeconds !== null && v > buckets[b].upToSeconds!) b++;
    buckets[b].replies += sorted.counts[i];
  }
  return {
    ...stats,
    untimedReplies: s.untimed,
    byLabel: Object.fromEntries(LABELS.map((l) => [l, tallyStats(s.byLabel[l])])) as Record<Label, DelayStats | null>,
    distribution: { buckets },
  };
}

export function responseTimeOf(replies: readonly Pick<LabeledReply, 'tweet' | 'answered' | 'label'>[]): ResponseTime | null {
  const s = emptyResponseTime();
  for (const r of replies) addResponseTime(s, r);
  return finalResponseTime(s);
}
