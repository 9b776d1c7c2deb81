// The audit pipeline's pure core: Timeline → one Report per brand.
import type { Account, LabeledReply, Timeline } from './model.js';
import { classify } from './classify/index.js';
import { summarize, type Report } from './report.js';
import { brandsIn, feedFor, pickBrand } from './threads.js';
import { InputError } from './errors.js';

export interface AuditOptions {
  /** Audit only this account; otherwise every brand the source is about. */
  handle?: string;
  /** Name of the source, for messages and the report. */
  file: string;
  /** IANA zone for hour-of-day, weekday and week figures (default UTC). */
  timeZone?: string;
}

export function auditTimeline(tl: Timeline, opts: AuditOptions): Report[] {
  if (tl.tweets.length === 0) throw new InputError(`${opts.file}: no tweets in this file (empty timeline)`);
  const brands: Account[] = opts.handle ? [pickBrand(tl, opts.handle, opts.file)] : brandsIn(tl);
  if (brands.length === 0) throw new InputError(`${opts.file}: cannot tell whose timeline this is; name the brand with --handle`);
  return brands.map((account) => {
    const feed = feedFor(tl, account);
    const replies: LabeledReply[] = feed.replies.map((r) => ({ ...r, ...classify(r.tweet, r.answered) }));
    return summarize({ account, tweets: feed.tweets, replies, source: { file: opts.file, format: tl.format }, timeZone: opts.timeZone });
  });
}
