// The audit of a big file of X API v2 pages (JSONL) as a stream, in two passes, so memory holds
// what is in progress rather than the file. The first pass learns what only the whole file can
// tell: the users (a page may name a user after the tweets that mention them), whose timeline it
// is, which tweets are answered and by how many. The second folds each brand tweet as it comes,
// keeping an answered tweet only until its last answer has been read and a reply only until the
// tweet it answers turns up (the last copy of it, where the file gives it more than once). The
// report is the same as when the file is read whole; a file that holds one of its own tweets
// twice (the whole-file reading keeps the last copy) is left to that path. An earlier version of
// an edited tweet is not counted, wherever in the file the version superseding it comes.
import type { Account, Tweet } from '../model.js';
import { addOwnerTo, fillFromUsers, type UserBook, type UserInfo } from '../sources/builder.js';
import { readV2JsonlAsync, type V2Sink } from '../sources/v2-json.js';
import { clock, ReadingPace, shareRead } from '../progress.js';
import { accountName, answersSomeoneElse, Authors, isBy } from '../threads.js';
import { BrandAccumulator } from '../summary.js';
import { InputError } from '../errors.js';
import { ReplyPool, BATCH } from './pool.js';
import { joinFolded, type BrandResult, type FoldJob, type FoldResult, type StreamAuditOptions } from './work.js';

// What the first pass notes of each tweet id, in one number per id (a map of a few million
// small entries is the bulk of what a big file's audit holds): where the id occurs, how many
// copies of it give context, and how many of the file's own tweets answer it.
const OWN = 1; // one of the file's own tweets (data of a timeline page, or a bare tweet)
const CONTEXT = 2; // given as context (includes.tweets, a mentions page)
const TAKEN = 4; // second pass: taken in as an answered tweet
const COPY = 8; // one context copy (20 bits of count above the flags)
const ANSWER = 2 ** 23; // one answer (the count sits above the copies)
const copiesOf = (f: number) => Math.floor(f / COPY) % 2 ** 20;
/** f with a flag set. By addition: from 256 answers up the number passes 2^31, where `|` would
 * cut it to 32 bits (reading a flag with `&` is safe: the low bits survive). */
const withFlag = (f: number, flag: number) => (f & flag ? f : f + flag);

/** Users as tweets are filled from them, keeping only those fields (the last details win). */
const sameUser = (a: UserInfo, b: UserInfo) => a.username === b.username && a.name === b.name && a.public_metrics?.followers_count === b.public_metrics?.followers_count;

class Users extends Map<string, UserInfo> {
  /** Some user was named again with other details (then when a tweet is read matters). */
  changed = false;
  override set(id: string, u: UserInfo): this {
    const prev = super.get(id);
    if (prev && sameUser(prev, u)) return this;
    if (prev) this.changed = true;
    return super.set(id, { username: u.username, name: u.name, public_metrics: { followers_count: u.public_metrics?.followers_count } });
  }
}

/** The first pass's complete list, read-only: when no user's details change within the file,
 * each tweet finds the same details in it as when it was read, without a second list. */
class SameUsers implements UserBook {
  constructor(private readonly all: Users) {}
  get(id: string): UserInfo | undefined {
    return this.all.get(id);
  }
  set(): void {}
}

/** Pass 1: everything about the file that the second pass needs to know ahead. */
class Scan implements V2Sink {
  readonly users = new Users();
  readonly owners: Account[] = [];
  readonly authors = new Authors(this.owners);
  /** Per tweet id: OWN / CONTEXT flags and, above them, how many of the file's own tweets answer it. */
  readonly ids = new Map<string, number>();
  ownTweets = 0;
  /** One of the file's own tweets occurs twice (the whole-file reading keeps the last copy). */
  duplicate = false;
  /** Ids of earlier versions of edited tweets (as many as there are edits, not tweets). */
  readonly superseded = new Set<string>();
  /** Some tweet was counted among its author's before a later version superseded it. */
  miscounted = false;

  add(t: Tweet, primary: boolean): void {
    const f = this.ids.get(t.id) ?? 0;
    if (!primary) {
      if (copiesOf(f) === 2 ** 20 - 1) this.duplicate = true; // more copies than the count holds: read it whole
      else this.ids.set(t.id, withFlag(f, CONTEXT) + COPY);
      return;
    }
    if (f & OWN) this.duplicate = true;
    this.ids.set(t.id, withFlag(f, OWN));
    this.ownTweets++;
    if (!this.superseded.has(t.id)) this.authors.add(t);
    if (t.inReplyToId) this.ids.set(t.inReplyToId, (this.ids.get(t.inReplyToId) ?? 0) + ANSWER);
  }

  addOwner(a: Account): void {
    addOwnerTo(this.owners, a);
  }

  supersede(ids: readonly string[]): void {
    for (const id of ids) {
      if (this.superseded.has(id)) continue;
      this.superseded.add(id);
      if ((this.ids.get(id) ?? 0) & OWN) this.miscounted = true;
    }
  }
}

/** Pass 1 again, for the authors alone, knowing every superseded id (when pass 1 counted some). */
class Recount implements V2Sink {
  readonly users: UserBook;
  readonly authors: Authors;

  constructor(private readonly scan: Scan) {
    this.authors = new Authors(scan.owners);
    // As in the fold: a second list of users only when some user's details change in the file.
    this.users = scan.users.changed ? new Users() : new SameUsers(scan.users);
  }

  add(t: Tweet, primary: boolean): void {
    if (primary && !this.scan.superseded.has(t.id)) this.authors.add(t);
  }

  addOwner(): void {}
  supersede(): void {}
}

/** An audited brand: its account and the accumulator of its tweets. */
interface Brand {
  account: Account;
  acc: BrandAccumulator;
}

/** Pass 2: folds brand tweets as they come, holding answered tweets and waiting replies. */
class Fold implements V2Sink {
  /** Users named so far: a tweet takes the details known when it is read, as in the whole-file
   * reading; then what is still missing comes from the first pass's complete list. */
  readonly users: UserBook;
  /** Answered tweets still to be read by some answer, with how many answers are left. */
  private readonly kept = new Map<string, { tweet: Tweet; left: number }>();
  /** Answers read before the tweet they answer (which is further on in the file), by its id. */
  private readonly early = new Map<string, number>();
  /** Brand tweets waiting for the tweet they answer, by its id. */
  private readonly waiting = new Map<string, { b: Brand; tweet: Tweet }[]>();
  jobs: FoldJob[] = [];

  constructor(
    private readonly scan: Scan,
    private readonly brands: Brand[],
  ) {
    this.users = scan.users.changed ? new Users() : new SameUsers(scan.users);
  }

  addOwner(): void {}
  supersede(): void {}

  add(t: Tweet, primary: boolean): void {
    fillFromUsers(t, this.scan.users);
    const ids = this.scan.ids;
    const f = ids.get(t.id)!;
    // An answered tweet is taken in as the whole-file reading takes it: the file's own copy when
    // it has one, else the last context copy.
    if (f >= ANSWER && !(f & TAKEN)) {
      if (primary) {
        ids.set(t.id, withFlag(f, TAKEN));
        this.keep(t, f);
      } else if (!(f & OWN)) {
        const g = f - COPY;
        ids.set(t.id, copiesOf(g) === 0 ? withFlag(g, TAKEN) : g);
        if (copiesOf(g) === 0) this.keep(t, g);
      }
    }
    if (!primary) return;
    const to = t.inReplyToId;
    let answered: Tweet | null = null;
    let wait = false;
    if (to) {
      const k = this.kept.get(to);
      const g = ids.get(to)!;
      if (k) {
        answered = k.tweet;
        if (--k.left <= 0) this.kept.delete(to);
      } else if (!(g & TAKEN) && g & (OWN | CONTEXT)) {
        // It is in the file, further on.
        this.early.set(to, (this.early.get(to) ?? 0) + 1);
        wait = true;
      }
    }
    // An earlier version of an edited tweet: its answer is accounted for above, as pass 1 counted
    // it, but the tweet itself is not counted.
    if (this.scan.superseded.has(t.id)) return;
    for (const b of this.brands) {
      if (!isBy(t, b.account) || t.isRetweet) continue;
      b.acc.addTweet(t);
      if (!wait) this.reply(b, t, answered);
      else {
        const list = this.waiting.get(to!);
        const w = { b, tweet: t };
        if (list) list.push(w);
        else this.waiting.set(to!, [w]);
      }
    }
  }

  /** Keeps an answered tweet while answers to it are still to come, and releases those waiting. */
  private keep(t: Tweet, f: number): void {
    const left = Math.floor(f / ANSWER) - (this.early.get(t.id) ?? 0);
    this.early.delete(t.id);
    if (left > 0) this.kept.set(t.id, { tweet: t, left });
    const w = this.waiting.get(t.id);
    if (!w) return;
    this.waiting.delete(t.id);
    for (const x of w) this.reply(x.b, x.tweet, t);
  }

  private reply(b: Brand, t: Tweet, answered: Tweet | null): void {
    if (answersSomeoneElse(t, answered, b.account)) this.jobs.push({ brand: b.acc.state.handle, tweet: t, answered });
  }
}

/**
 * The brands of a v2 JSONL file, audited in two streamed passes; null when the file is not
 * JSONL or holds a tweet twice (the caller then reads it whole).
 */
export async function auditV2Stream(opts: StreamAuditOptions): Promise<BrandResult[] | null> {
  const progress = opts.progress;
  const pace = new ReadingPace(progress, opts.file);
  /** "file: pass 1 of 2 (43%) · 0:12". */
  const status = (pass: number, of = 2) => async (bytesRead: number) => {
    if (pace.due()) progress!.status(`${opts.file}: pass ${pass} of ${of}${shareRead(bytesRead, pace.size)} · ${clock(pace.elapsedMs())}`);
  };
  const scan = new Scan();
  try {
    if (!(await readV2JsonlAsync(opts.file, scan, status(1))) || scan.duplicate) return null;
  } finally {
    progress?.clear();
  }
  if (scan.ownTweets === 0) throw new InputError(`${opts.file}: no tweets in this file (empty timeline)`);
  // Pass 1 counted some tweets before it read the later versions superseding them. When the
  // authors decide whose timeline it is, they are counted again without those (which changes
  // counts, and which tweet of an author came first): one more pass, only then.
  let authors = scan.authors;
  const recount = scan.miscounted && !authors.ownersDecide(opts.handle);
  if (recount) {
    const again = new Recount(scan);
    try {
      await readV2JsonlAsync(opts.file, again, status(2, 3));
    } finally {
      progress?.clear();
    }
    authors = again.authors;
  }
  // Whose timeline: the same rule as the whole-file reading, on each author's first tweet.
  authors.fillHandles(scan.users);
  const accounts = opts.handle ? [authors.pick(opts.handle, opts.file)] : authors.brands();
  if (accounts.length === 0) throw new InputError(`${opts.file}: cannot tell whose timeline this is; name the brand with --handle`);
  const brands = accounts.map((account) => ({ account, acc: new BrandAccumulator(accountName(account), opts.timeZone) }));

  const fold = new Fold(scan, brands);
  const pool = new ReplyPool(opts.workers, opts.timeZone, opts.keepReplies);
  const flush = async (all: boolean) => {
    while (fold.jobs.length >= (all ? 1 : BATCH)) {
      const jobs = fold.jobs.splice(0, BATCH);
      await pool.submit(jobs);
    }
  };
  let folded: FoldResult[];
  const pass2 = recount ? status(3, 3) : status(2);
  try {
    await readV2JsonlAsync(opts.file, fold, async (bytesRead) => {
      await flush(false);
      await pass2(bytesRead);
    });
    await flush(true);
    folded = await pool.finish();
  } finally {
    progress?.clear();
    await pool.close();
  }
  return brands.map((b) => joinFolded(b.acc, folded));
}
