// Summarize: a brand's labeled replies → the Report every renderer reads. Pure.
import type { Account, Label, LabeledReply, Tweet } from './model.js';
import type { LabelCounts, Score } from './score/balance.js';
import { accountName } from './threads.js';
import type { Metrics } from './score/metrics.js';
import { DEFAULT_TIME_ZONE } from './score/time.js';
import { BrandAccumulator, reportFromState } from './summary.js';

export const SCHEMA_VERSION = 1;

export interface ReplyOut {
  id: string;
  createdAt: string | null;
  text: string;
  /** The tweet this reply answers, when the source holds it. */
  inReplyTo: { id: string; text: string; authorHandle: string | null; createdAt: string | null } | null;
  /** Id of the answered tweet even when its text is not in the source. */
  inReplyToId: string | null;
  label: Label;
  confidence: number;
  evidence: string[];
}

export interface Report {
  schemaVersion: number;
  handle: string;
  source: { file: string; format: string };
  /** First and last brand tweet in the data (ISO 8601), or null when undated. */
  window: { from: string; to: string } | null;
  counts: { tweets: number } & { replies: number } & LabelCounts;
  /** Each label's share of replies (0..1), or null when there are none. */
  shares: LabelCounts | null;
  score: Score | null;
  /** Why there is no score, when there is none. */
  note?: string;
  /** The most telling replies of each label: most confident first, with evidence. */
  examples: Record<Label, ReplyOut[]>;
  replies: ReplyOut[];
  /** The outside reader's figures: response time, coverage, canned replies, first screen, exposure,
   * personal touch, weekly trend. Each is null when the data cannot support it (see docs/metrics.md). */
  metrics: Metrics;
}

export interface MultiReport {
  schemaVersion: number;
  source: { file: string; format: string };
  brands: Report[];
}

export function replyOut(r: LabeledReply): ReplyOut {
  const a = r.answered;
  return {
    id: r.tweet.id,
    createdAt: r.tweet.createdAt ?? null,
    text: r.tweet.text,
    inReplyTo: a ? { id: a.id, text: a.text, authorHandle: a.authorHandle ?? null, createdAt: a.createdAt ?? null } : null,
    inReplyToId: r.tweet.inReplyToId ?? null,
    label: r.label,
    confidence: r.confidence,
    evidence: r.evidence,
  };
}

/** Newest first when dated, then by id (ids grow with time on X). */
export function byNewest(a: Pick<ReplyOut, 'id' | 'createdAt'>, b: Pick<ReplyOut, 'id' | 'createdAt'>): number {
  const ta = a.createdAt ?? '';
  const tb = b.createdAt ?? '';
  if (ta !== tb) return ta < tb ? 1 : -1;
  return a.id.length !== b.id.length ? b.id.length - a.id.length : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function summarize(input: {
  account: Account;
  tweets: Tweet[];
  replies: LabeledReply[];
  source: { file: string; format: string };
  /** IANA zone for hour-of-day, weekday and week figures (default UTC). */
  timeZone?: string;
}): Report {
  const acc = new BrandAccumulator(accountName(input.account), input.timeZone ?? DEFAULT_TIME_ZONE);
  for (const t of input.tweets) acc.addTweet(t);
  const replies = input.replies.map((r) => acc.addReply(r)).sort(byNewest);
  return reportFromState(acc.state, input.source, replies);
}
