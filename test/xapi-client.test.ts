// The X API client and paging loop, driven for real (twitter-api-v2 over loopback HTTP)
// against the fake X API v2 server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeXApi, seedBrand, type Seeded } from './helpers/fake-x-api.js';
import { createClient, type XTransport } from '../src/xapi/client.js';
import { EXPANSIONS, pagesOf, resolveUser, TWEET_FIELDS, type FetchedPage, type RetryPolicy } from '../src/xapi/timeline.js';
import { Progress } from '../src/progress.js';
import { syncHandle, liveRequest } from '../src/xapi/sync.js';
import { InputError, NetworkError } from '../src/errors.js';
import { parseV2 } from '../src/sources/v2-json.js';

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAFakeBearerToken%2Fwith%2Bodd%3Dchars0123456789';
const quiet = { isTTY: false, write: () => true };

let api: FakeXApi;
let base: string;
let brand: Seeded;
let client: XTransport;

const policy = (over: Partial<RetryPolicy> = {}): RetryPolicy => ({
  wait: true,
  retries: 5,
  baseMs: 5,
  capMs: 40,
  tokenVar: 'X_BEARER_TOKEN',
  progress: new Progress(quiet),
  ...over,
});

async function collect(spec: Parameters<typeof pagesOf>[1], p = policy()): Promise<FetchedPage[]> {
  const out: FetchedPage[] = [];
  for await (const page of pagesOf(client, spec, p)) out.push(page);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<Error & { exitCode?: number }> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  api = new FakeXApi(TOKEN);
  brand = seedBrand(api, { id: '9000001', username: 'SomeBrand', count: 230 });
  base = await api.start();
  client = await createClient({ token: { value: TOKEN, variable: 'X_BEARER_TOKEN' }, base });
});

afterAll(async () => {
  client.close();
  await api.stop();
});

afterEach(() => {
  api.onRequest = undefined;
  api.requests.length = 0;
});

describe('the X API client', () => {
  it('sends requests to a plain http:// base URL with the bearer token', async () => {
    const user = await resolveUser(client, '@SomeBrand'.slice(1), policy());
    expect(user).toEqual({ id: '9000001', username: 'SomeBrand', name: 'SomeBrand Support' });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0].path).toBe('/2/users/by/username/SomeBrand');
    expect(api.requests[0].authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('pages the whole timeline with explicit pagination tokens, 100 at a time, retweets excluded', async () => {
    const pages = await collect({ endpoint: 'tweets', userId: brand.brand.id });
    const ids = pages.flatMap((p) => (p.body.data as { id: string }[]).map((t) => t.id));
    expect(ids).toEqual(brand.own);
    expect(pages.length).toBe(Math.ceil(brand.own.length / 100));
    const reqs = api.of('tweets');
    expect(reqs).toHaveLength(pages.length);
    expect(api.requests.every((r) => r.kind === 'tweets')).toBe(true); // no per-tweet calls
    expect(reqs[0].query).toEqual({
      max_results: '100',
      exclude: 'retweets',
      'tweet.fields': TWEET_FIELDS,
      expansions: EXPANSIONS,
      'user.fields': 'username,public_metrics',
    });
    expect(reqs[1].query.pagination_token).toBe((pages[0].body.meta as { next_token: string }).next_token);
    expect(pages.at(-1)!.nextToken).toBeUndefined();
  });

  it('gets the answered tweets and their authors in the same responses (expansions)', async () => {
    const pages = await collect({ endpoint: 'tweets', userId: brand.brand.id });
    const tl = parseV2(pages.map((p) => JSON.stringify(p.body)).join('\n'), 'pages');
    const replies = tl.tweets.filter((t) => t.inReplyToId && t.inReplyToUserId !== brand.brand.id);
    expect(replies.length).toBeGreaterThan(50);
    const answered = replies.filter((r) => tl.context.some((c) => c.id === r.inReplyToId && c.authorHandle?.startsWith('customer_')));
    // all but the few whose customer tweet was deleted (reported in the page's `errors`)
    expect(answered.length).toBeGreaterThanOrEqual(replies.length - 5);
    expect(pages.some((p) => Array.isArray(p.body.errors))).toBe(true);
  });

  it('stops early at --limit, asking for no bigger a page than needed', async () => {
    const pages = await collect({ endpoint: 'tweets', userId: brand.brand.id, limit: 130 });
    expect(pages.map((p) => p.count)).toEqual([100, 30]);
    expect(api.of('tweets').map((r) => r.query.max_results)).toEqual(['100', '30']);
  });

  it('waits for x-rate-limit-reset after a 429, then carries on', async () => {
    let limited = false;
    let resetAt = 0;
    api.onRequest = (r) => {
      if (r.kind !== 'tweets' || !r.query.pagination_token || limited) return undefined;
      limited = true;
      resetAt = Math.floor(Date.now() / 1000) + 2; // 1–2 s ahead
      return {
        status: 429,
        body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
        headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(resetAt) },
      };
    };
    const pages = await collect({ endpoint: 'tweets', userId: brand.brand.id });
    const reqs = api.of('tweets');
    expect(pages.length).toBe(Math.ceil(brand.own.length / 100));
    expect(reqs).toHaveLength(pages.length + 1);
    const retried = reqs.findIndex((r, i) => i > 0 && r.query.pagination_token === reqs[i - 1].query.pagination_token);
    expect(retried).toBe(2);
    expect(Date.now()).toBeGreaterThanOrEqual(resetAt * 1000);
  });

  it('with --no-wait fails with exit 3 and the reset time instead of waiting', async () => {
    const reset = Math.floor(Date.now() / 1000) + 600;
    api.onRequest = (r) => (r.kind === 'tweets' ? { status: 429, body: { title: 'Too Many Requests' }, headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) } } : undefined);
    const err = await failure(collect({ endpoint: 'tweets', userId: brand.brand.id }, policy({ wait: false })));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.exitCode).toBe(3);
    expect(err.message).toContain(new Date(reset * 1000).toISOString().replace(/\.\d+Z$/, 'Z'));
    expect(err.message).toContain('--no-wait');
  });

  it('retries a 5xx with backoff and then succeeds', async () => {
    let fails = 2;
    api.onRequest = (r) => (r.kind === 'tweets' && fails-- > 0 ? { status: 503, body: { title: 'Service Unavailable', detail: 'over capacity', type: 'about:blank', status: 503 } } : undefined);
    const pages = await collect({ endpoint: 'tweets', userId: brand.brand.id, limit: 100 });
    expect(pages).toHaveLength(1);
    expect(api.of('tweets')).toHaveLength(3);
  });

  it('gives up on a 5xx that persists: exit 3, naming the status and the attempts', async () => {
    api.onRequest = (r) => (r.kind === 'tweets' ? { status: 502, body: { title: 'Bad Gateway' } } : undefined);
    const err = await failure(collect({ endpoint: 'tweets', userId: brand.brand.id }));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toMatch(/kept failing .*HTTP 502.*6 attempts/);
    expect(api.of('tweets')).toHaveLength(6);
  });

  it('retries a dropped connection, and names the failure when it persists', async () => {
    const dead = await createClient({ token: { value: TOKEN, variable: 'X_BEARER_TOKEN' }, base: 'http://127.0.0.1:9' });
    const err = await failure(resolveUser(dead, 'SomeBrand', policy()));
    dead.close();
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toContain('cannot reach the X API at http://127.0.0.1:9');
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('on 401 names the token variable and says it is invalid or expired', async () => {
    const wrong = await createClient({ token: { value: 'not-the-token-1234', variable: 'TWITTER_BEARER_TOKEN' }, base });
    const err = await failure(resolveUser(wrong, 'SomeBrand', policy({ tokenVar: 'TWITTER_BEARER_TOKEN' })));
    wrong.close();
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(/TWITTER_BEARER_TOKEN \(401 Unauthorized\).*invalid, expired or revoked/);
    expect(api.requests).toHaveLength(1); // not retried
  });

  it('on 403 says the access tier lacks the endpoint', async () => {
    api.onRequest = (r) =>
      r.kind === 'tweets'
        ? { status: 403, body: { title: 'Client Forbidden', detail: 'This endpoint is not in your plan.', reason: 'client-not-enrolled', type: 'https://api.twitter.com/2/problems/client-forbidden' } }
        : undefined;
    const err = await failure(collect({ endpoint: 'tweets', userId: brand.brand.id }));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toMatch(/403 Forbidden, client-not-enrolled.*access tier does not include this endpoint/);
  });

  it('names a handle that does not exist (exit 2)', async () => {
    const err = await failure(resolveUser(client, 'NoSuchBrand', policy()));
    expect(err).toBeInstanceOf(InputError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe('@NoSuchBrand: no such account on X');
  });

  it('scrubs the token from anything the API echoes back', async () => {
    api.onRequest = (r) => ({ status: 403, body: { title: 'Forbidden', detail: `token ${TOKEN} / ${encodeURIComponent(TOKEN)} is not allowed` } });
    const err = await failure(resolveUser(client, 'SomeBrand', policy()));
    expect(err.message).toContain('[redacted]');
    expect(err.message).not.toContain(TOKEN);
    expect(err.message).not.toContain(encodeURIComponent(TOKEN));
  });
});

describe('a live sync into the cache (in process)', () => {
  it('stores every page with its retrieval metadata and no token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fh-sync-'));
    try {
      const env = { FEEDHEALTH_CACHE_DIR: dir, X_BEARER_TOKEN: TOKEN, X_API_BASE_URL: base, FEEDHEALTH_RETRY_BASE_MS: '5' };
      const res = await syncHandle(liveRequest('@somebrand', { mentions: true }), { env, stderr: quiet });
      expect(res.user.id).toBe('9000001');
      expect(res.held).toBe(brand.own.length);
      const log = readFileSync(join(dir, 'timelines', 'somebrand', 'pages.jsonl'), 'utf8');
      expect(log.trimEnd().split('\n')).toEqual(res.lines);
      expect(log).not.toContain(TOKEN);
      const metas = res.lines.map((l) => JSON.parse(l).__feedhealth);
      expect(new Set(metas.map((m) => m.endpoint))).toEqual(new Set(['/2/users/9000001/tweets', '/2/users/9000001/mentions']));
      for (const m of metas) {
        expect(m.user).toEqual({ id: '9000001', username: 'SomeBrand' });
        expect(Date.parse(m.retrievedAt)).not.toBeNaN();
        expect(m.params.max_results).toBe('100');
        expect(JSON.stringify(m.params)).not.toMatch(/token=|Bearer/);
      }
      // mentions are context: the timeline's own tweets are the brand's only
      const tl = parseV2(res.lines.join('\n'), '@SomeBrand');
      expect(tl.tweets.map((t) => t.id).sort()).toEqual([...brand.own].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for note_tweet, so a post over 280 characters is read whole, the brand\'s and the one it answers', async () => {
    const at = (m: number) => new Date(Date.parse('2024-03-02T10:00:00Z') + m * 60_000).toISOString();
    const metrics = { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0 };
    api.addUser({ id: '9000002', username: 'LongHelp', name: 'Long Help', followers: 500 });
    api.addUser({ id: '71', username: 'p1', name: 'P One', followers: 5 });
    const ask = '@LongHelp my parcel never came and the tracking page has said "out for delivery" since Tuesday. '.padEnd(300, '.') + ' Where is it?';
    const reply = '@p1 Sorry to hear your parcel never arrived. '.padEnd(300, '.') + " We've refunded the full amount to your card today.";
    const cut = (text: string) => `${text.slice(0, 270)}… https://t.co/Ab3dEf9hIj`;
    api.tweets.set('61', { id: '61', text: cut(ask), note_tweet: { text: ask }, created_at: at(0), author_id: '71', conversation_id: '61', public_metrics: metrics });
    api.tweets.set('62', { id: '62', text: cut(reply), note_tweet: { text: reply }, created_at: at(5), author_id: '9000002', conversation_id: '61', in_reply_to_user_id: '71', referenced_tweets: [{ type: 'replied_to', id: '61' }], public_metrics: metrics });
    api.timelines.set('9000002', ['62']);
    const dir = mkdtempSync(join(tmpdir(), 'fh-sync-'));
    try {
      const env = { FEEDHEALTH_CACHE_DIR: dir, X_BEARER_TOKEN: TOKEN, X_API_BASE_URL: base, FEEDHEALTH_RETRY_BASE_MS: '5' };
      const res = await syncHandle(liveRequest('@longhelp', {}), { env, stderr: quiet });
      expect(api.of('tweets').every((r) => r.query['tweet.fields'].split(',').includes('note_tweet'))).toBe(true);
      const tl = parseV2(res.lines.join('\n'), '@LongHelp');
      expect(tl.tweets.map((t) => t.text)).toEqual([reply]);
      expect(tl.context.map((t) => t.text)).toEqual([ask]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
