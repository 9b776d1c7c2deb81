// Scale: a realistic TWCS file of 2.8 M rows (generated from a fixed seed into bench/out/, not
// committed), parsed by csv-parse alone (the floor) and audited by feedhealth in full — wall time,
// rows/s, peak RSS — plus a single-handle audit of 3,200 tweets saved as X API v2 pages, Node start
// included, beside a bare `node -e 0` start in the same run.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { generateTwcs } from './gen-twcs.js';

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

/** 3,200 tweets of one brand as X API v2 timeline pages (JSONL, 100 tweets a page). */
function writeV2Timeline(file) {
  const lines = [];
  let id = 1_600_000_000_000_000_000n;
  const brand = { id: '1200000000000000099', username: 'BenchCare', name: 'Bench Care', public_metrics: { followers_count: 50_000 } };
  const replies = ['Sorry about that! Please DM us your account number so we can check. ^JK', 'Try restarting the router, then wait two minutes; if the light stays red, DM us.', "We've refunded the charge today; it will show in 3-5 working days.", 'Thanks so much for the kind words! 💙', 'Unfortunately the courier handles deliveries once parcels leave us, so please contact them.'];
  for (let p = 0; p < 32; p++) {
    const data = [];
    const tweets = [];
    const users = [brand];
    for (let k = 0; k < 100; k++) {
      const n = p * 100 + k;
      const ask = String((id += 7n));
      const user = { id: String(3000 + n), username: `person${n}`, name: `Person ${n}`, public_metrics: { followers_count: (n * 37) % 20000 } };
      const at = Date.UTC(2026, 0, 1) + n * 600_000;
      tweets.push({ id: ask, text: `@BenchCare my broadband is down again, order ${n} &amp; nobody helps`, author_id: user.id, created_at: new Date(at).toISOString(), conversation_id: ask });
      users.push(user);
      data.push({ id: String((id += 7n)), text: `@person${n} ${replies[n % replies.length]}`, author_id: brand.id, created_at: new Date(at + 900_000).toISOString(), conversation_id: ask, in_reply_to_user_id: user.id, referenced_tweets: [{ type: 'replied_to', id: ask }] });
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
  const v2 = join(OUT, 'v2-3200.jsonl');
  if (!existsSync(v2)) writeV2Timeline(v2);
  const single = [];
  const bare = [];
  for (let i = 0; i < 5; i++) {
    bare.push((await timed(process.execPath, ['-e', '0'])).seconds);
    single.push((await timed(process.execPath, [BIN, 'audit', v2, '--json'])).seconds);
  }
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { rows, bytes, floor, full, singleMs: med(single) * 1000, nodeStartMs: med(bare) * 1000 };
}

export function formatScale(r) {
  const mb = (r.bytes / 1e6).toFixed(0);
  return [
    `scale — ${r.rows.toLocaleString('en-US')} TWCS rows (${mb} MB, generated, seed 2017)`,
    `  csv-parse alone (floor)       ${r.floor.seconds.toFixed(1).padStart(6)} s   ${Math.round(r.floor.rows / r.floor.seconds).toLocaleString('en-US').padStart(9)} rows/s`,
    `  feedhealth full audit         ${r.full.seconds.toFixed(1).padStart(6)} s   ${Math.round(r.rows / r.full.seconds).toLocaleString('en-US').padStart(9)} rows/s   peak RSS ${r.full.peakMb.toFixed(0)} MB   (targets: ≤ 2× floor, ≤ 1024 MB)`,
    `  ratio to the floor            ${(r.full.seconds / r.floor.seconds).toFixed(2).padStart(6)}×`,
    `  single-handle audit, 3,200 tweets (v2 pages, --json, Node start included): ${r.singleMs.toFixed(0)} ms (bare node start ${r.nodeStartMs.toFixed(0)} ms; target ≤ 300 ms)`,
  ].join('\n');
}
