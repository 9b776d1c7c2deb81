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

function isBy(t: Tweet, a: Account): boolean {
  return (a.id !== undefined && t.authorId === a.id && (a.id !== OWNER_UNKNOWN || !t.authorHandle)) || (a.handle !== undefined && t.authorHandle?.toLowerCase() === a.handle.toLowerCase());
}

/** The accounts a timeline is about: its declared owners, else its most frequent author. */
export function brandsIn(tl: Timeline): Account[] {
  if (tl.owners.length) return tl.owners;
  const counts = new Map<string, { n: number; t: Tweet }>();
  for (const t of tl.tweets) {
    const key = t.authorId ?? t.authorHandle;
    if (!key) continue;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { n: 1, t });
  }
  let best: { n: number; t: Tweet } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best ? [{ id: best.t.authorId, handle: best.t.authorHandle }] : [];
}

/** Resolves --handle against the timeline; an unknown handle is an input error naming it. */
export function pickBrand(tl: Timeline, handle: string, file: string): Account {
  const h = bare(handle);
  const owner = tl.owners.find((o) => o.handle?.toLowerCase() === h || o.id?.toLowerCase() === h);
  if (owner) return owner;
  const t = tl.tweets.find((x) => x.authorHandle?.toLowerCase() === h || x.authorId?.toLowerCase() === h);
  if (t) return { id: t.authorId, handle: t.authorHandle ?? handle.replace(/^@/, '') };
  // The source does not name its owner (archive without manifest, page without author_id): --handle does.
  if (tl.tweets.some((x) => x.authorId === OWNER_UNKNOWN && !x.authorHandle)) return { id: OWNER_UNKNOWN, handle: handle.replace(/^@/, '') };
  const known = brandsIn(tl).map(accountName).slice(0, 8);
  throw new InputError(`${file}: no tweets by @${handle.replace(/^@/, '')}${known.length ? ` (accounts in it: ${known.join(', ')})` : ''}`);
}

export function feedFor(tl: Timeline, brand: Account): BrandFeed {
  const byId = new Map<string, Tweet>();
  for (const t of tl.context) byId.set(t.id, t);
  for (const t of tl.tweets) byId.set(t.id, t);
  const tweets: Tweet[] = [];
  const replies: BrandReply[] = [];
  const handle = brand.handle?.toLowerCase();
  for (const t of tl.tweets) {
    if (!isBy(t, brand) || t.isRetweet) continue;
    tweets.push(t);
    if (!t.inReplyToId && !t.inReplyToUserId && !t.inReplyToHandle) continue; // stand-alone post
    const answered = t.inReplyToId ? byId.get(t.inReplyToId) ?? null : null;
    const toSelf = answered
      ? isBy(answered, brand)
      : (brand.id !== undefined && t.inReplyToUserId === brand.id) || (handle !== undefined && t.inReplyToHandle?.toLowerCase() === handle);
    if (toSelf) continue; // continuation of the brand's own thread
    replies.push({ tweet: t, answered });
  }
  return { account: brand, tweets, replies };
}
