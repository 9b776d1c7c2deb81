// Live audits end to end: the built binary (`node bin/feedhealth.js`, run `npx tsc -p .`
// first) against the fake X API v2 on 127.0.0.1, with a throwaway cache per test.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeXApi, seedBrand, type Seeded } from './helpers/fake-x-api.js';

const ROOT = process.cwd();
const BIN = join(ROOT, 'bin', 'feedhealth.js');
const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAE2eFakeFakeFake%3DliveToken9876543210qwerty';

let api: FakeXApi;
let base: string;
let some: Seeded;
const scratch = mkdtempSync(join(tmpdir(), 'fh-cli-'));
/** Every stdout and stderr any run produced: checked for the token at the end. */
const seen: string[] = [];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let dirs = 0;
const freshDir = (name = 'cache') => join(scratch, `${name}-${++dirs}`);

function start(args: string[], env: Record<string, string | undefined> = {}): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: scratch,
    env: {
      PATH: process.env.PATH,
      HOME: scratch,
      FORCE_COLOR: '0',
      X_BEARER_TOKEN: TOKEN,
      X_API_BASE_URL: base,
      FEEDHEALTH_RETRY_BASE_MS: '5',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code, signal) => {
      seen.push(stdout, stderr);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

const run = (args: string[], env: Record<string, string | undefined> = {}) => start(args, env).done;

/** The report minus where it came from (a live audit names @handle, a file audit the file). */
const sameReport = (json: string) => {
  const r = JSON.parse(json);
  delete r.source.file;
  return r;
};

const logOf = (cache: string, handle: string) => join(cache, 'timelines', handle.toLowerCase(), 'pages.jsonl');
const storedLines = (cache: string, handle: string) => readFileSync(logOf(cache, handle), 'utf8').split('\n').filter(Boolean);

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'dist', 'cli.js')), 'build first: npx tsc -p .').toBe(true);
  api = new FakeXApi(TOKEN);
  some = seedBrand(api, { id: '9000101', username: 'SomeBrand', count: 240, seed: 11 });
  base = await api.start();
});

afterEach(() => {
  api.onRequest = undefined;
  api.latencyMs = 0;
  api.requests.length = 0;
});

afterAll(async () => {
  await api.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('feedhealth audit @handle / fetch @handle', () => {
  it('without a token exits 2, naming the variable and where a token comes from', async () => {
    const r = await run(['audit', '@somebrand'], { X_BEARER_TOKEN: undefined, FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/X_BEARER_TOKEN/);
    expect(r.stderr).toMatch(/X developer portal/);
    expect(api.requests).toHaveLength(0);
  });

  it('gives the same report live as fetch followed by audit <file>', async () => {
    const live = await run(['audit', '@somebrand', '--json'], { FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(live.stderr).toBe('');
    expect(live.code).toBe(0);
    const file = join(scratch, 'somebrand.jsonl');
    const fetched = await run(['fetch', '@somebrand', '-o', file], { FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(fetched).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const offline = await run(['audit', file, '--json'], { X_BEARER_TOKEN: undefined, X_API_BASE_URL: 'http://127.0.0.1:9' });
    expect(offline.code).toBe(0);

    const report = JSON.parse(live.stdout);
    expect(report.source.file).toBe('@SomeBrand');
    expect(report.handle).toBe('SomeBrand');
    expect(report.counts.tweets).toBe(some.own.length);
    expect(report.counts.replies).toBeGreaterThan(100);
    expect(sameReport(offline.stdout)).toEqual(sameReport(live.stdout));
  });

  it('fetch without -o prints JSONL pages with retrieval metadata on stdout, and stays quiet on stderr', async () => {
    const r = await run(['fetch', 'SomeBrand', '--limit', '150'], { FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const pages = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(pages.map((p) => p.meta.result_count)).toEqual([100, 50]);
    expect(pages[0].__feedhealth).toMatchObject({
      endpoint: '/2/users/9000101/tweets',
      user: { id: '9000101', username: 'SomeBrand' },
      params: { max_results: '100', exclude: 'retweets' },
      sync: { pass: 0, page: 0 },
    });
    expect(pages[1].__feedhealth.params.pagination_token).toBe(pages[0].meta.next_token);
    expect(Date.parse(pages[0].__feedhealth.retrievedAt)).not.toBeNaN();
  });

  it('syncs incrementally: the next run makes exactly one timeline request, with since_id, and audits the union', async () => {
    const grow = seedBrand(api, { id: '9000202', username: 'GrowBrand', count: 120, seed: 5 });
    const cache = freshDir();
    const first = await run(['audit', '@GrowBrand', '--json'], { FEEDHEALTH_CACHE_DIR: cache });
    expect(first.code).toBe(0);
    const newest = grow.own[0];
    const added = grow.add(6);
    api.requests.length = 0;

    const second = await run(['audit', '@GrowBrand', '--json'], { FEEDHEALTH_CACHE_DIR: cache });
    expect(second.code).toBe(0);
    const timeline = api.of('tweets');
    expect(timeline).toHaveLength(1);
    expect(timeline[0].query.since_id).toBe(newest);
    expect(JSON.parse(second.stdout).counts.tweets).toBe(JSON.parse(first.stdout).counts.tweets + added.length);

    const fresh = await run(['audit', '@GrowBrand', '--json'], { FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(sameReport(second.stdout)).toEqual(sameReport(fresh.stdout));
  });

  it('--refresh ignores the cache and fetches everything again', async () => {
    const cache = freshDir();
    await run(['fetch', '@somebrand', '--limit', '100'], { FEEDHEALTH_CACHE_DIR: cache });
    api.requests.length = 0;
    const r = await run(['fetch', '@somebrand', '--refresh', '--limit', '100'], { FEEDHEALTH_CACHE_DIR: cache });
    expect(r.code).toBe(0);
    expect(api.of('tweets').map((q) => q.query.since_id ?? null)).toEqual([null]);
    expect(storedLines(cache, 'somebrand')).toHaveLength(1);
  });

  it('fetch --limit prints the pages holding that window, whatever more the cache holds from earlier runs', async () => {
    const cache = freshDir();
    const all = await run(['fetch', '@somebrand'], { FEEDHEALTH_CACHE_DIR: cache });
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(Math.ceil(some.own.length / 100));
    const r = await run(['fetch', '@somebrand', '--limit', '10'], { FEEDHEALTH_CACHE_DIR: cache });
    expect(r.code).toBe(0);
    const pages = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(pages).toHaveLength(1);
    expect(pages[0].data.map((t: { id: string }) => t.id).slice(0, 10)).toEqual(some.own.slice(0, 10));
    // The same window as a live audit of it.
    const file = join(scratch, 'ten.jsonl');
    writeFileSync(file, r.stdout);
    const offline = await run(['audit', file, '--limit', '10', '--json'], { X_BEARER_TOKEN: undefined });
    const live = await run(['audit', '@somebrand', '--limit', '10', '--json'], { FEEDHEALTH_CACHE_DIR: cache });
    expect(sameReport(offline.stdout)).toEqual(sameReport(live.stdout));
  });

  it('--refresh with --limit fetches that window again and keeps the older pages it did not cover', async () => {
    const cache = freshDir();
    const full = await run(['audit', '@somebrand', '--json'], { FEEDHEALTH_CACHE_DIR: cache });
    const before = storedLines(cache, 'somebrand');
    expect(before).toHaveLength(Math.ceil(some.own.length / 100));
    api.requests.length = 0;
    const r = await run(['audit', '@somebrand', '--refresh', '--limit', '10', '--json'], { FEEDHEALTH_CACHE_DIR: cache });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).counts.tweets).toBe(10);
    expect(api.of('tweets').map((q) => q.query.since_id ?? null)).toEqual([null]);
    // The newest page held more than the ten fetched again, so it stays, as do the older ones.
    expect(storedLines(cache, 'somebrand')).toEqual([...before, expect.any(String)]);
    const after = await run(['audit', '@somebrand', '--json'], { FEEDHEALTH_CACHE_DIR: cache });
    expect(sameReport(after.stdout)).toEqual(sameReport(full.stdout));
  });

  it('resumes a run killed mid-fetch: pages already stored are kept and only the rest is fetched', async () => {
    const kill = seedBrand(api, { id: '9000303', username: 'KillBrand', count: 380, seed: 3 });
    const cache = freshDir();
    let timelineCalls = 0;
    api.onRequest = (r) => (r.kind === 'tweets' && ++timelineCalls === 3 ? 'stall' : undefined);
    const { child, done } = start(['audit', '@KillBrand', '--json'], { FEEDHEALTH_CACHE_DIR: cache });
    await api.waitFor((r) => r.kind === 'tweets' && api.of('tweets').length === 3); // page 3 asked for, and stalled
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const kept = storedLines(cache, 'KillBrand').map((l) => JSON.parse(l));
    expect(kept).toHaveLength(2);
    expect(kept.flatMap((p) => p.data.map((t: { id: string }) => t.id))).toEqual(kill.own.slice(0, 200));

    api.onRequest = undefined;
    api.requests.length = 0;
    const resumed = await run(['audit', '@KillBrand', '--json'], { FEEDHEALTH_CACHE_DIR: cache });
    expect(resumed.code).toBe(0);
    const q = api.of('tweets').map((r) => r.query);
    expect(q[0].since_id).toBe(kill.own[0]); // anything newer
    expect(q[1].until_id).toBe(kill.own[199]); // the rest of the backfill, below the oldest stored
    expect(q.slice(1).every((x) => x.until_id === kill.own[199] && !x.since_id)).toBe(true);
    expect(q).toHaveLength(1 + Math.ceil((kill.own.length - 200) / 100));
    expect(JSON.parse(resumed.stdout).counts.tweets).toBe(kill.own.length);

    const clean = await run(['audit', '@KillBrand', '--json'], { FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(sameReport(resumed.stdout)).toEqual(sameReport(clean.stdout));
  });

  it('keeps what it fetched when a rate limit stops a --no-wait run (exit 3 with the reset time)', async () => {
    const cache = freshDir();
    const reset = Math.floor(Date.now() / 1000) + 900;
    api.onRequest = (r) =>
      r.kind === 'tweets' && r.query.pagination_token ? { status: 429, body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) } } : undefined;
    const r = await run(['audit', '@somebrand', '--no-wait'], { FEEDHEALTH_CACHE_DIR: cache });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`resets at ${new Date(reset * 1000).toISOString().replace(/\.\d+Z$/, 'Z')}`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(storedLines(cache, 'somebrand')).toHaveLength(1);
  });

  it('lets two concurrent runs take turns without corrupting the store', async () => {
    const cache = freshDir();
    api.latencyMs = 120; // each run takes over half a second: the two surely overlap
    const [a, b] = await Promise.all([run(['audit', '@somebrand', '--json'], { FEEDHEALTH_CACHE_DIR: cache }), run(['audit', '@somebrand', '--json'], { FEEDHEALTH_CACHE_DIR: cache })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(sameReport(a.stdout)).toEqual(sameReport(b.stdout));
    const lines = storedLines(cache, 'somebrand');
    expect(() => lines.forEach((l) => JSON.parse(l))).not.toThrow();
    const pages = Math.ceil(some.own.length / 100);
    // one full sync, then — after the lock is free — the other run's single since_id check
    expect(api.requests.map((r) => r.kind)).toEqual(['lookup', ...Array(pages).fill('tweets'), 'lookup', 'tweets']);
    expect(api.requests.at(-1)!.query.since_id).toBe(some.own[0]);
    expect(lines).toHaveLength(pages + 1);
    expect(existsSync(join(cache, 'timelines', 'somebrand', 'lock'))).toBe(false);
  });

  it('with --mentions also pages /mentions, kept as context (the report counts the same tweets)', async () => {
    const r = await run(['fetch', '@somebrand', '--mentions'], { FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(r.code).toBe(0);
    const endpoints = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).__feedhealth.endpoint);
    expect(endpoints).toContain('/2/users/9000101/mentions');
    expect(api.of('mentions')[0].query.exclude).toBeUndefined();
    const live = await run(['audit', '@somebrand', '--mentions', '--json'], { FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(JSON.parse(live.stdout).counts.tweets).toBe(some.own.length);
  });

  it('names a handle that does not exist (exit 2)', async () => {
    const r = await run(['audit', '@NoSuchBrand'], { FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('feedhealth: @NoSuchBrand: no such account on X\n');
  });

  it('exits 3 on a rejected token (401), without retrying', async () => {
    const r = await run(['fetch', '@somebrand'], { X_BEARER_TOKEN: undefined, TWITTER_BEARER_TOKEN: 'wrong-token-123456', FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^feedhealth: the X API rejected the bearer token from TWITTER_BEARER_TOKEN \(401 Unauthorized\)/);
    expect(api.requests).toHaveLength(1);
  });

  it('exits 3 on a 403, and when 5xx persist after retries', async () => {
    api.onRequest = (r) => (r.kind === 'tweets' ? { status: 403, body: { title: 'Forbidden', detail: `not for ${TOKEN}` } } : undefined);
    const forbidden = await run(['--debug', 'audit', '@somebrand'], { FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(forbidden.code).toBe(3);
    expect(forbidden.stderr).toMatch(/access tier does not include this endpoint/);
    expect(forbidden.stderr).toMatch(/debug: GET http:\/\/127\.0\.0\.1:\d+\/2\/users\/9000101\/tweets\?max_results=100/);
    expect(forbidden.stderr).toContain('[redacted]');
    api.onRequest = (r) => (r.kind === 'tweets' ? { status: 503, body: { title: 'Service Unavailable' } } : undefined);
    const down = await run(['audit', '@somebrand'], { FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/kept failing .*HTTP 503 Service Unavailable \(6 attempts/);
  });

  it('never lets the token appear in stdout, stderr or the cache', async () => {
    const r = await run(['--debug', 'fetch', '@somebrand', '--mentions', '-o', join(scratch, 'debug.jsonl')], { FEEDHEALTH_CACHE_DIR: freshDir() });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/debug: GET /);
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(scratch);
    expect(files.some((f) => f.endsWith('pages.jsonl'))).toBe(true);
    for (const text of [...seen, ...files.map((f) => readFileSync(f, 'utf8'))]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(encodeURIComponent(TOKEN));
    }
  });
});
