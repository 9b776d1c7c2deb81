// `--since` and `--limit` for audits: keep a brand's tweets posted since a date and/or its
// newest n, whatever the source (a cache that holds more than asked, a saved file). Tweets
// left out move to context, so they can still be found as the tweets replies answer. Pure.
import { OWNER_UNKNOWN, type Account, type Timeline, type Tweet } from '../model.js';
import { InputError } from '../errors.js';

export interface Since {
  /** The API's start_time form: YYYY-MM-DDTHH:mm:ssZ. */
  iso: string;
  ms: number;
}

/** YYYY-MM-DD (midnight UTC) or an ISO 8601 time (UTC when it names no offset, as the date
 * alone is: not the time zone of whatever machine runs it); not in the future. */
export function parseSince(raw: string, now = Date.now()): Since {
  const s = raw.trim();
  // Date.parse takes 2017-09-31 as October 1st: a day the month does not have is not a date.
  const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
  const real = new Date(Date.UTC(y, m - 1, d));
  if (/^\d{4}-\d{2}-\d{2}/.test(s) && (real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d)) {
    throw new InputError(`--since: not a date: ${raw} (${s.slice(0, 7)} has no day ${s.slice(8, 10)})`);
  }
  const utc = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(s.slice(10)) ? s : `${s}Z`;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(s) ? Date.parse(utc) : NaN;
  if (Number.isNaN(ms)) throw new InputError(`--since: not a date: ${raw} (expected YYYY-MM-DD or an ISO 8601 time like 2024-05-01T12:00:00Z)`);
  if (ms > now) throw new InputError(`--since: ${raw} is in the future`);
  const whole = Math.floor(ms / 1000) * 1000;
  return { iso: new Date(whole).toISOString().replace(/\.\d{3}Z$/, 'Z'), ms: whole };
}

export function parseLimit(raw: string | number): number {
  const s = String(raw).trim();
  if (!/^\d+$/.test(s) || Number(s) < 1) throw new InputError(`--limit: expected a whole number of tweets, at least 1 (got ${raw})`);
  return Number(s);
}

export interface WindowOptions {
  sinceMs?: number;
  limit?: number;
}

function isBy(t: Tweet, a: Account): boolean {
  return (a.id !== undefined && t.authorId === a.id && (a.id !== OWNER_UNKNOWN || !t.authorHandle)) || (a.handle !== undefined && t.authorHandle?.toLowerCase() === a.handle.toLowerCase());
}

const idKey = (id: string) => (/^\d+$/.test(id) ? id.padStart(25, '0') : id);

/** Newest first: by time when both are dated, then by id (ids grow with time on X). */
function newestFirst(a: Tweet, b: Tweet): number {
  if (a.createdAt && b.createdAt && a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  const ka = idKey(a.id);
  const kb = idKey(b.id);
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}

/** Keeps each brand's tweets since `sinceMs` (undated ones stay: they cannot be placed) and its newest `limit`. Retweets are not counted. */
export function windowTimeline(tl: Timeline, brands: Account[], w: WindowOptions): Timeline {
  if (w.sinceMs === undefined && w.limit === undefined) return tl;
  const drop = new Set<Tweet>();
  for (const brand of brands) {
    const own = tl.tweets.filter((t) => !t.isRetweet && isBy(t, brand));
    let keep = own;
    if (w.sinceMs !== undefined) {
      const since = w.sinceMs;
      keep = keep.filter((t) => !t.createdAt || Date.parse(t.createdAt) >= since);
    }
    if (w.limit !== undefined) keep = [...keep].sort(newestFirst).slice(0, w.limit);
    const kept = new Set(keep);
    for (const t of own) if (!kept.has(t)) drop.add(t);
  }
  if (drop.size === 0) return tl;
  return {
    ...tl,
    tweets: tl.tweets.filter((t) => !drop.has(t)),
    context: [...tl.context, ...tl.tweets.filter((t) => drop.has(t))],
  };
}
