// The audit pipeline's core: Timeline → one BrandAudit (mergeable summary + replies) per brand,
// in this thread (pure) or with the replies' work spread over worker threads (same result).
import type { Account, Timeline } from './model.js';
import { joinFolded, ReplyFolder, type FoldJob } from './stream/work.js';
import type { Report, ReplyOut } from './report.js';
import { brandsIn, feedFor, pickBrand, accountName, type BrandFeed } from './threads.js';
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
  /** Keep every classified reply for the report's reply list (default); false keeps only the
   * mergeable summaries (`--summary-only`), which a big file's audit can hold. */
  keepReplies?: boolean;
}

/** One brand's audit: its mergeable summary and (newest first) its classified replies. */
export interface BrandAudit {
  state: BrandState;
  replies: ReplyOut[];
}

/** The brands a timeline is audited for, each with its feed and its own tweets counted. */
function brandFeeds(tl: Timeline, opts: AuditOptions): { acc: BrandAccumulator; feed: BrandFeed }[] {
  if (tl.tweets.length === 0) throw new InputError(`${opts.file}: no tweets in this file (empty timeline)`);
  const brands: Account[] = opts.handle ? [pickBrand(tl, opts.handle, opts.file)] : brandsIn(tl);
  if (brands.length === 0) throw new InputError(`${opts.file}: cannot tell whose timeline this is; name the brand with --handle`);
  return brands.map((account) => {
    const feed = feedFor(tl, account);
    const acc = new BrandAccumulator(accountName(account), opts.timeZone ?? DEFAULT_TIME_ZONE);
    for (const t of feed.tweets) acc.addTweet(t);
    return { acc, feed };
  });
}

const jobsOf = (acc: BrandAccumulator, replies: BrandFeed['replies']): FoldJob[] =>
  replies.map((r) => ({ brand: acc.state.handle, tweet: r.tweet, answered: r.answered }));

export function auditBrands(tl: Timeline, opts: AuditOptions): BrandAudit[] {
  return brandFeeds(tl, opts).map(({ acc, feed }) => {
    // Replies go through the same folder the streamed path runs in its workers.
    const folder = new ReplyFolder(acc.state.timeZone, opts.keepReplies ?? true);
    for (const j of jobsOf(acc, feed.replies)) folder.add(j);
    return joinFolded(acc, [folder.result()]);
  });
}

/**
 * auditBrands with the replies classified and folded in `workers` worker threads, so a big file
 * uses both cores. Summaries merge exactly: the result is the same as auditBrands'.
 */
export async function auditBrandsInWorkers(tl: Timeline, opts: AuditOptions, workers: number): Promise<BrandAudit[]> {
  const feeds = brandFeeds(tl, opts);
  const { ReplyPool, BATCH } = await import('./stream/pool.js');
  const pool = new ReplyPool(workers, feeds[0].acc.state.timeZone, opts.keepReplies ?? true);
  try {
    for (const { acc, feed } of feeds)
      for (let i = 0; i < feed.replies.length; i += BATCH) await pool.submit(jobsOf(acc, feed.replies.slice(i, i + BATCH)));
    const folded = await pool.finish();
    return feeds.map(({ acc }) => joinFolded(acc, folded));
  } finally {
    await pool.close();
  }
}

export function auditTimeline(tl: Timeline, opts: AuditOptions): Report[] {
  return auditBrands(tl, opts).map((a) => reportFromState(a.state, { file: opts.file, format: tl.format }, a.replies));
}
