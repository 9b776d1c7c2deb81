// The audit pipeline's pure core: Timeline → one BrandAudit (mergeable summary + replies) per brand.
import type { Account, Timeline } from './model.js';
import { ReplyFolder } from './stream/work.js';
import { byNewest, type Report, type ReplyOut } from './report.js';
import { brandsIn, feedFor, pickBrand, accountName } from './threads.js';
import { InputError } from './errors.js';
import { BrandAccumulator, mergeBrandStates, reportFromState, type BrandState } from './summary.js';
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
    const handle = accountName(account);
    const acc = new BrandAccumulator(handle, opts.timeZone ?? DEFAULT_TIME_ZONE);
    for (const t of feed.tweets) acc.addTweet(t);
    // Replies go through the same folder the streamed path runs in its workers.
    const folder = new ReplyFolder(acc.state.timeZone, true);
    for (const r of feed.replies) folder.add({ brand: handle, tweet: r.tweet, answered: r.answered });
    const { states, replies } = folder.result();
    return {
      state: states.length ? mergeBrandStates(acc.state, states[0]) : acc.state,
      replies: (replies[0]?.[1] ?? []).sort(byNewest),
    };
  });
}

export function auditTimeline(tl: Timeline, opts: AuditOptions): Report[] {
  return auditBrands(tl, opts).map((a) => reportFromState(a.state, { file: opts.file, format: tl.format }, a.replies));
}
