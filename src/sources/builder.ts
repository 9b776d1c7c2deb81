// Collects tweets from any source into a Timeline: dedupes by id, keeps the
// source's own tweets ahead of context-only ones (v2 `includes.tweets`), and counts an edited
// tweet once: as the newest of its versions present.
import type { Account, InputFormat, Timeline, Tweet } from '../model.js';

/** A user as v2 pages describe one (includes.users). */
export interface UserInfo {
  id?: string;
  username?: string;
  name?: string;
  public_metrics?: { followers_count?: number };
}

/** Users by id as reading v2 pages needs them: looked up, and named (again) page by page. */
export interface UserBook {
  get(id: string): UserInfo | undefined;
  set(id: string, u: UserInfo): unknown;
}

/** Adds an account to a list of owners, merging it with the one of the same id or handle. */
export function addOwnerTo(owners: Account[], a: Account): void {
  const same = owners.find((o) => (a.id && o.id === a.id) || (a.handle && o.handle?.toLowerCase() === a.handle.toLowerCase()));
  if (same) {
    same.id ??= a.id;
    same.handle ??= a.handle;
  } else owners.push({ ...a });
}

/** Fills a tweet's handles from the users of the whole source (users may arrive on a later page
 * than the tweets that name them). */
export function fillFromUsers(t: Tweet, users: Pick<UserBook, 'get'>): void {
  if (t.authorId && !t.authorHandle) {
    const u = users.get(t.authorId);
    if (u) {
      t.authorHandle = u.username;
      t.authorName ??= u.name;
      t.authorFollowers ??= u.public_metrics?.followers_count;
    }
  }
  if (t.inReplyToUserId && !t.inReplyToHandle) t.inReplyToHandle = users.get(t.inReplyToUserId)?.username;
}

export class TimelineBuilder {
  readonly users = new Map<string, UserInfo>();
  private readonly primary = new Map<string, Tweet>();
  private readonly context = new Map<string, Tweet>();
  private readonly owners: Account[] = [];
  /** Ids of earlier versions of edited tweets (each version of an edit has an id of its own). */
  private readonly superseded = new Set<string>();

  constructor(private readonly format: InputFormat) {}

  add(t: Tweet, primary: boolean): void {
    if (primary) {
      this.primary.set(t.id, t);
      this.context.delete(t.id);
    } else if (!this.primary.has(t.id)) {
      this.context.set(t.id, t);
    }
  }

  addOwner(a: Account): void {
    addOwnerTo(this.owners, a);
  }

  /** Marks ids as earlier versions of an edited tweet, wherever they occur in the source. */
  supersede(ids: readonly string[]): void {
    for (const id of ids) this.superseded.add(id);
  }

  finish(): Timeline {
    const tweets: Tweet[] = [];
    const context = [...this.context.values()];
    // An earlier version is not counted, but stays to be looked up: a reply may answer it.
    for (const t of this.primary.values()) (this.superseded.has(t.id) ? context : tweets).push(t);
    for (const t of tweets) fillFromUsers(t, this.users);
    for (const t of context) fillFromUsers(t, this.users);
    return { tweets, context, format: this.format, owners: this.owners };
  }
}
