// Scale: a realistic TWCS file of 2.8 M rows (generated from a fixed seed into bench/out/, not
// committed), parsed by csv-parse alone (the floor) and audited by feedhealth in full — wall time,
// rows/s, peak RSS — plus a single-handle audit of 3,200 tweets saved as X API v2 pages, Node start
// included, beside a bare `node -e 0` start in the same run.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { generateTwcs, rng } from './gen-twcs.js';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'feedhealth.js');
const ESM_CLI = join(ROOT, 'bench', 'esm-cli.js');

/** Runs a command; resolves with wall seconds and the process's peak RSS (VmHWM, polled). */
function timed(cmd, args, { mayFail = false } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let peakKb = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {}
    }, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0 && !mayFail) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ seconds: (performance.now() - t0) / 1000, peakMb: peakKb / 1024, ok: code === 0 });
    });
  });
}

async function csvParseFloor(file) {
  const t0 = performance.now();
  let rows = 0;
  for await (const _ of createReadStream(file).pipe(parse())) rows++;
  return { seconds: (performance.now() - t0) / 1000, rows: rows - 1 };
}

/** The replies of a canned feed: five wordings pasted again and again. */
const CANNED = ['Sorry about that! Please DM us your account number so we can check. ^JK', 'Try restarting the router, then wait two minutes; if the light stays red, DM us.', "We've refunded the charge today; it will show in 3-5 working days.", 'Thanks so much for the kind words! 💙', 'Unfortunately the courier handles deliveries once parcels leave us, so please contact them.'];

/** The replies of a varied feed: the labeled replies (and the tweets they answer) in a seeded order. */
function labeledPool() {
  const dir = join(ROOT, 'fixtures', 'labeled');
  const pool = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  const rand = rng(3200);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool;
}

/**
 * 3,200 tweets of one brand as X API v2 timeline pages (JSONL, 100 tweets a page), each reply
 * addressed to its own person. `canned`: five wordings over and over (a feed of pasted
 * templates: the classifier meets few of its patterns); `varied`: the labeled replies
 * and the tweets they answer (~1,600 distinct texts when written: it meets most of them, as on most feeds).
 */
function writeV2Timeline(file, kind) {
  const pool = kind === 'varied' ? labeledPool() : null;
  const lines = [];
  let id = 1_600_000_000_000_000_000n;
  const brand = { id: '1200000000000000099', username: 'BenchCare', name: 'Bench Care', public_metrics: { followers_count: 50_000 } };
  for (let p = 0; p < 32; p++) {
    const data = [];
    const tweets = [];
    const users = [brand];
    for (let k = 0; k < 100; k++) {
      const n = p * 100 + k;
      const ask = String((id += 7n));
      const user = { id: String(3000 + n), username: `person${n}`, name: `Person ${n}`, public_metrics: { followers_count: (n * 37) % 20000 } };
      const at = Date.UTC(2026, 0, 1) + n * 600_000;
      const e = pool?.[n % pool.length];
      const asked = e?.inReplyToText ?? `my broadband is down again, order ${n} &amp; nobody helps`;
      const reply = e?.text ?? CANNED[n % CANNED.length];
      const delay = 120_000 + ((n * 7919) % 7_200_000);
      tweets.push({ id: ask, text: `@BenchCare ${asked}`, author_id: user.id, created_at: new Date(at).toISOString(), conversation_id: ask });
      users.push(user);
      data.push({ id: String((id += 7n)), text: `@person${n} ${reply}`, author_id: brand.id, created_at: new Date(at + delay).toISOString(), conversation_id: ask, in_reply_to_user_id: user.id, referenced_tweets: [{ type: 'replied_to', id: ask }] });
    }
    lines.push(JSON.stringify({ data, includes: { tweets, users }, meta: { result_count: 100 }, __feedhealth: { endpoint: `/2/users/${brand.id}/tweets`, user: { id: brand.id, username: 'BenchCare' } } }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

export async function benchScale({ rows = 2_800_000 } = {}) {
  mkdirSync(OUT, { recursive: true });
  const big = join(OUT, `twcs-${rows}.csv`);
  if (!existsSync(big)) await generateTwcs(big, { rows });
  const bytes = statSync(big).size;
  const floor = await csvParseFloor(big);
  const full = await timed(process.execPath, [BIN, 'audit', big, '--summary-only', '--top', '10']);
  return { rows, bytes, floor, full, ...(await benchSingle()) };
}

/** The single-handle feeds in bench/out/, written when missing: { canned, varied } → path. */
export function ensureFeeds() {
  mkdirSync(OUT, { recursive: true });
  const feeds = {};
  for (const kind of ['canned', 'varied']) {
    feeds[kind] = join(OUT, `v2-3200-${kind}.jsonl`);
    if (!existsSync(feeds[kind])) writeV2Timeline(feeds[kind], kind);
  }
  return feeds;
}

/** The single-handle audits (canned and varied feeds): medians of `runs` runs each, interleaved
 * with a bare `node -e 0` start and with the same audits run from the ES modules instead of the
 * bundle and its code cache (bench/esm-cli.js). */
export async function benchSingle({ runs = 5 } = {}) {
  const feeds = ensureFeeds();
  const ms = { canned: [], varied: [], cannedModules: [], variedModules: [], bare: [] };
  for (let i = 0; i < runs; i++) {
    ms.bare.push((await timed(process.execPath, ['-e', '0'])).seconds * 1000);
    for (const kind of ['canned', 'varied']) {
      ms[kind].push((await timed(process.execPath, [BIN, 'audit', feeds[kind], '--json'])).seconds * 1000);
      ms[`${kind}Modules`].push((await timed(process.execPath, [ESM_CLI, 'audit', feeds[kind], '--json'])).seconds * 1000);
    }
  }
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const stat = (a) => ({ median: med(a), min: Math.min(...a), max: Math.max(...a) });
  const { bare, ...audits } = ms;
  return { runs, single: Object.fromEntries(Object.entries(audits).map(([k, a]) => [k, stat(a)])), nodeStartMs: med(bare) };
}

/**
 * A big file of X API v2 pages: the varied feed written 40 times over with fresh ids (128,000
 * replies and the 128,000 tweets they answer, ~100 MB). Files this big are audited as a stream in
 * two passes: timed with --summary-only without and with two worker threads, and once more with
 * V8's heap capped at 64 MB; beside it, the whole-file reading (which `--since` asks for), as is and
 * with the heap capped at 128 MB.
 */
export async function benchV2Big({ copies = 40 } = {}) {
  const { varied } = ensureFeeds();
  const big = join(OUT, `v2-${3200 * copies}-varied.jsonl`);
  if (!existsSync(big)) {
    const pages = readFileSync(varied, 'utf8').trimEnd().split('\n');
    const out = [];
    // Tweet and user ids get a per-copy suffix digit run, so every copy is new tweets by new people.
    for (let c = 0; c < copies; c++) for (const page of pages) out.push(page.replace(/"(1600\d{15}|\d{4,5})"/g, (_, id) => `"${id}${String(c).padStart(2, '0')}"`));
    writeFileSync(big, `${out.join('\n')}\n`);
  }
  const audit = (extra, heapMb) => [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), BIN, 'audit', big, '--summary-only', '--json', ...extra];
  const runs = {
    stream: await timed(process.execPath, audit(['--workers', '0'])),
    streamWorkers: await timed(process.execPath, audit(['--workers', '2'])),
    whole: await timed(process.execPath, audit(['--workers', '0', '--since', '2000-01-01'])),
    streamHeap64: await timed(process.execPath, audit(['--workers', '0'], 64), { mayFail: true }),
    wholeHeap128: await timed(process.execPath, audit(['--workers', '0', '--since', '2000-01-01'], 128), { mayFail: true }),
  };
  return { tweets: 6400 * copies, bytes: statSync(big).size, runs };
}

export function formatV2Big(r) {
  const line = (what, x) => `  ${what.padEnd(44)} ${x.ok ? `${x.seconds.toFixed(2).padStart(6)} s   peak RSS ${x.peakMb.toFixed(0)} MB` : `ran out of memory (after ${x.seconds.toFixed(1)} s)`}`;
  return [
    `v2 pages — ${r.tweets.toLocaleString('en-US')} tweets (${(r.bytes / 1e6).toFixed(0)} MB), audit --summary-only --json`,
    line('streamed, no workers', r.runs.stream),
    line('streamed, two workers', r.runs.streamWorkers),
    line('read whole (--since), no workers', r.runs.whole),
    line('streamed, heap capped at 64 MB', r.runs.streamHeap64),
    line('read whole (--since), heap capped at 128 MB', r.runs.wholeHeap128),
  ].join('\n');
}

export function formatSingle(r) {
  const line = (kind, what) => {
    const s = r.single[kind];
    return `    ${what.padEnd(40)} median ${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  };
  return [
    `  single-handle audit, 3,200 tweets as v2 pages, --json, Node start included (${r.runs} runs; target ≤ 300 ms):`,
    line('canned', 'canned feed (5 wordings)'),
    line('varied', 'varied feed (the labeled replies)'),
    line('cannedModules', 'canned, from the ES modules (no bundle)'),
    line('variedModules', 'varied, from the ES modules (no bundle)'),
    `    bare node start                          median ${r.nodeStartMs.toFixed(0)} ms`,
  ].join('\n');
}

export function formatScale(r) {
  const mb = (r.bytes / 1e6).toFixed(0);
  return [
    `scale — ${r.rows.toLocaleString('en-US')} TWCS rows (${mb} MB, generated, seed 2017)`,
    `  csv-parse alone (floor)       ${r.floor.seconds.toFixed(1).padStart(6)} s   ${Math.round(r.floor.rows / r.floor.seconds).toLocaleString('en-US').padStart(9)} rows/s`,
    `  feedhealth full audit         ${r.full.seconds.toFixed(1).padStart(6)} s   ${Math.round(r.rows / r.full.seconds).toLocaleString('en-US').padStart(9)} rows/s   peak RSS ${r.full.peakMb.toFixed(0)} MB   (targets: ≤ 2× floor, ≤ 1024 MB)`,
    `  ratio to the floor            ${(r.full.seconds / r.floor.seconds).toFixed(2).padStart(6)}×`,
    formatSingle(r),
  ].join('\n');
}
