// `feedhealth compare` from the real binary (FORCE_COLOR=0): brands side by side, ranked by score,
// --json for scripts, --format md, --fail-under over any brand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, stderrLines, type CliResult } from './helpers/cli.js';
import { corpus, hasCorpus } from './helpers/paths.js';
import { replyToBob, writeBrandFeed } from './helpers/feeds.js';

beforeAll(() => ensureBuilt(), 180_000);

const desk = (name: string) => `test/fixtures/metrics/${name}`;
const GOOD = desk('helpfulhq.jsonl');
const POOR = desk('templatedesk.jsonl');
const BARE = desk('nocontext.jsonl');
const TWO = desk('two-brands.csv');

function json(r: CliResult): any {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const ROW_FIELDS = ['rank', 'handle', 'source', 'replies', 'score', 'grade', 'verdict', 'shares', 'medianResponseSeconds', 'p90ResponseSeconds', 'answeredWithin1hShare', 'templatedShare', 'firstScreen', 'personalShare', 'exposureScore', 'weeklyScores'];

describe('compare --json', () => {
  it('ranks brands from two sources by score, best first', () => {
    const doc = json(runCli(['compare', POOR, GOOD, '--json']));
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'compare', timeZone: 'UTC', sources: [POOR, GOOD] });
    expect(doc.brands.map((b: any) => [b.rank, b.handle])).toEqual([[1, 'HelpfulHQ'], [2, 'TemplateDesk']]);
    expect(doc.brands[0].score).toBeGreaterThan(doc.brands[1].score);
  });

  it('gives the same ranking whatever the order of sources', () => {
    const a = json(runCli(['compare', GOOD, POOR, TWO, '--json'])).brands.map((b: any) => b.handle);
    const b = json(runCli(['compare', TWO, POOR, GOOD, '--json'])).brands.map((b: any) => b.handle);
    expect(a).toEqual(b);
  });

  it('lets a TWCS file contribute each of its brands', () => {
    const doc = json(runCli(['compare', TWO, GOOD, '--json']));
    expect(doc.brands.map((b: any) => b.handle).sort()).toEqual(['CalmRail', 'GrumpyAir', 'HelpfulHQ']);
    expectRankedOrder(doc.brands);
    expect(doc.brands.find((b: any) => b.handle === 'CalmRail').source.file).toBe(TWO);
  });

  it('has every column for every brand, null where the data cannot support it', () => {
    const doc = json(runCli(['compare', GOOD, BARE, '--json']));
    for (const b of doc.brands) for (const k of ROW_FIELDS) expect(b, k).toHaveProperty(k);
    const good = doc.brands.find((b: any) => b.handle === 'HelpfulHQ');
    const bare = doc.brands.find((b: any) => b.handle === 'NoContext');
    expect(typeof good.medianResponseSeconds).toBe('number');
    expect(typeof good.exposureScore).toBe('number');
    expect(good.firstScreen).toMatchObject({ replies: 20 });
    expect(bare.medianResponseSeconds).toBeNull();
    expect(bare.answeredWithin1hShare).toBeNull();
    expect(bare.exposureScore).toBeNull();
  });

  it('counts hours and weeks in the --tz zone and rejects an unknown one with exit 2', () => {
    expect(json(runCli(['compare', GOOD, POOR, '--json', '--tz', 'Asia/Tokyo'])).timeZone).toBe('Asia/Tokyo');
    const r = runCli(['compare', GOOD, POOR, '--tz', 'Nowhere/Special']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(stderrLines(r)).toHaveLength(1);
    expect(r.stderr).toContain('--tz');
  });
});

describe('compare --fail-under', () => {
  const scores = () => json(runCli(['compare', GOOD, POOR, '--json'])).brands.map((b: any) => b.score as number);

  it('exits 0 when every brand is at or above the threshold', () => {
    const [, low] = scores();
    const r = runCli(['compare', GOOD, POOR, '--json', '--fail-under', String(low)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('exits 1 when any brand is below it, still printing the comparison, and names the brand', () => {
    const [, low] = scores();
    const r = runCli(['compare', GOOD, POOR, '--json', '--fail-under', String(low + 1)]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).brands).toHaveLength(2);
    expect(stderrLines(r)).toEqual([`feedhealth: @TemplateDesk scored ${low}, under --fail-under ${low + 1}`]);
  });

  it('names every brand below it', () => {
    const [high] = scores();
    const r = runCli(['compare', GOOD, POOR, '--fail-under', String(high + 1)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 brands under --fail-under \d+: @HelpfulHQ \d+, @TemplateDesk \d+/);
  });

  it('rejects a bad threshold with exit 2', () => {
    const r = runCli(['compare', GOOD, POOR, '--fail-under', 'high']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-under');
  });
});

describe('compare in the terminal and as Markdown', () => {
  it('prints a ranked table, best first', () => {
    const r = runCli(['compare', POOR, GOOD], { COLUMNS: '160' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 brands ranked by balance score');
    expect(r.stdout.indexOf('@HelpfulHQ')).toBeLessThan(r.stdout.indexOf('@TemplateDesk'));
    for (const h of ['score', 'median reply', 'canned', 'first screen']) expect(r.stdout).toContain(h);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('writes a Markdown table with --format md', () => {
    const r = runCli(['compare', POOR, GOOD, '--format', 'md']);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md.startsWith('# Customer-care feeds compared')).toBe(true);
    const rows = md.split('\n').filter((l) => /^\| \d+ \| @/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| 1 \| @HelpfulHQ \|/);
    expect(rows[1]).toMatch(/^\| 2 \| @TemplateDesk \|/);
  });
});

describe('compare: what goes in', () => {
  it('leaves out brands with fewer replies than --min-replies, saying so on stderr', () => {
    const r = runCli(['compare', TWO, GOOD, '--json', '--min-replies', '10']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).brands.map((b: any) => b.handle)).toEqual(['HelpfulHQ']);
    expect(stderrLines(r)).toEqual(['feedhealth: left out 2 brands with fewer than 10 replies']);
  });

  it('is an input error (exit 2) when a source cannot be read', () => {
    const r = runCli(['compare', GOOD, 'test/fixtures/metrics/missing.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('missing.jsonl');
  });
});

describe.skipIf(!hasCorpus)('compare over the shared TWCS corpus (head-1000.csv)', () => {
  it('ranks the brands of one file and a fixture together', () => {
    const r = runCli(['compare', corpus('twcs/head-1000.csv'), GOOD, '--json', '--min-replies', '10']);
    expect(r.code).toBe(0);
    expect(stderrLines(r)).toHaveLength(1); // the note on brands left out
    const doc = JSON.parse(r.stdout);
    expect(doc.brands.length).toBeGreaterThan(2);
    expect(doc.brands.some((b: any) => b.handle === 'HelpfulHQ')).toBe(true);
    expectRankedOrder(doc.brands);
  });
});

/** Best score first among brands with enough problem replies, then the thin samples, best first. */
function expectRankedOrder(brands: any[]) {
  const key = (b: any) => [b.thinSample ? 1 : 0, -(b.score ?? -1)];
  const sorted = [...brands].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
  expect(brands.map((b) => b.handle)).toEqual(sorted.map((b) => b.handle));
  expect(brands.map((b) => b.rank)).toEqual(brands.map((_, i) => i + 1));
}

describe('ranking thin samples', () => {
  it('puts a brand scored on fewer than 10 problem replies after those with enough, marked in the table', () => {
    const doc = json(runCli(['compare', TWO, GOOD, '--json']));
    const thin = doc.brands.filter((b: any) => b.thinSample);
    const solid = doc.brands.filter((b: any) => !b.thinSample);
    expect(thin.length).toBeGreaterThan(0);
    expect(solid.length).toBeGreaterThan(0);
    expect(Math.min(...thin.map((b: any) => b.rank))).toBeGreaterThan(Math.max(...solid.map((b: any) => b.rank)));
    for (const b of doc.brands) expect(b.thinSample).toBe(b.replies - (b.shares ? Math.round(b.shares.other * b.replies) : 0) < 10);
    const table = runCli(['compare', TWO, GOOD]).stdout;
    expect(table).toMatch(/\* fewer than 10 replies on problems/);
  });

  it('has no thin-sample footnote when no brand shows a score to mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedhealth-compare-'));
    const feed = writeBrandFeed(join(dir, 'thanks.jsonl'), 'ThanksDesk', [replyToBob('9', '@bob Thanks so much for the kind words!')]);
    for (const format of ['table', 'md']) {
      const r = runCli(['compare', feed, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, format).toMatch(/ThanksDesk/);
      expect(r.stdout, format).not.toMatch(/fewer than 10 replies/i);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
