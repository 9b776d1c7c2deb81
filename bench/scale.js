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

/** Runs a command; resolves with wall seconds and the process's peak RSS (VmHWM, polled). */
function timed(cmd, args) {
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
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ seconds: (performance.now() - t0) / 1000, peakMb: peakKb / 1024 });
    });
  });
}

async function csvParseFloor(file) {
  const t0 = performance.now();
  let rows = 0;
  for await (const _ of createReadStream(file).pipe(parse())) rows++;
  return { seconds: (performance.now() - t0) / 1000, rows: rows - 1 };
}

/**
 * 3,200 tweets of one brand as X API v2 timeline pages (JSONL, 100 tweets a page). The replies
 * and the tweets they answer are the 1,995 labeled replies of fixtures/labeled/ in a seeded
 * order (so about 1,600 distinct texts), each addressed to its own person: as varied as a real
 * feed, so the classifier meets most of its patterns, as it would on a real audit.
 */
function writeV2Timeline(file) {
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
  const lines = [];
  let id = 1_600_000_000_000_000_000n;
  const brand = { id: '1200000000000000099', username: 'BenchCare', name: 'Bench Care', public_metrics: { followers_count: 50_000 } };
  for (let p = 0; p < 32; p++) {
    const data = [];
    const tweets = [];
    const users = [brand];
    for (let k = 0; k < 100; k++) {
      const n = p * 100 + k;
      const e = pool[n % pool.length];
      const ask = String((id += 7n));
      const user = { id: String(3000 + n), username: `person${n}`, name: `Person ${n}`, public_metrics: { followers_count: (n * 37) % 20000 } };
      const at = Date.UTC(2026, 0, 1) + n * 600_000;
      const asked = e.inReplyToText ?? `my order ${n} never arrived &amp; nobody answers`;
      tweets.push({ id: ask, text: `@BenchCare ${asked}`, author_id: user.id, created_at: new Date(at).toISOString(), conversation_id: ask });
      users.push(user);
      const delay = 120_000 + Math.floor(rand() * 7_200_000);
      data.push({ id: String((id += 7n)), text: `@person${n} ${e.text}`, author_id: brand.id, created_at: new Date(at + delay).toISOString(), conversation_id: ask, in_reply_to_user_id: user.id, referenced_tweets: [{ type: 'replied_to', id: ask }] });
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

/** The single-handle audit: median of `runs` runs, each beside a bare `node -e 0` start. */
export async function benchSingle({ runs = 5 } = {}) {
  mkdirSync(OUT, { recursive: true });
  const v2 = join(OUT, 'v2-3200-labeled.jsonl');
  if (!existsSync(v2)) writeV2Timeline(v2);
  const single = [];
  const bare = [];
  for (let i = 0; i < runs; i++) {
    bare.push((await timed(process.execPath, ['-e', '0'])).seconds);
    single.push((await timed(process.execPath, [BIN, 'audit', v2, '--json'])).seconds);
  }
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { runs, singleMs: med(single) * 1000, singleRangeMs: [Math.min(...single) * 1000, Math.max(...single) * 1000], nodeStartMs: med(bare) * 1000 };
}

export function formatSingle(r) {
  return `  single-handle audit, 3,200 tweets (v2 pages, --json, Node start included): median ${r.singleMs.toFixed(0)} ms of ${r.runs} (${r.singleRangeMs[0].toFixed(0)}–${r.singleRangeMs[1].toFixed(0)}; bare node start ${r.nodeStartMs.toFixed(0)} ms; target ≤ 300 ms)`;
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
