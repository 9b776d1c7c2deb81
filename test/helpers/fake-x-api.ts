// A fake X API v2 on 127.0.0.1 for tests: user lookup, /2/users/:id/tweets and
// /2/users/:id/mentions with the real payload shapes (data / includes.{tweets,users} /
// meta.{result_count,newest_id,oldest_id,next_token}, field projection by tweet.fields and
// user.fields, expansions, `errors` for missing referenced tweets and unknown users,
// x-rate-limit-* headers). Texts are invented. Tests can inject replies (429, 5xx, 401…)
// or stall a request through `onRequest`, and read back every request made.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';

export const TWEPOCH = 1288834974657n;
export const snowflake = (ms: number, seq = 0) => String(((BigInt(ms) - TWEPOCH) << 22n) + BigInt(seq));

export interface FakeUser {
  id: string;
  username: string;
  name: string;
  followers: number;
}

export interface FakeTweet {
  id: string;
  text: string;
  created_at: string;
  author_id: string;
  conversation_id: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: 'replied_to' | 'retweeted' | 'quoted'; id: string }[];
  public_metrics: { retweet_count: number; reply_count: number; like_count: number; quote_count: number };
  /** A post over 280 characters: `text` is then cut short, and this (asked for by tweet.fields) whole. */
  note_tweet?: { text: string };
}

export interface RecordedRequest {
  n: number;
  method: string;
  path: string;
  query: Record<string, string>;
  kind: 'lookup' | 'tweets' | 'mentions' | 'other';
  authorization?: string;
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Return a reply to override, 'stall' to never answer, or undefined to answer normally. */
export type Interceptor = (req: RecordedRequest) => FakeReply | 'stall' | undefined;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class FakeXApi extends EventEmitter {
  readonly users = new Map<string, FakeUser>(); // by id
  readonly tweets = new Map<string, FakeTweet>();
  /** Own tweets (retweets included) per user id, newest first. */
  readonly timelines = new Map<string, string[]>();
  readonly mentions = new Map<string, string[]>();
  readonly requests: RecordedRequest[] = [];
  onRequest?: Interceptor;
  /** How far back a timeline reaches (the real API: ~3,200 tweets). */
  cap = 3200;
  remaining = 1500;
  /** Delay before every answer (to make concurrent runs overlap). */
  latencyMs = 0;
  private server?: http.Server;
  private stalled: http.ServerResponse[] = [];

  constructor(readonly token: string) {
    super();
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.stalled) res.destroy();
    this.stalled = [];
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Requests of one kind, in order. */
  of(kind: RecordedRequest['kind']): RecordedRequest[] {
    return this.requests.filter((r) => r.kind === kind);
  }

  /** Resolves with the first request (already made or still to come) that matches. */
  waitFor(pred: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const seen = this.requests.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', on);
        reject(new Error('fake X API: the awaited request never came'));
      }, timeoutMs);
      const on = (r: RecordedRequest) => {
        if (!pred(r)) return;
        clearTimeout(timer);
        this.off('request', on);
        resolve(r);
      };
      this.on('request', on);
    });
  }

  addUser(u: FakeUser): void {
    this.users.set(u.id, u);
  }

  private userByName(name: string): FakeUser | undefined {
    for (const u of this.users.values()) if (u.username.toLowerCase() === name.toLowerCase()) return u;
    return undefined;
  }

  private send(res: http.ServerResponse, reply: FakeReply): void {
    const reset = Math.floor(Date.now() / 1000) + 900;
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-rate-limit-limit': '1500',
      'x-rate-limit-remaining': String(Math.max(0, this.remaining)),
      'x-rate-limit-reset': String(reset),
      ...reply.headers,
    });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }

  private reply(res: http.ServerResponse, reply: FakeReply): void {
    if (this.latencyMs > 0) setTimeout(() => this.send(res, reply), this.latencyMs);
    else this.send(res, reply);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const query = Object.fromEntries(url.searchParams.entries());
    const m = /^\/2\/users\/(\d+)\/(tweets|mentions)$/.exec(url.pathname);
    const kind: RecordedRequest['kind'] = url.pathname.startsWith('/2/users/by/username/') ? 'lookup' : m ? (m[2] as 'tweets' | 'mentions') : 'other';
    const rec: RecordedRequest = { n: this.requests.length, method: req.method ?? 'GET', path: url.pathname, query, kind, authorization: req.headers.authorization };
    this.requests.push(rec);
    this.emit('request', rec);

    const override = this.onRequest?.(rec);
    if (override === 'stall') {
      this.stalled.push(res);
      return;
    }
    if (override) return this.reply(res, override);

    if (req.headers.authorization !== `Bearer ${this.token}`) {
      return this.reply(res, { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } });
    }
    this.remaining--;
    if (kind === 'lookup') {
      const name = decodeURIComponent(url.pathname.slice('/2/users/by/username/'.length));
      const u = this.userByName(name);
      if (!u) {
        return this.reply(res, {
          status: 200,
          body: {
            errors: [{ value: name, detail: `Could not find user with username: [${name}].`, title: 'Not Found Error', resource_type: 'user', parameter: 'username', resource_id: name, type: 'https://api.twitter.com/2/problems/resource-not-found' }],
          },
        });
      }
      return this.reply(res, { status: 200, body: { data: this.projectUser(u, query['user.fields']) } });
    }
    if (m) return this.reply(res, this.timelinePage(m[1], m[2] as 'tweets' | 'mentions', query));
    return this.reply(res, { status: 404, body: { title: 'Not Found', detail: `no route ${url.pathname}`, type: 'about:blank', status: 404 } });
  }

  private projectUser(u: FakeUser, fields = ''): Record<string, unknown> {
    const f = new Set(fields.split(',').filter(Boolean));
    const out: Record<string, unknown> = { id: u.id, name: u.name, username: u.username };
    if (f.has('public_metrics')) out.public_metrics = { followers_count: u.followers, following_count: 12, tweet_count: 4000, listed_count: 3 };
    return out;
  }

  private projectTweet(t: FakeTweet, fields = ''): Record<string, unknown> {
    const f = new Set(fields.split(',').filter(Boolean));
    const out: Record<string, unknown> = { edit_history_tweet_ids: [t.id], id: t.id, text: t.text };
    for (const k of ['created_at', 'author_id', 'conversation_id', 'in_reply_to_user_id', 'referenced_tweets', 'public_metrics', 'note_tweet'] as const) {
      if (f.has(k) && t[k] !== undefined) out[k] = t[k];
    }
    return out;
  }

  private timelinePage(userId: string, endpoint: 'tweets' | 'mentions', q: Record<string, string>): FakeReply {
    const bad = (detail: string): FakeReply => ({
      status: 400,
      body: { errors: [{ parameters: {}, message: detail }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' },
    });
    if (!this.users.has(userId)) return bad(`user ${userId} not found`);
    const max = Number(q.max_results ?? 10);
    if (!Number.isInteger(max) || max < 5 || max > 100) return bad('The `max_results` query parameter value is not between 5 and 100');
    if (endpoint === 'mentions' && q.exclude) return bad('exclude is not a parameter of mentions');
    let ids = (endpoint === 'tweets' ? this.timelines.get(userId) : this.mentions.get(userId)) ?? [];
    ids = ids.slice(0, this.cap);
    const excl = new Set((q.exclude ?? '').split(',').filter(Boolean));
    if (excl.has('retweets')) ids = ids.filter((id) => !this.tweets.get(id)!.referenced_tweets?.some((r) => r.type === 'retweeted'));
    if (excl.has('replies')) ids = ids.filter((id) => !this.tweets.get(id)!.in_reply_to_user_id);
    if (q.since_id) ids = ids.filter((id) => BigInt(id) > BigInt(q.since_id));
    else if (q.start_time) ids = ids.filter((id) => Date.parse(this.tweets.get(id)!.created_at) >= Date.parse(q.start_time));
    if (q.until_id) ids = ids.filter((id) => BigInt(id) < BigInt(q.until_id));
    let offset = 0;
    if (q.pagination_token) {
      const mm = /^7140dibd([0-9a-z]+)$/.exec(q.pagination_token);
      if (!mm) return bad('The `pagination_token` query parameter value is not valid');
      offset = parseInt(mm[1], 36);
    }
    const page = ids.slice(offset, offset + max).map((id) => this.tweets.get(id)!);
    const body: Record<string, unknown> = {};
    if (page.length) body.data = page.map((t) => this.projectTweet(t, q['tweet.fields']));
    const exp = new Set((q.expansions ?? '').split(',').filter(Boolean));
    const incTweets = new Map<string, FakeTweet>();
    const incUsers = new Map<string, FakeUser>();
    const errors: unknown[] = [];
    for (const t of page) {
      if (exp.has('author_id')) incUsers.set(t.author_id, this.users.get(t.author_id)!);
      if (exp.has('in_reply_to_user_id') && t.in_reply_to_user_id && this.users.has(t.in_reply_to_user_id)) incUsers.set(t.in_reply_to_user_id, this.users.get(t.in_reply_to_user_id)!);
      if (!exp.has('referenced_tweets.id')) continue;
      for (const r of t.referenced_tweets ?? []) {
        const ref = this.tweets.get(r.id);
        if (!ref) {
          errors.push({ value: r.id, detail: `Could not find tweet with referenced_tweets.id: [${r.id}].`, title: 'Not Found Error', resource_type: 'tweet', parameter: 'referenced_tweets.id', resource_id: r.id, type: 'https://api.twitter.com/2/problems/resource-not-found' });
          continue;
        }
        incTweets.set(ref.id, ref);
        if (exp.has('referenced_tweets.id.author_id')) incUsers.set(ref.author_id, this.users.get(ref.author_id)!);
      }
    }
    if (incTweets.size || incUsers.size) {
      body.includes = {
        ...(incUsers.size ? { users: [...incUsers.values()].map((u) => this.projectUser(u, q['user.fields'])) } : {}),
        ...(incTweets.size ? { tweets: [...incTweets.values()].map((t) => this.projectTweet(t, q['tweet.fields'])) } : {}),
      };
    }
    if (errors.length) body.errors = errors;
    const meta: Record<string, unknown> = { result_count: page.length };
    if (page.length) {
      meta.newest_id = page[0].id;
      meta.oldest_id = page[page.length - 1].id;
      if (offset + max < ids.length) meta.next_token = `7140dibd${(offset + max).toString(36)}`;
    }
    body.meta = meta;
    return { status: 200, body };
  }
}

// ——— invented data ———

const RESOLVING = [
  "So sorry about that! I've issued a full refund to your card; you'll see it in 3–5 days.",
  "Thanks for flagging this. We've fixed the double charge and credited your account.",
  'Your replacement has shipped today & the tracking number is in your inbox.',
  "We've reset your password from our side; you can log in again now.",
];
const DEFLECTING = [
  "Please DM us your order number and we'll take a look.",
  'Sorry to hear that. Please contact our support team via the help page.',
  "We can't help with that here; please call the number on the back of your card.",
];
const BLAMING = [
  'Our records show the address you entered was incorrect, so the parcel came back to us.',
  "This happens when the app isn't updated; you need to update it before contacting us.",
  'The delay is caused by the courier, not by us.',
];
const OTHER = ['Thanks so much for the kind words! 💙', 'Haha, we love that one too!'];
const CUSTOMER = [
  'my order #{n} still hasn\'t arrived & nobody answers',
  'charged twice for the same subscription?? <not ok>',
  'the app keeps crashing when I log in',
  'thank you for the quick help yesterday!',
  'waited 40 minutes on the phone and got cut off',
];
const POSTS = ['New: track your orders right in the app. Update today!', "We're here 8am–10pm every day > DMs open."];

/** A small deterministic generator (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface BrandSeed {
  id: string;
  username: string;
  /** Brand tweets to create (retweets included, ~1 in 10). */
  count: number;
  /** Time of the newest tweet. */
  newest?: number;
  seed?: number;
}

export interface Seeded {
  brand: FakeUser;
  /** Brand's own non-retweet tweet ids (what exclude=retweets returns), newest first. */
  own: string[];
  add(n: number): string[];
}

/** A brand with customers, replies of every kind, thread continuations, posts, retweets and one answered tweet that was deleted. */
export function seedBrand(api: FakeXApi, s: BrandSeed): Seeded {
  const rand = lcg(s.seed ?? 7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const brand: FakeUser = { id: s.id, username: s.username, name: `${s.username} Support`, followers: 120_000 };
  api.addUser(brand);
  const customers: FakeUser[] = Array.from({ length: 12 }, (_, i) => ({ id: String(70_000 + Number(s.id.slice(-3)) * 100 + i), username: `customer_${s.username.slice(0, 4)}${i}`, name: `Customer ${i}`, followers: 10 + i * 37 }));
  customers.forEach((c) => api.addUser(c));
  const tl: string[] = api.timelines.get(brand.id) ?? [];
  const mentions: string[] = api.mentions.get(brand.id) ?? [];
  api.timelines.set(brand.id, tl);
  api.mentions.set(brand.id, mentions);
  let clock = s.newest ?? Date.parse('2024-03-01T12:00:00Z');
  let seq = 0;
  let lastOwn: FakeTweet | undefined;
  const metrics = () => ({ retweet_count: Math.floor(rand() * 3), reply_count: Math.floor(rand() * 2), like_count: Math.floor(rand() * 9), quote_count: 0 });

  // Tweets are made oldest → newest so ids grow with time; `make` returns them newest first.
  const make = (n: number, start: number): FakeTweet[] => {
    const made: FakeTweet[] = [];
    let at = start;
    for (let i = 0; i < n; i++) {
      at += 20 * 60_000 + Math.floor(rand() * 40 * 60_000);
      const r = rand();
      const id = snowflake(at, seq++ % 4096);
      let t: FakeTweet;
      if (r < 0.62 || !lastOwn) {
        const c = pick(customers);
        const askedAt = at - 5 * 60_000 - Math.floor(rand() * 60 * 60_000);
        const deleted = i % 53 === 17;
        const ask: FakeTweet = {
          id: snowflake(askedAt, seq++ % 4096),
          text: escape(`@${brand.username} ${pick(CUSTOMER).replace('{n}', String(1000 + i))}`),
          created_at: new Date(askedAt).toISOString(),
          author_id: c.id,
          conversation_id: '',
          public_metrics: metrics(),
        };
        ask.conversation_id = ask.id;
        if (!deleted) {
          api.tweets.set(ask.id, ask);
          mentions.push(ask.id);
        }
        const kind = rand();
        const body = kind < 0.4 ? pick(RESOLVING) : kind < 0.7 ? pick(DEFLECTING) : kind < 0.85 ? pick(BLAMING) : pick(OTHER);
        t = {
          id,
          text: escape(`@${c.username} ${body}`),
          created_at: new Date(at).toISOString(),
          author_id: brand.id,
          conversation_id: ask.id,
          in_reply_to_user_id: c.id,
          referenced_tweets: [{ type: 'replied_to', id: ask.id }],
          public_metrics: metrics(),
        };
      } else if (r < 0.74) {
        t = {
          id,
          text: escape(`@${brand.username} If that doesn't work, reinstalling the app usually clears it.`),
          created_at: new Date(at).toISOString(),
          author_id: brand.id,
          conversation_id: lastOwn.conversation_id,
          in_reply_to_user_id: brand.id,
          referenced_tweets: [{ type: 'replied_to', id: lastOwn.id }],
          public_metrics: metrics(),
        };
      } else if (r < 0.9) {
        t = { id, text: escape(pick(POSTS)), created_at: new Date(at).toISOString(), author_id: brand.id, conversation_id: id, public_metrics: metrics() };
      } else {
        const c = pick(customers);
        const orig: FakeTweet = { id: snowflake(at - 3_600_000, seq++ % 4096), text: escape('Shout-out to the support team, sorted in minutes!'), created_at: new Date(at - 3_600_000).toISOString(), author_id: c.id, conversation_id: '', public_metrics: metrics() };
        orig.conversation_id = orig.id;
        api.tweets.set(orig.id, orig);
        t = { id, text: escape(`RT @${c.username}: ${orig.text}`), created_at: new Date(at).toISOString(), author_id: brand.id, conversation_id: id, referenced_tweets: [{ type: 'retweeted', id: orig.id }], public_metrics: { retweet_count: 4, reply_count: 0, like_count: 0, quote_count: 0 } };
      }
      api.tweets.set(t.id, t);
      if (!t.referenced_tweets?.some((x) => x.type === 'retweeted')) lastOwn = t;
      made.push(t);
    }
    clock = at;
    return made.reverse();
  };

  const sortDesc = (xs: string[]) => xs.sort((a, b) => (BigInt(a) < BigInt(b) ? 1 : BigInt(a) > BigInt(b) ? -1 : 0));
  const start = clock - s.count * 45 * 60_000;
  const first = make(s.count, start);
  tl.push(...first.map((t) => t.id));
  sortDesc(tl);
  sortDesc(mentions);
  const ownIds = () => tl.filter((id) => !api.tweets.get(id)!.referenced_tweets?.some((r) => r.type === 'retweeted'));
  const seeded: Seeded = {
    brand,
    own: ownIds(),
    add(n: number) {
      const more = make(n, clock);
      tl.unshift(...more.map((t) => t.id));
      sortDesc(tl);
      sortDesc(mentions);
      seeded.own = ownIds();
      return more.filter((t) => !t.referenced_tweets?.some((r) => r.type === 'retweeted')).map((t) => t.id);
    },
  };
  return seeded;
}
