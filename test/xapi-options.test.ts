// The small pure rules of live audits: token and base URL from the environment, rate-limit
// resets, scrubbing, --since/--limit, and progress staying off a non-terminal.
import { describe, expect, it } from 'vitest';
import { apiBaseFrom, scrubber, tokenFromEnv } from '../src/xapi/client.js';
import { httpFailure, parseHandle, rateLimitReset } from '../src/xapi/timeline.js';
import { XHttpError } from '../src/xapi/client.js';
import { Progress, clock } from '../src/progress.js';
import { parseLimit, parseSince, windowTimeline } from '../src/sources/window.js';
import type { Timeline, Tweet } from '../src/model.js';

describe('the token', () => {
  it('comes from X_BEARER_TOKEN, else TWITTER_BEARER_TOKEN', () => {
    expect(tokenFromEnv({ X_BEARER_TOKEN: 'a1', TWITTER_BEARER_TOKEN: 'b2' })).toEqual({ value: 'a1', variable: 'X_BEARER_TOKEN' });
    expect(tokenFromEnv({ TWITTER_BEARER_TOKEN: ' b2 ' })).toEqual({ value: 'b2', variable: 'TWITTER_BEARER_TOKEN' });
  });

  it('when missing is an input error naming the variable and the X developer portal', () => {
    expect(() => tokenFromEnv({ X_BEARER_TOKEN: '' })).toThrow(/set X_BEARER_TOKEN .*X developer portal/);
    try {
      tokenFromEnv({});
    } catch (err) {
      expect((err as { exitCode: number }).exitCode).toBe(2);
    }
  });

  it('is scrubbed from text raw, URL-encoded and JSON-escaped', () => {
    const scrub = scrubber(['abc/def+ghi=']);
    expect(scrub('Bearer abc/def+ghi= and abc%2Fdef%2Bghi%3D and "abc/def+ghi="')).toBe('Bearer [redacted] and [redacted] and "[redacted]"');
  });
});

describe('the API base URL', () => {
  it('defaults to https://api.x.com; --api-base wins over X_API_BASE_URL', () => {
    expect(apiBaseFrom(undefined, {})).toBe('https://api.x.com');
    expect(apiBaseFrom(undefined, { X_API_BASE_URL: 'http://127.0.0.1:8080/' })).toBe('http://127.0.0.1:8080');
    expect(apiBaseFrom('http://127.0.0.1:9/2/', { X_API_BASE_URL: 'http://127.0.0.1:8080' })).toBe('http://127.0.0.1:9');
    expect(apiBaseFrom('https://proxy.example/x-api', {})).toBe('https://proxy.example/x-api');
  });

  it('rejects what is not an http(s) URL, naming the flag or variable', () => {
    expect(() => apiBaseFrom('ftp://x', {})).toThrow(/--api-base: only http/);
    expect(() => apiBaseFrom(undefined, { X_API_BASE_URL: 'localhost' })).toThrow(/X_API_BASE_URL: not a URL/);
  });
});

describe('handles', () => {
  it('take an optional @ and follow X rules', () => {
    expect(parseHandle('@Acme_Care')).toBe('Acme_Care');
    expect(() => parseHandle('@way_too_long_for_x_rules')).toThrow(/not an X handle/);
    expect(() => parseHandle('a b')).toThrow(/not an X handle/);
  });
});

describe('rate limits', () => {
  it('wait for the latest reset among the exhausted limits', () => {
    expect(rateLimitReset({ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1000' })).toBe(1_000_000);
    expect(
      rateLimitReset({ 'x-rate-limit-remaining': '5', 'x-rate-limit-reset': '1000', 'x-app-limit-24hour-remaining': '0', 'x-app-limit-24hour-reset': '5000' }),
    ).toBe(5_000_000);
    expect(rateLimitReset({ 'retry-after': '7' }, 1_000)).toBe(8_000);
    expect(rateLimitReset({})).toBeUndefined();
  });

  it('are counted down as m:ss', () => {
    expect(clock(75_000)).toBe('1:15');
    expect(clock(3_700_000)).toBe('1:01:40');
    expect(clock(1)).toBe('0:01');
  });
});

describe('API refusals', () => {
  const err = (status: number, problem = {}) => httpFailure(new XHttpError(status, {}, problem), 'GET /2/users/1/tweets', 'X_BEARER_TOKEN');
  it('401 blames the token, 403 the access tier (exit 3); 400 is an input error (exit 2)', () => {
    expect(err(401).message).toMatch(/X_BEARER_TOKEN \(401 Unauthorized\): it is invalid, expired or revoked/);
    expect(err(403).message).toMatch(/access tier does not include this endpoint/);
    expect((err(403) as { exitCode?: number }).exitCode).toBe(3);
    expect((err(400, { detail: 'bad since_id' }) as { exitCode?: number }).exitCode).toBe(2);
    expect(err(400, { detail: 'bad since_id' }).message).toContain('bad since_id');
  });
});

describe('--since and --limit', () => {
  it('--since takes a day or an ISO time, in the API form', () => {
    expect(parseSince('2024-05-01')).toEqual({ iso: '2024-05-01T00:00:00Z', ms: Date.parse('2024-05-01T00:00:00Z') });
    expect(parseSince('2024-05-01T12:30:45.678+02:00').iso).toBe('2024-05-01T10:30:45Z');
    // A time without an offset is UTC, like a date alone — not the zone of the machine running it.
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(parseSince('2024-05-01T12:30').iso).toBe('2024-05-01T12:30:00Z');
      expect(parseSince('2024-05-01T12:30:00-0500').iso).toBe('2024-05-01T17:30:00Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(() => parseSince('yesterday')).toThrow(/--since: not a date/);
    expect(() => parseSince('2999-01-01')).toThrow(/in the future/);
  });

  it('--limit is a whole number of tweets', () => {
    expect(parseLimit('200')).toBe(200);
    expect(() => parseLimit('0')).toThrow(/--limit/);
    expect(() => parseLimit('1e3')).toThrow(/--limit/);
  });

  const tw = (id: string, day: number, author = 'b'): Tweet => ({ id, text: id, createdAt: `2024-01-${String(day).padStart(2, '0')}T00:00:00.000Z`, authorId: author });
  const tl: Timeline = { tweets: [tw('5', 5), tw('4', 4), tw('3', 3), tw('2', 2), tw('9', 9, 'customer')], context: [], format: 'v2', owners: [{ id: 'b' }] };

  it("keep the brand's newest tweets since the date; the rest become context, other authors stay", () => {
    const w = windowTimeline(tl, [{ id: 'b' }], { sinceMs: Date.parse('2024-01-03T00:00:00Z'), limit: 2 });
    expect(w.tweets.map((t) => t.id)).toEqual(['5', '4', '9']);
    expect(w.context.map((t) => t.id)).toEqual(['3', '2']);
    expect(windowTimeline(tl, [{ id: 'b' }], {})).toBe(tl);
  });
});

describe('progress', () => {
  it('writes nothing when stderr is not a terminal', async () => {
    const out: string[] = [];
    const p = new Progress({ isTTY: false, write: (s) => (out.push(s), true) });
    p.status('1 page');
    p.note('done');
    await p.countdown(Date.now() + 30, 'rate limited');
    expect(out).toEqual([]);
  });

  it('on a terminal rewrites one status line and counts a wait down', async () => {
    const out: string[] = [];
    const p = new Progress({ isTTY: true, columns: 80, write: (s) => (out.push(s), true) });
    p.status('@acme: 1 page, 100 tweets fetched');
    await p.countdown(Date.now() + 1500, 'rate limited by X');
    expect(out[0]).toBe('\r\x1b[K@acme: 1 page, 100 tweets fetched');
    expect(out.filter((s) => s.includes('waiting 0:0'))).toHaveLength(2);
    expect(out.at(-1)).toBe('\r\x1b[K');
  });

  it('cuts a status line wider than the terminal with an ellipsis, never inside an emoji', () => {
    const out: string[] = [];
    const p = new Progress({ isTTY: true, columns: 21, write: (s) => (out.push(s), true) });
    p.status(`pages.jsonl ${'😀'.repeat(20)}`);
    expect(out[0]).toBe(`\r\x1b[Kpages.jsonl ${'😀'.repeat(7)}…`);
  });

  it('prints --debug traces whatever stderr is', () => {
    const out: string[] = [];
    new Progress({ isTTY: false, write: (s) => (out.push(s), true) }, { debug: true }).debug('GET /2/users/1/tweets → 200');
    expect(out).toEqual(['debug: GET /2/users/1/tweets → 200\n']);
  });
});
