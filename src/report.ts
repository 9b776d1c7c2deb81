// Summarize: a brand's labeled replies → the Report every renderer reads. Pure.
import type { Account, Label, LabeledReply, Tweet } from './model.js';
import { LABELS } from './model.js';
import { countLabels, scoreOf, type LabelCounts, type Score } from './score/balance.js';
import { accountName } from './threads.js';
import { metricsOf, type Metrics } from './score/metrics.js';

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

function windowOf(tweets: Tweet[]): Report['window'] {
  let from: string | undefined;
  let to: string | undefined;
  for (const t of tweets) {
    if (!t.createdAt) continue;
    if (!from || t.createdAt < from) from = t.createdAt;
    if (!to || t.createdAt > to) to = t.createdAt;
  }
  return from && to ? { from, to } : null;
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
  examplesPerLabel?: number;
  /** IANA zone for hour-of-day, weekday and week figures (default UTC). */
  timeZone?: string;
}): Report {
  const replies = input.replies.map(replyOut).sort(byNewest);
  const counts = countLabels(replies.map((r) => r.label));
  const n = replies.length;
  const shares = n ? (Object.fromEntries(LABELS.map((l) => [l, counts[l] / n])) as LabelCounts) : null;
  const score = scoreOf(counts);
  const k = input.examplesPerLabel ?? 3;
  const examples = Object.fromEntries(
    LABELS.map((l) => [
      l,
      replies
        .filter((r) => r.label === l)
        .sort((a, b) => b.confidence - a.confidence || b.evidence.length - a.evidence.length || byNewest(a, b))
        .slice(0, k),
    ]),
  ) as Record<Label, ReplyOut[]>;
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    handle: accountName(input.account),
    source: input.source,
    window: windowOf(input.tweets),
    counts: { tweets: input.tweets.length, replies: n, ...counts },
    shares,
    score,
    examples,
    replies,
    metrics: metricsOf(input.replies, { timeZone: input.timeZone }),
  };
  if (!score) {
    report.note = n === 0
      ? 'No replies to other people in this timeline: nothing to score.'
      : 'None of the replies works on a problem (all are thanks, banter or marketing): nothing to score.';
  }
  return report;
}
