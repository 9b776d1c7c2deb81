// Mergeable summaries: auditing shards with --summary-only and merging them gives what one run
// over all shards gives, whatever the number of workers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTwcs } from '../bench/gen-twcs.js';
import { ensureBuilt, runCli } from './helpers/cli.js';

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
  });
});
