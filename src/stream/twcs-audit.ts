// The audit of a TWCS file as a stream: rows are read in chunks, each brand reply is linked to
// the tweet it answers wherever that appears in the file (earlier or later), classified (in
// worker threads when asked), and folded into its brand's mergeable summary. Memory holds the
// tweets still to be answered, the replies still waiting for their answered tweet, and one
// summary per brand — never the file.
import type { Tweet } from '../model.js';
import { InputError } from '../errors.js';
import { streamTwcs, type TwcsRow } from '../sources/twcs-csv.js';
import { IdSet } from '../sources/id-set.js';
import { BrandAccumulator } from '../summary.js';
import { ReplyPool, BATCH } from './pool.js';
import { clock, ReadingPace, shareRead } from '../progress.js';
import { joinFolded, type BrandResult, type FoldJob, type FoldResult, type StreamAuditOptions } from './work.js';

/** This thread's view of a brand: its tweets (the replies are folded elsewhere). */
interface Brand {
  acc: BrandAccumulator;
}

export async function auditTwcsStream(opts: StreamAuditOptions): Promise<BrandResult[]> {
  const want = opts.handle?.replace(/^@/, '').toLowerCase();
  const brands = new Map<string, Brand>();
  /**
   * Tweets some later row will still answer, with how many answers are still to come (from the
   * response_tweet_id column): an entry goes as soon as its last answer has been read, so memory
   * holds the conversations in progress, not the file. Without that column every tweet is kept.
   */
  const stored = new Map<string, { tweet: Tweet; left: number }>();
  /** Answers read before the tweet they answer, by that tweet's id. */
  const early = new Map<string, number>();
  /** Brand replies whose answered tweet has not been read yet, by that tweet's id. */
  const waiting = new Map<string, { brand: Brand; tweet: Tweet }[]>();
  /** Tweets let go because response_tweet_id said no more answers would come. A file whose
   * lists miss some answers is caught here: their tweets are read again in a second pass. */
  const dropped = new IdSet();
  const pool = new ReplyPool(opts.workers, opts.timeZone, opts.keepReplies);
  let batch: FoldJob[] = [];
  const enqueue = (brand: Brand, tweet: Tweet, answered: Tweet | null) => {
    batch.push({ brand: brand.acc.state.handle, tweet, answered });
  };
  const flush = async () => {
    while (batch.length) {
      const jobs = batch.slice(0, BATCH);
      batch = batch.slice(BATCH);
      await pool.submit(jobs);
    }
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
      b = { acc: new BrandAccumulator(handle, opts.timeZone) };
      brands.set(handle, b);
    }
    return b;
  };

  /** Brand replies that waited for `answered`: classified with it, unless they continue the
   * brand's own thread (then they are not replies). */
  const release = (list: { brand: Brand; tweet: Tweet }[], answered: Tweet, isInbound: boolean) => {
    for (const x of list) if (isInbound || x.brand.acc.state.handle !== answered.authorId) enqueue(x.brand, x.tweet, answered);
  };

  // Rows arrive synchronously per chunk; classification batches are awaited between chunks.
  let rows = 0;
  const onRow = ({ tweet, inbound: isInbound, responses }: TwcsRow) => {
    rows++;
    const author = tweet.authorId!;
    // As an answered tweet: release the brand replies that waited for it …
    const w = waiting.get(tweet.id);
    if (w) {
      waiting.delete(tweet.id);
      release(w, tweet, isInbound);
    }
    // … and keep it while answers are still to come.
    const left = (responses ?? Infinity) - (early.get(tweet.id) ?? 0);
    early.delete(tweet.id);
    if (left > 0) stored.set(tweet.id, { tweet: isInbound ? tweet : { ...tweet, authorHandle: author }, left });
    else dropped.add(tweet.id);
    // As an answer: find the tweet it answers, if already read.
    const to = tweet.inReplyToId;
    let answered: Tweet | undefined;
    if (to) {
      const e = stored.get(to);
      if (e) {
        answered = e.tweet;
        if (--e.left <= 0) {
          stored.delete(to);
          dropped.add(to);
        }
      } else if (!dropped.has(to)) early.set(to, (early.get(to) ?? 0) + 1);
    }
    if (isInbound) return;
    const brand = brandOf(author);
    if (!brand) return;
    brand.acc.addTweet(tweet);
    if (!to) return; // a stand-alone post
    if (answered) {
      if (answered.authorId !== author) enqueue(brand, tweet, answered);
      return; // else: a continuation of the brand's own thread
    }
    const list = waiting.get(to);
    if (list) list.push({ brand, tweet });
    else waiting.set(to, [{ brand, tweet }]);
  };

  let folded: FoldResult[];
  const progress = opts.progress;
  const pace = new ReadingPace(progress, opts.file);
  try {
    await streamTwcs(opts.file, onRow, async (bytesRead) => {
      if (batch.length >= BATCH) await flush();
      if (pace.due()) progress!.status(readingLine(opts.file, rows, bytesRead, pace.size, pace.elapsedMs()));
    });
    // Replies to tweets let go too early (their response_tweet_id missed some answers): read
    // those tweets again, in a second pass over the file.
    const again = new Map<string, { brand: Brand; tweet: Tweet }[]>();
    for (const [id, list] of waiting) if (dropped.has(id)) again.set(id, list);
    if (again.size) {
      for (const id of again.keys()) waiting.delete(id);
      progress?.status(`${opts.file}: reading again for ${again.size.toLocaleString('en-US')} answered tweets its response_tweet_id lists left out…`);
      await streamTwcs(opts.file, ({ tweet, inbound }) => {
        const list = again.get(tweet.id);
        if (!list) return;
        again.delete(tweet.id);
        release(list, tweet, inbound);
      }, async () => {
        if (batch.length >= BATCH) await flush();
      });
    }
    progress?.status(`${opts.file}: ${rows.toLocaleString('en-US')} rows read; summarizing ${brands.size.toLocaleString('en-US')} brands…`);
    // Replies whose answered tweet is not in the file: classified without context.
    for (const list of waiting.values()) for (const x of list) enqueue(x.brand, x.tweet, null);
    waiting.clear();
    await flush();
    folded = await pool.finish();
  } finally {
    progress?.clear();
    await pool.close();
  }
  if (want !== undefined && brands.size === 0) {
    const known = [...seen].slice(0, 8);
    throw new InputError(`${opts.file}: no tweets by @${opts.handle!.replace(/^@/, '')}${known.length ? ` (accounts in it: ${known.join(', ')})` : ''}`);
  }
  // This thread counted the brands' tweets; the folders hold their replies: merge them.
  return [...brands.values()].map((b) => joinFolded(b.acc, folded));
}

/** "twcs.csv: 1,204,311 rows (43%) · 0:12" — what the status line says while a file streams. */
export function readingLine(file: string, rows: number, bytesRead: number, size: number, elapsedMs: number): string {
  return `${file}: ${rows.toLocaleString('en-US')} rows${shareRead(bytesRead, size)} · ${clock(elapsedMs)}`;
}
