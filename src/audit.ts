// The audit pipeline's pure core: Timeline → one BrandAudit (mergeable summary + replies) per brand.
import type { Account, LabeledReply, Timeline } from './model.js';
import { doReplyJob } from './stream/work.js';
import { byNewest, type Report, type ReplyOut } from './report.js';
import { brandsIn, feedFor, pickBrand, accountName } from './threads.js';
import { InputError } from './errors.js';
import { BrandAccumulator, reportFromState, type BrandState } from './summary.js';
import { DEFAULT_TIME_ZONE } from './score/time.js';

export interface AuditOptions {
  /** Audit only this account; otherwise every brand the source is about. */
  handle?: string;
  /** Name of the source, for messages and the report. */
  file: string;
  /** IANA zone for hour-of-day, weekday and week figures (default UTC). */
  timeZone?: string;
}

/** One brand's audit: its mergeable summary and (newest first) its classified replies. */
export interface BrandAudit {
  state: BrandState;
  replies: ReplyOut[];
}

export function auditBrands(tl: Timeline, opts: AuditOptions): BrandAudit[] {
  if (tl.tweets.length === 0) throw new InputError(`${opts.file}: no tweets in this file (empty timeline)`);
  const brands: Account[] = opts.handle ? [pickBrand(tl, opts.handle, opts.file)] : brandsIn(tl);
  if (brands.length === 0) throw new InputError(`${opts.file}: cannot tell whose timeline this is; name the brand with --handle`);
  return brands.map((account) => {
    const feed = feedFor(tl, account);
    const acc = new BrandAccumulator(accountName(account), opts.timeZone ?? DEFAULT_TIME_ZONE);
    for (const t of feed.tweets) acc.addTweet(t);
    const replies = feed.replies
      .map((r) => {
        // The same text work the streaming path does in its workers, in this thread.
        const res = doReplyJob({ text: r.tweet.text, answeredText: r.answered?.text, answeredName: r.answered?.authorName });
        const labeled: LabeledReply = { ...r, label: res.label, confidence: res.confidence, evidence: res.evidence };
        return acc.addReply(labeled, { signed: res.signed, templateKey: res.templateKey });
      })
      .sort(byNewest);
    return { state: acc.state, replies };
  });
}

export function auditTimeline(tl: Timeline, opts: AuditOptions): Report[] {
  return auditBrands(tl, opts).map((a) => reportFromState(a.state, { file: opts.file, format: tl.format }, a.replies));
}
