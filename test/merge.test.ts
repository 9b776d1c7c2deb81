// Mergeable summaries: auditing shards with --summary-only and merging them gives what one run
// over all shards gives, whatever the number of workers.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTwcs } from '../bench/gen-twcs.js';
import { ensureBuilt, runCli } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

const LABELED = join(ROOT, 'fixtures', 'labeled');

let dir: string;
const shards: string[] = [];
let whole: string;

/** A summary document without the names of the files it came from. */
function withoutSources(doc: any) {
  return { ...doc, sources: undefined, brands: doc.brands.map((b: any) => ({ ...b, source: undefined })) };
}

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'feedhealth-merge-'));
  // Three shards of one dump: distinct tweet ids, conversations never cut, brands in every shard.
  const parts: string[] = [];
  for (let k = 0; k < 3; k++) {
    const f = join(dir, `shard-${k}.csv`);
    await generateTwcs(f, { rows: 3000 + 1000 * k, brands: 12, seed: 100 + k, firstId: 1 + k * 100_000 });
    shards.push(f);
    parts.push(readFileSync(f, 'utf8'));
  }
  whole = join(dir, 'whole.csv');
  writeFileSync(whole, parts[0] + parts.slice(1).map((p) => p.slice(p.indexOf('\n') + 1)).join(''));
});

describe('merge', () => {
  it('merges the summaries of shards into exactly the summary of the whole', () => {
    const outs = shards.map((f, k) => {
      const r = runCli(['audit', f, '--summary-only', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const out = join(dir, `shard-${k}.json`);
      writeFileSync(out, r.stdout);
      return out;
    });
    const merged = runCli(['merge', ...outs, '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    const all = runCli(['audit', whole, '--summary-only', '--json']);
    expect(all.code, all.stderr).toBe(0);
    const a = JSON.parse(merged.stdout);
    const b = JSON.parse(all.stdout);
    expect(a.brands.length).toBe(12);
    // Brands come in order of first appearance in each; compare them by handle.
    const byHandle = (d: any) => Object.fromEntries(withoutSources(d).brands.map((x: any) => [x.handle, x]));
    expect(byHandle(a)).toEqual(byHandle(b));
    expect(a.brands.some((x: any) => x.metrics.responseTime?.medianSeconds > 0)).toBe(true);
  });

  it('gives the same report with worker threads as without', () => {
    const zero = runCli(['audit', whole, '--json', '--workers', '0']);
    const two = runCli(['audit', whole, '--json', '--workers', '2']);
    expect(zero.code).toBe(0);
    expect(two.stdout).toBe(zero.stdout);
  });

  it('gives the same report with worker threads as without for X API v2 pages of two brands', () => {
    // Two brands' timelines in one JSONL file, 1,600 replies each (several batches per worker),
    // written from the labeled replies and the tweets they answer.
    const labeled = readdirSync(LABELED)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(LABELED, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
    const lines: string[] = [];
    for (const [b, brand] of [['1200000000000000071', 'NorthCare'], ['1200000000000000072', 'SouthHelp']].entries()) {
      const owner = { id: brand[0], username: brand[1], name: brand[1] };
      for (let p = 0; p < 16; p++) {
        const data = [];
        const tweets = [];
        const users: object[] = [owner];
        for (let k = 0; k < 100; k++) {
          const n = b * 5000 + p * 100 + k;
          const e = labeled[(n * 7) % labeled.length];
          const at = Date.UTC(2026, 0, 1) + n * 600_000;
          tweets.push({ id: `9${n}1`, text: `@${brand[1]} ${e.inReplyToText ?? 'help please'}`, author_id: `7${n}`, created_at: new Date(at).toISOString() });
          users.push({ id: `7${n}`, username: `person${n}`, name: `Person ${n}`, public_metrics: { followers_count: n % 5000 } });
          data.push({ id: `9${n}2`, text: `@person${n} ${e.text}`, author_id: brand[0], created_at: new Date(at + 60_000 * (1 + (n % 90))).toISOString(), in_reply_to_user_id: `7${n}`, referenced_tweets: [{ type: 'replied_to', id: `9${n}1` }] });
        }
        lines.push(JSON.stringify({ data, includes: { tweets, users }, meta: { result_count: 100 }, __feedhealth: { endpoint: `/2/users/${brand[0]}/tweets`, user: { id: brand[0], username: brand[1] } } }));
      }
    }
    const v2 = join(dir, 'two-brands.jsonl');
    writeFileSync(v2, `${lines.join('\n')}\n`);
    for (const extra of [[], ['--summary-only']]) {
      const zero = runCli(['audit', v2, '--json', '--workers', '0', ...extra]);
      const two = runCli(['audit', v2, '--json', '--workers', '2', ...extra]);
      expect(zero.code, zero.stderr).toBe(0);
      expect(two.stdout).toBe(zero.stdout);
      const doc = JSON.parse(zero.stdout);
      const reports = doc.brands;
      expect(reports.map((r: any) => [r.handle, r.counts.replies])).toEqual([['NorthCare', 1600], ['SouthHelp', 1600]]);
    }
  });

  it('refuses a file that is not a summary, naming it, exit 2', () => {
    const f = join(dir, 'not-summary.json');
    writeFileSync(f, '{"schemaVersion":1,"handle":"x"}');
    const r = runCli(['merge', f]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`feedhealth: ${f}: not a summary (expected the output of \`feedhealth audit --summary-only --json\`)`);
    expect(r.stdout).toBe('');
  });

  it('refuses summaries counted in different time zones', () => {
    const a = join(dir, 'utc.json');
    const b = join(dir, 'ny.json');
    writeFileSync(a, runCli(['audit', shards[0], '--summary-only', '--json']).stdout);
    writeFileSync(b, runCli(['audit', shards[1], '--summary-only', '--json', '--tz', 'America/New_York']).stdout);
    const r = runCli(['merge', a, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/counted in America\/New_York, the others in UTC/);
  });

  it('prints a league table of the best brands with --top', () => {
    const r = runCli(['audit', whole, '--top', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ranked by balance score/);
    expect(r.stdout.match(/│ [1-5] │/g)).toHaveLength(5);
    // A summary cut to the top n would no longer merge: with --json, --top is refused.
    const sum = join(dir, 'top.json');
    writeFileSync(sum, runCli(['audit', shards[0], '--summary-only', '--json']).stdout);
    const refused = runCli(['merge', sum, '--top', '2', '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^feedhealth: --top ranks the table, md and html; --json gives every brand/);
    expect(runCli(['merge', sum, '--top', '2']).stdout.match(/│ [1-2] │/g)).toHaveLength(2);
  });
});
