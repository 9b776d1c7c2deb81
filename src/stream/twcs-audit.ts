// The audit of a TWCS file as a stream: rows are read in chunks, each brand reply is linked to
// the tweet it answers wherever that appears in the file (earlier or later), classified (in
// worker threads when asked), and folded into its brand's mergeable summary. Memory holds the
// customers' tweets (text and time: what a reply's context needs), the brand tweets' ids, the
// replies still waiting for their answered tweet, and one summary per brand — never the file.
import type { LabeledReply, Tweet } from '../model.js';
import { InputError } from '../errors.js';
import { streamTwcs } from '../sources/twcs-csv.js';
import { BrandAccumulator, type BrandState } from '../summary.js';
import { byNewest, type ReplyOut } from '../report.js';
import { ReplyPool, BATCH } from './pool.js';
import type { ReplyJob } from './work.js';

export interface StreamAuditOptions {
  file: string;
  /** Audit only this brand (others still give context). */
  handle?: string;
  timeZone: string;
  /** Keep every reply for the report's `replies` list (memory grows with the file). */
  keepReplies: boolean;
  /** Worker threads for the text work; 0 runs it in this thread. */
  workers: number;
}

export interface BrandResult {
  state: BrandState;
  /** Newest first; empty unless keepReplies. */
  replies: ReplyOut[];
}

interface Brand {
  acc: BrandAccumulator;
  replies: ReplyOut[];
}

/** A brand reply waiting to be classified. */
interface Queued {
  brand: Brand;
  tweet: Tweet;
  answered: Tweet | null;
}

export async function auditTwcsStream(opts: StreamAuditOptions): Promise<BrandResult[]> {
  const want = opts.handle?.replace(/^@/, '').toLowerCase();
  const brands = new Map<string, Brand>();
  /** Customers' tweets by id: the context a reply needs. */
  const inbound = new Map<string, Tweet>();
  /** Brand tweets by id → author, to tell thread continuations from replies. */
  const brandTweets = new Map<string, Tweet>();
  /** Replies whose answered tweet has not been read yet, by that tweet's id. */
  const waiting = new Map<string, { brand: Brand; tweet: Tweet }[]>();
  const pool = new ReplyPool(opts.workers);
  let batch: Queued[] = [];
  const batches: Queued[][] = [];

  const apply = async () => {
    const items = batches.shift()!;
    const results = await pool.take();
    results.forEach((res, i) => {
      const q = items[i];
      const r: LabeledReply = { tweet: q.tweet, answered: q.answered, label: res.label, confidence: res.confidence, evidence: res.evidence };
      const out = q.brand.acc.addReply(r, { signed: res.signed, templateKey: res.templateKey });
      if (opts.keepReplies) q.brand.replies.push(out);
    });
  };
  const flush = async () => {
    if (!batch.length) return;
    const jobs: ReplyJob[] = batch.map((q) => ({ text: q.tweet.text, answeredText: q.answered?.text, answeredName: q.answered?.authorName }));
    pool.submit(jobs);
    batches.push(batch);
    batch = [];
    // Bounded look-ahead: at most a few batches per worker in flight.
    while (pool.pending > Math.max(2, opts.workers * 4)) await apply();
  };
  const enqueue = (brand: Brand, tweet: Tweet, answered: Tweet | null) => {
    batch.push({ brand, tweet, answered });
  };

  /** Every brand seen, for the message when --handle names none of them. */
  const seen = new Set<string>();
  const brandOf = (handle: string): Brand | null => {
    if (want !== undefined && handle.toLowerCase() !== want) {
      if (seen.size < 9) seen.add(handle);
      return null;
    }
    let b = brands.get(handle);
    if (!b) {
      b = { acc: new BrandAccumulator(handle, opts.timeZone), replies: [] };
      brands.set(handle, b);
    }
    return b;
  };

  // Rows arrive synchronously per chunk; classification batches are awaited between chunks.
  const onRow = ({ tweet, inbound: isInbound }: { tweet: Tweet; inbound: boolean }) => {
    if (isInbound) {
      inbound.set(tweet.id, tweet);
      const w = waiting.get(tweet.id);
      if (w) {
        waiting.delete(tweet.id);
        for (const x of w) enqueue(x.brand, x.tweet, tweet);
      }
      return;
    }
    const handle = tweet.authorId!;
    brandTweets.set(tweet.id, { id: tweet.id, text: tweet.text, createdAt: tweet.createdAt, authorId: handle, authorHandle: handle });
    // Replies that answered this brand tweet: continuations when by the same brand.
    const w = waiting.get(tweet.id);
    if (w) {
      waiting.delete(tweet.id);
      for (const x of w) if (x.brand.acc.state.handle !== handle) enqueue(x.brand, x.tweet, tweet);
    }
    const brand = brandOf(handle);
    if (!brand) return;
    brand.acc.addTweet(tweet);
    const to = tweet.inReplyToId;
    if (!to) return; // a stand-alone post
    const ans = inbound.get(to) ?? brandTweets.get(to);
    if (ans) {
      if (ans.authorId !== handle) enqueue(brand, tweet, ans);
      return; // else: a continuation of the brand's own thread
    }
    const list = waiting.get(to);
    if (list) list.push({ brand, tweet });
    else waiting.set(to, [{ brand, tweet }]);
  };

  try {
    await streamTwcs(opts.file, onRow, async () => {
      while (batch.length >= BATCH) {
        const rest = batch.slice(BATCH);
        batch = batch.slice(0, BATCH);
        await flush();
        batch = rest;
      }
    });
    // Replies whose answered tweet is not in the file: classified without context.
    for (const list of waiting.values()) for (const x of list) enqueue(x.brand, x.tweet, null);
    waiting.clear();
    while (batch.length) {
      const rest = batch.slice(BATCH);
      batch = batch.slice(0, BATCH);
      await flush();
      batch = rest;
    }
    while (batches.length) await apply();
  } finally {
    await pool.close();
  }
  if (want !== undefined && brands.size === 0) {
    const known = [...seen].slice(0, 8);
    throw new InputError(`${opts.file}: no tweets by @${opts.handle!.replace(/^@/, '')}${known.length ? ` (accounts in it: ${known.join(', ')})` : ''}`);
  }
  return [...brands.values()].map((b) => ({ state: b.acc.state, replies: b.replies.sort(byNewest) }));
}
