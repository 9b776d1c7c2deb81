// From a timeline to one brand's feed: its own tweets, and the replies it sent to other people
// paired with the tweets they answer. Continuations of the brand's own threads and
// stand-alone posts count as tweets but are not replies.
import { OWNER_UNKNOWN, type Account, type BrandReply, type Timeline, type Tweet } from './model.js';
import { InputError } from './errors.js';

export interface BrandFeed {
  account: Account;
  /** The brand's own tweets (retweets excluded: they are not the brand's words). */
  tweets: Tweet[];
  replies: BrandReply[];
}

const bare = (h: string) => h.replace(/^@/, '').toLowerCase();

export function accountName(a: Account): string {
  return a.handle ?? a.id ?? 'unknown';
}

/** Whether an account wrote a tweet (by id, or by handle). */
export function isBy(t: Tweet, a: Account): boolean {
  return (a.id !== undefined && t.authorId === a.id && (a.id !== OWNER_UNKNOWN || !t.authorHandle)) || (a.handle !== undefined && t.authorHandle?.toLowerCase() === a.handle.toLowerCase());
}

/** Who wrote tweets, as --handle and the brand rule read it: an author's id and handle. */
type Author = Pick<Tweet, 'authorId' | 'authorHandle'>;

/**
 * Who wrote a source's own tweets: its declared owners, and each author's id and handle as on
 * their first tweet (in source order), with how many tweets the author has. Enough to tell whose
 * timeline it is — built from a whole timeline, or while a big file streams past (it keeps two
 * strings per author, not the tweets).
 */
export class Authors {
  readonly owners: Account[];
  private readonly byKey = new Map<string, Author & { n: number }>();

  constructor(owners: Account[] = []) {
    this.owners = owners;
  }

  static of(tl: Timeline): Authors {
    const a = new Authors(tl.owners);
    for (const t of tl.tweets) a.add(t);
    return a;
  }

  add(t: Tweet): void {
    const key = t.authorId ?? t.authorHandle;
    if (!key) return;
    const c = this.byKey.get(key);
    if (c) c.n++;
    else this.byKey.set(key, { authorId: t.authorId, authorHandle: t.authorHandle, n: 1 });
  }

  /** Fills in the handles of authors whose first tweet came before the page naming them. */
  fillHandles(users: { get(id: string): { username?: string } | undefined }): void {
    for (const c of this.byKey.values()) if (c.authorId && !c.authorHandle) c.authorHandle = users.get(c.authorId)?.username;
  }

  /** The accounts the source is about: its declared owners, else its most frequent author. */
  brands(): Account[] {
    if (this.owners.length) return this.owners;
    let best: (Author & { n: number }) | undefined;
    for (const c of this.byKey.values()) if (!best || c.n > best.n) best = c;
    return best ? [{ id: best.authorId, handle: best.authorHandle }] : [];
  }

  /** Resolves --handle; an unknown handle is an input error naming it. */
  pick(handle: string, file: string): Account {
    return pickAmong(this.owners, this.byKey.values(), handle, file, () => this.brands());
  }

  /** Whether the declared owners alone settle the brands (with --handle, when it names one of
   * them): then how many tweets each author has, and which came first, does not matter. */
  ownersDecide(handle?: string): boolean {
    return handle === undefined ? this.owners.length > 0 : ownerNamed(this.owners, handle) !== undefined;
  }
}

/** The declared owner --handle names, if any. */
function ownerNamed(owners: readonly Account[], handle: string): Account | undefined {
  const h = bare(handle);
  return owners.find((o) => o.handle?.toLowerCase() === h || o.id?.toLowerCase() === h);
}

/** --handle against the owners, then the authors (the first that matches); an unknown handle is
 * an input error naming the accounts there are. */
function pickAmong(owners: readonly Account[], authors: Iterable<Author>, handle: string, file: string, known: () => Account[]): Account {
  const owner = ownerNamed(owners, handle);
  if (owner) return owner;
  const h = bare(handle);
  let nameless = false;
  for (const x of authors) {
    if (x.authorHandle?.toLowerCase() === h || x.authorId?.toLowerCase() === h) return { id: x.authorId, handle: x.authorHandle ?? handle.replace(/^@/, '') };
    nameless ||= x.authorId === OWNER_UNKNOWN && !x.authorHandle;
  }
  // The source does not name its owner (archive without manifest, page without author_id): --handle does.
  if (nameless) return { id: OWNER_UNKNOWN, handle: handle.replace(/^@/, '') };
  const names = known().map(accountName).slice(0, 8);
  throw new InputError(`${file}: no tweets by @${handle.replace(/^@/, '')}${names.length ? ` (accounts in it: ${names.join(', ')})` : ''}`);
}

/** The accounts a timeline is about: its declared owners, else its most frequent author. */
export function brandsIn(tl: Timeline): Account[] {
  return Authors.of(tl).brands();
}

/** Resolves --handle against the timeline (any of its tweets may carry the handle asked for;
 * in TWCS, whose rows say which are the brands', only a brand's); an unknown handle is an input
 * error naming it. */
export function pickBrand(tl: Timeline, handle: string, file: string): Account {
  return pickAmong(tl.owners, tl.format === 'twcs' ? [] : tl.tweets, handle, file, () => brandsIn(tl));
}

/** Whether a brand's tweet answers someone else: not a stand-alone post, and not a continuation
 * of the brand's own thread (judged by the answered tweet when known, else by whom it replies to). */
export function answersSomeoneElse(t: Tweet, answered: Tweet | null, brand: Account): boolean {
  if (!t.inReplyToId && !t.inReplyToUserId && !t.inReplyToHandle) return false; // stand-alone post
  const handle = brand.handle?.toLowerCase();
  const toSelf = answered
    ? isBy(answered, brand)
    : (brand.id !== undefined && t.inReplyToUserId === brand.id) || (handle !== undefined && t.inReplyToHandle?.toLowerCase() === handle);
  return !toSelf;
}

export function feedFor(tl: Timeline, brand: Account): BrandFeed {
  const byId = new Map<string, Tweet>();
  for (const t of tl.context) byId.set(t.id, t);
  for (const t of tl.tweets) byId.set(t.id, t);
  const tweets: Tweet[] = [];
  const replies: BrandReply[] = [];
  for (const t of tl.tweets) {
    if (!isBy(t, brand) || t.isRetweet) continue;
    tweets.push(t);
    const answered = t.inReplyToId ? byId.get(t.inReplyToId) ?? null : null;
    if (answersSomeoneElse(t, answered, brand)) replies.push({ tweet: t, answered });
  }
  return { account: brand, tweets, replies };
}
