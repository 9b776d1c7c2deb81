// The cache: what stored pages prove (coverage), what to fetch next (gaps), the log's
// append/read rules, and the lock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { coverage, gaps, idFloorAt, pageFacts, type PageFacts } from '../src/store/coverage.js';
import { cacheRoot, TimelineStore } from '../src/store/cache.js';
import { acquireLock } from '../src/store/lock.js';

/** A stored page, as coverage sees it. */
function page(run: string, pass: number, seq: number, ids: number[], params: Record<string, string> = {}, next = true): PageFacts {
  return { userId: '1', endpoint: 'tweets', passKey: `${run}/tweets/${pass}`, seq, params, ids: ids.map(BigInt), hasNext: next };
}
const range = (hi: number, lo: number) => Array.from({ length: hi - lo + 1 }, (_, i) => hi - i);

describe('coverage and the fetch plan', () => {
  it('with nothing stored, fetches everything', () => {
    expect(gaps(coverage([]))).toEqual([{}]);
  });

  it('after a finished full sync, asks only for tweets newer than the newest held', () => {
    const full = [page('a', 0, 0, range(300, 201)), page('a', 0, 1, range(200, 101)), page('a', 0, 2, range(100, 51), {}, false)];
    expect(coverage(full)).toEqual([{ lo: 0n, hi: 300n }]);
    expect(gaps(coverage(full))).toEqual([{ sinceId: '300' }]);
  });

  it('after a run killed mid-fetch, asks for newer tweets and for the rest of the backfill (until_id)', () => {
    const killed = [page('a', 0, 0, range(300, 201)), page('a', 0, 1, range(200, 101))];
    expect(gaps(coverage(killed))).toEqual([{ sinceId: '300' }, { untilId: '101' }]);
    const resumed = [...killed, page('b', 0, 0, [], { since_id: '300' }, false), page('b', 1, 0, range(100, 51), { until_id: '101' }, false)];
    expect(coverage(resumed)).toEqual([{ lo: 0n, hi: 300n }]);
  });

  it('after an incremental run stopped by --limit, fills the hole it left between old and new', () => {
    const full = [page('a', 0, 0, range(300, 251), {}, false)];
    const limited = [page('b', 0, 0, range(500, 401), { since_id: '300' })];
    expect(gaps(coverage([...full, ...limited]))).toEqual([{ sinceId: '500' }, { sinceId: '300', untilId: '401' }]);
  });

  it('does not trust a hole where a page was lost', () => {
    const holed = [page('a', 0, 0, range(300, 201)), page('a', 0, 2, range(100, 51), {}, false)];
    expect(gaps(coverage(holed))).toEqual([{ sinceId: '300' }, { sinceId: '100', untilId: '201' }]);
  });

  it('counts a finished pass bounded by until_id as reaching up to it, even when empty', () => {
    const cov = coverage([page('a', 0, 0, [], { since_id: '10', until_id: '20' }, false)]);
    expect(cov).toEqual([{ lo: 11n, hi: 19n }]);
  });

  it('turns --since into a floor: nothing older is asked for, and a later run without it backfills', () => {
    const t = Date.parse('2024-02-01T00:00:00Z');
    const floorId = idFloorAt(t);
    const ids = [floorId + 5000n, floorId + 10n];
    const sinced: PageFacts = { ...page('a', 0, 0, [], { start_time: '2024-02-01T00:00:00Z' }, false), ids };
    const floor = { id: floorId, startTime: '2024-02-01T00:00:00Z' };
    expect(gaps(coverage([sinced]), floor)).toEqual([{ sinceId: String(floorId + 5000n) }]);
    expect(gaps(coverage([sinced]))).toEqual([{ sinceId: String(floorId + 5000n) }, { untilId: String(floorId) }]);
    // with nothing held, the floor is sent as start_time
    expect(gaps([], floor)).toEqual([{ startTime: '2024-02-01T00:00:00Z' }]);
  });

  it('reads its facts back from a stored record, and ignores lines that are not ours', () => {
    const rec = {
      data: [{ id: '12', text: 'x' }, { id: '11', text: 'y' }],
      meta: { result_count: 2, next_token: 'abc' },
      __feedhealth: { endpoint: '/2/users/7/mentions', retrievedAt: 'now', user: { id: '7', username: 'b' }, params: { since_id: '3' }, sync: { run: 'r', pass: 1, page: 2 } },
    };
    expect(pageFacts(rec)).toEqual({ userId: '7', endpoint: 'mentions', passKey: 'r/mentions/1', seq: 2, params: { since_id: '3' }, ids: [12n, 11n], hasNext: true });
    expect(pageFacts({ data: [], meta: {} })).toBeNull();
    expect(pageFacts({ __twarc: {}, data: [] })).toBeNull();
  });
});

describe('the cache directory', () => {
  it('is FEEDHEALTH_CACHE_DIR, else $XDG_CACHE_HOME/feedhealth, else ~/.cache/feedhealth', () => {
    expect(cacheRoot({ FEEDHEALTH_CACHE_DIR: '/x/y', XDG_CACHE_HOME: '/c' })).toBe('/x/y');
    expect(cacheRoot({ XDG_CACHE_HOME: '/c' })).toBe('/c/feedhealth');
    expect(cacheRoot({ XDG_CACHE_HOME: 'relative' })).toMatch(/\.cache\/feedhealth$/);
    expect(cacheRoot({})).toMatch(/\.cache\/feedhealth$/);
  });
});

describe('the page log', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fh-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends whole lines and reads them back in order', () => {
    const s = new TimelineStore(dir, 'AcmeCare');
    s.ensureDir();
    s.append('{"a":1}');
    s.append('{"a":2}');
    expect(s.logPath).toBe(join(dir, 'timelines', 'acmecare', 'pages.jsonl'));
    expect(s.read()).toEqual({ lines: [{ line: '{"a":1}', value: { a: 1 } }, { line: '{"a":2}', value: { a: 2 } }], skipped: 0 });
  });

  it('ignores a torn last line after a crash, and the next page starts on a fresh line', () => {
    const s = new TimelineStore(dir, 'acme');
    s.ensureDir();
    s.append('{"a":1}');
    appendFileSync(s.logPath, '{"a":2,"data":[{"id":"1'); // killed mid-write
    expect(s.read().lines.map((l) => l.value)).toEqual([{ a: 1 }]);
    expect(s.read().skipped).toBe(1);
    s.append('{"a":3}');
    expect(s.read().lines.map((l) => l.value)).toEqual([{ a: 1 }, { a: 3 }]);
  });

  it('replaces the log in one rename, leaving no temp files', () => {
    const s = new TimelineStore(dir, 'acme');
    s.ensureDir();
    s.append('{"old":1}');
    s.replace(['{"new":1}', '{"new":2}']);
    expect(readFileSync(s.logPath, 'utf8')).toBe('{"new":1}\n{"new":2}\n');
    expect(spawnSync('ls', [s.dir]).stdout.toString().trim()).toBe('pages.jsonl');
  });

  it('keeps every line whole when several processes append at once', async () => {
    const dist = join(process.cwd(), 'dist', 'store', 'cache.js');
    expect(existsSync(dist), 'build first: npx tsc -p .').toBe(true);
    const s = new TimelineStore(dir, 'acme');
    s.ensureDir();
    const writer = (w: number) => `
      const { TimelineStore } = await import(${JSON.stringify(dist)});
      const s = new TimelineStore(${JSON.stringify(dir)}, 'acme');
      const pad = 'x'.repeat(200000 + ${w} * 1000);
      for (let i = 0; i < 15; i++) s.append(JSON.stringify({ w: ${w}, i, pad }));`;
    await Promise.all(
      [0, 1, 2, 3].map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ['--input-type=module', '-e', writer(w)], { stdio: 'inherit' });
            child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${w} exited ${code}`))));
          }),
      ),
    );
    const { lines, skipped } = s.read();
    expect(skipped).toBe(0);
    expect(lines).toHaveLength(60);
    for (const { value } of lines) {
      const v = value as { w: number; pad: string };
      expect(v.pad.length).toBe(200000 + v.w * 1000);
    }
  });
});

describe('the lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fh-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a second run wait until the first lets go', async () => {
    const path = join(dir, 'lock');
    const first = await acquireLock(path);
    let waited = false;
    const second = acquireLock(path, { pollMs: 10, onWait: () => (waited = true) });
    await new Promise((r) => setTimeout(r, 60));
    expect(waited).toBe(true);
    first.release();
    (await second).release();
    expect(existsSync(path)).toBe(false);
  });

  it('breaks a lock left by a process that died', async () => {
    const path = join(dir, 'lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(path, JSON.stringify({ pid: Number(dead), host: hostname(), nonce: 'old', started: '2020-01-01T00:00:00Z' }));
    const lock = await acquireLock(path, { timeoutMs: 1000 });
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('breaks a lock whose heartbeat stopped, but waits on a live one', async () => {
    const path = join(dir, 'lock');
    writeFileSync(path, JSON.stringify({ pid: process.ppid, host: 'elsewhere', nonce: 'n', started: '2020-01-01T00:00:00Z' }));
    await expect(acquireLock(path, { timeoutMs: 150, pollMs: 10, staleMs: 60_000 })).rejects.toThrow(/held by pid/);
    const old = new Date(Date.now() - 120_000);
    utimesSync(path, old, old);
    const lock = await acquireLock(path, { timeoutMs: 1000, staleMs: 60_000 });
    expect(statSync(path).mtimeMs).toBeGreaterThan(old.getTime());
    lock.release();
  });
});
