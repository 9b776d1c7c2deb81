// Collects tweets from any source into a Timeline: dedupes by id, keeps the
// source's own tweets ahead of context-only ones (v2 `includes.tweets`).
import type { Account, InputFormat, Timeline, Tweet } from '../model.js';

export class TimelineBuilder {
  readonly users = new Map<string, { id?: string; username?: string; name?: string; public_metrics?: { followers_count?: number } }>();
  private readonly primary = new Map<string, Tweet>();
  private readonly context = new Map<string, Tweet>();
  private readonly owners: Account[] = [];

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
    const same = this.owners.find((o) => (a.id && o.id === a.id) || (a.handle && o.handle?.toLowerCase() === a.handle.toLowerCase()));
    if (same) {
      same.id ??= a.id;
      same.handle ??= a.handle;
    } else this.owners.push({ ...a });
  }

  finish(): Timeline {
    // Users may arrive on a later page than the tweets that name them: fill handles in now.
    const fill = (t: Tweet) => {
      if (t.authorId && !t.authorHandle) {
        const u = this.users.get(t.authorId);
        if (u) {
          t.authorHandle = u.username;
          t.authorName ??= u.name;
          t.authorFollowers ??= u.public_metrics?.followers_count;
        }
      }
      if (t.inReplyToUserId && !t.inReplyToHandle) t.inReplyToHandle = this.users.get(t.inReplyToUserId)?.username;
    };
    const tweets = [...this.primary.values()];
    const context = [...this.context.values()];
    tweets.forEach(fill);
    context.forEach(fill);
    return { tweets, context, format: this.format, owners: this.owners };
  }
}
