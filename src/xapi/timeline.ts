// Requests and paging against the X API v2: resolve a handle, page a user's tweets or
// mentions with explicit pagination_token, wait out 429s, retry 5xx and network failures
// with capped exponential backoff, and turn everything else into one clear typed error.
// (twitter-api-v2's paginators neither retry 429 nor say when they stop at a rate limit,
// so the loop is ours.)
import { InputError, NetworkError } from '../errors.js';
import { XHttpError, XTransportError, type XResponse, type XTransport } from './client.js';
import { clock, sleep as realSleep, type Progress } from '../progress.js';

export const ENDPOINTS = ['tweets', 'mentions'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/** Fields asked for on every timeline page: enough to rebuild threads without per-tweet calls,
 * and note_tweet, the whole text of posts over 280 characters (`text` holds them cut short). */
export const TWEET_FIELDS = 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,public_metrics,note_tweet';
/** Answered tweets and their authors arrive in `includes` of the same response. */
export const EXPANSIONS = 'referenced_tweets.id,referenced_tweets.id.author_id,in_reply_to_user_id';
/** Mentions are other people's tweets: their authors are worth naming too. */
export const MENTION_EXPANSIONS = `${EXPANSIONS},author_id`;
export const USER_FIELDS = 'username,public_metrics';
/** The API's page size bounds for both timelines. */
export const PAGE_MAX = 100;
export const PAGE_MIN = 5;

export interface RetryPolicy {
  /** Wait out 429s (false: --no-wait, fail with the reset time). */
  wait: boolean;
  /** Retries after a 5xx or network failure before giving up. */
  retries: number;
  /** First backoff delay; doubles each retry up to capMs. */
  baseMs: number;
  capMs: number;
  /** Variable the token came from, for the 401 message. */
  tokenVar: string;
  progress: Progress;
  /** Consecutive 429s tolerated (a server that never lets us through). */
  maxRateLimitWaits?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function defaultPolicy(p: Pick<RetryPolicy, 'wait' | 'tokenVar' | 'progress'>, env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  // FEEDHEALTH_RETRY_BASE_MS is for tests (fast retries); people get 1 s, 2 s, 4 s … capped at 32 s.
  const raw = env.FEEDHEALTH_RETRY_BASE_MS;
  const baseMs = raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : 1000;
  return { ...p, retries: 5, baseMs, capMs: Math.min(60_000, 32 * baseMs) };
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** When a 429 lifts (ms since epoch): the latest reset among the exhausted limits. */
export function rateLimitReset(h: Record<string, string | undefined>, now = Date.now()): number | undefined {
  const secs = (k: string) => (h[k] !== undefined && /^\d+$/.test(h[k]!) ? Number(h[k]) * 1000 : undefined);
  const exhausted = (prefix: string) => h[`${prefix}-remaining`] === '0' ? secs(`${prefix}-reset`) : undefined;
  const candidates = [exhausted('x-rate-limit'), exhausted('x-app-limit-24hour'), exhausted('x-user-limit-24hour')].filter((x): x is number => x !== undefined);
  if (candidates.length) return Math.max(...candidates);
  const reset = secs('x-rate-limit-reset');
  if (reset !== undefined) return reset;
  const after = h['retry-after'];
  return after && /^\d+$/.test(after) ? now + Number(after) * 1000 : undefined;
}

const hhmmss = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

function says(err: XHttpError): string {
  const p = err.problem;
  const text = [p.title, p.detail].filter(Boolean).join(': ');
  return text ? ` — X says: ${text}` : '';
}

/** A failed request that retrying will not fix, as the error the user sees. */
export function httpFailure(err: XHttpError, what: string, tokenVar: string): Error {
  switch (err.status) {
    case 401:
      return new NetworkError(
        `the X API rejected the bearer token from ${tokenVar} (401 Unauthorized): it is invalid, expired or revoked — ` +
          'generate a new one in the X developer portal (your app → Keys and tokens)',
      );
    case 403:
      return new NetworkError(
        `the X API refused ${what} (403 Forbidden${err.problem.reason ? `, ${err.problem.reason}` : ''}): ` +
          "your app's access tier does not include this endpoint, or the app is not attached to a Project — " +
          `check your plan in the X developer portal${says(err)}`,
      );
    case 400:
      return new InputError(`the X API rejected ${what} (400 Bad Request)${says(err)}`);
    case 404:
      return new NetworkError(`the X API has no ${what} (404 Not Found): is the API base URL right?${says(err)}`);
    default:
      return new NetworkError(`${what} failed with HTTP ${err.status}${says(err)}`);
  }
}

/** One GET with the house rules for waiting and retrying. `what` names it in messages. */
export async function request(t: XTransport, path: string, query: Record<string, string>, policy: RetryPolicy, what: string): Promise<XResponse> {
  const sleep = policy.sleep ?? realSleep;
  const maxWaits = policy.maxRateLimitWaits ?? 10;
  let failures = 0;
  let waits = 0;
  const started = Date.now();
  for (;;) {
    let retryable: string;
    try {
      return await t.get(path, query);
    } catch (err) {
      if (err instanceof XHttpError && err.status === 429) {
        const reset = rateLimitReset(err.headers);
        if (!policy.wait) {
          const when = reset ? `; it resets at ${hhmmss(reset)} (in ${clock(Math.max(0, reset - Date.now()))})` : '';
          throw new NetworkError(`X API rate limit reached for ${what}${when}. Run again then, or without --no-wait to wait for it`);
        }
        if (++waits > maxWaits) throw new NetworkError(`X API rate limit reached for ${what} and still in force after ${maxWaits} waits; try again later`);
        const now = Date.now();
        // A little past the reset second, so the first request after it is not early.
        const until = reset && reset > now ? reset + 250 : now + Math.min(policy.capMs, policy.baseMs * 2 ** (waits - 1));
        policy.progress.debug(`rate limited on ${what}; waiting until ${hhmmss(until)}`);
        await policy.progress.countdown(until, `rate limited by X until ${hhmmss(until).slice(11)} on ${what} (--no-wait exits instead)`);
        continue;
      }
      if (err instanceof XHttpError && err.status >= 500) retryable = `HTTP ${err.status}${err.problem.title ? ` ${err.problem.title}` : ''}`;
      else if (err instanceof XHttpError) throw httpFailure(err, what, policy.tokenVar);
      else if (err instanceof XTransportError && err.code === 'ENOTJSON') throw new NetworkError(`${what}: ${err.message}`);
      else if (err instanceof XTransportError) retryable = err.message;
      else throw err;
    }
    if (failures >= policy.retries) {
      const secs = Math.round((Date.now() - started) / 1000);
      const where = retryable.startsWith('HTTP') ? 'the X API kept failing' : `cannot reach the X API at ${t.base}`;
      throw new NetworkError(`${where} for ${what}: ${retryable} (${failures + 1} attempts over ${secs} s); try again later`);
    }
    const delay = Math.min(policy.capMs, policy.baseMs * 2 ** failures);
    failures++;
    policy.progress.debug(`${what}: ${retryable}; retry ${failures}/${policy.retries} in ${delay} ms`);
    policy.progress.status(`${what}: ${retryable}; retrying in ${clock(delay)}`);
    await sleep(delay);
  }
}

export interface XUser {
  id: string;
  username: string;
  name?: string;
}

/** X's rule for usernames. */
export const HANDLE_RE = /^[A-Za-z0-9_]{1,15}$/;

export function parseHandle(raw: string): string {
  const h = raw.trim().replace(/^@/, '');
  if (!HANDLE_RE.test(h)) throw new InputError(`${raw}: not an X handle (1–15 letters, digits or _)`);
  return h;
}

/** GET /2/users/by/username/:username — once per run. An unknown handle is an input error naming it. */
export async function resolveUser(t: XTransport, handle: string, policy: RetryPolicy): Promise<XUser> {
  const res = await request(t, `users/by/username/${encodeURIComponent(handle)}`, { 'user.fields': USER_FIELDS }, policy, `the lookup of @${handle}`);
  const body = isObj(res.data) ? res.data : {};
  const user = isObj(body.data) ? body.data : undefined;
  if (user && typeof user.id === 'string' && /^\d+$/.test(user.id)) {
    return { id: user.id, username: typeof user.username === 'string' ? user.username : handle, name: typeof user.name === 'string' ? user.name : undefined };
  }
  const first = Array.isArray(body.errors) && isObj(body.errors[0]) ? body.errors[0] : undefined;
  if (first) {
    const detail = t.scrub(String(first.detail ?? first.title ?? 'unknown error'));
    if (String(first.type ?? '').endsWith('/resource-not-found') || /could not find/i.test(detail)) {
      throw new InputError(`@${handle}: no such account on X`);
    }
    throw new InputError(`@${handle}: ${detail}`);
  }
  throw new NetworkError(`the lookup of @${handle} returned neither a user nor an error (is the API base URL right?)`);
}

/** One paging pass: newest first from `untilId` (or now) down to `sinceId`/`startTime` (or as far as the API goes). */
export interface PassSpec {
  endpoint: Endpoint;
  userId: string;
  sinceId?: string;
  untilId?: string;
  startTime?: string;
  /** Stop once this many tweets have arrived (pages are requested no bigger than needed, but at least PAGE_MIN). */
  limit?: number;
}

export interface FetchedPage {
  /** The response body exactly as the API sent it. */
  body: Json;
  path: string;
  params: Record<string, string>;
  /** 0 for the pass's first page. */
  seq: number;
  retrievedAt: string;
  /** Tweets in `data`. */
  count: number;
  nextToken?: string;
}

export function pathFor(endpoint: Endpoint, userId: string): string {
  return `users/${userId}/${endpoint}`;
}

export function queryFor(spec: PassSpec, maxResults: number, paginationToken?: string): Record<string, string> {
  const q: Record<string, string> = { max_results: String(maxResults) };
  if (spec.endpoint === 'tweets') q.exclude = 'retweets'; // replies kept
  q['tweet.fields'] = TWEET_FIELDS;
  q.expansions = spec.endpoint === 'mentions' ? MENTION_EXPANSIONS : EXPANSIONS;
  q['user.fields'] = USER_FIELDS;
  if (spec.sinceId) q.since_id = spec.sinceId;
  else if (spec.startTime) q.start_time = spec.startTime;
  if (spec.untilId) q.until_id = spec.untilId;
  if (paginationToken) q.pagination_token = paginationToken;
  return q;
}

/** Pages one pass; each page is yielded as soon as it arrives so the caller can store it before asking for the next. */
export async function* pagesOf(t: XTransport, spec: PassSpec, policy: RetryPolicy): AsyncGenerator<FetchedPage> {
  const path = pathFor(spec.endpoint, spec.userId);
  const what = `GET /2/${path}`;
  let token: string | undefined;
  let got = 0;
  for (let seq = 0; ; seq++) {
    const remaining = spec.limit === undefined ? PAGE_MAX : spec.limit - got;
    if (remaining <= 0) return;
    const params = queryFor(spec, Math.max(PAGE_MIN, Math.min(PAGE_MAX, remaining)), token);
    const res = await request(t, path, params, policy, what);
    const body = isObj(res.data) ? res.data : {};
    if (!Array.isArray(body.data) && !isObj(body.meta) && Array.isArray(body.errors) && isObj(body.errors[0])) {
      // No tweets and no paging info, only an error: the timeline itself is off limits (protected, suspended).
      const e = body.errors[0];
      throw new InputError(`the X API will not list ${spec.endpoint} of user ${spec.userId}: ${t.scrub(String(e.detail ?? e.title ?? 'unknown error'))}`);
    }
    const count = Array.isArray(body.data) ? body.data.length : 0;
    const meta = isObj(body.meta) ? body.meta : {};
    const next = typeof meta.next_token === 'string' && meta.next_token ? meta.next_token : undefined;
    got += count;
    yield { body, path, params, seq, retrievedAt: new Date().toISOString(), count, nextToken: next };
    if (!next) return;
    if (next === token) throw new NetworkError(`${what}: the API returned the same next_token twice; paging stopped`);
    token = next;
  }
}
