// The outside reader's figures from the real binary (FORCE_COLOR=0): `audit` with --json, --format md,
// --tz and --fail-under over invented desks in test/fixtures/metrics (see generate.mjs there).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, stderrLines, type CliResult } from './helpers/cli.js';
import { corpus, fixture, hasCorpus, ROOT } from './helpers/paths.js';

beforeAll(() => ensureBuilt(), 180_000);

const scratch = mkdtempSync(join(tmpdir(), 'feedhealth-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const desk = (name: string) => `test/fixtures/metrics/${name}`;
const GOOD = desk('helpfulhq.jsonl'); // round the clock, fast, mostly fixes things, signs, uses names
const POOR = desk('templatedesk.jsonl'); // office hours, slow, pastes one DM request, blames lately
const BARE = desk('nocontext.jsonl'); // answered tweets not in the file, no follower counts
const TWO = desk('two-brands.csv'); // TWCS: two brands

function json(r: CliResult): any {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

function expectUsageError(r: CliResult, flag: string): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = stderrLines(r);
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^feedhealth: /);
  expect(lines[0]).toContain(flag);
}

describe('audit --json: the metrics object', () => {
  it('holds every figure under a self-explaining name when the data supports it', () => {
    const m = json(runCli(['audit', GOOD, '--json'])).metrics;
    expect(m.timeZone).toBe('UTC');
    expect(m.unavailable).toEqual({});
    expect(m.responseTime).toMatchObject({ timedReplies: 32, untimedReplies: 0 });
    for (const k of ['medianSeconds', 'p90Seconds', 'answeredWithin1hShare']) expect(typeof m.responseTime[k]).toBe('number');
    expect(m.responseTime.p90Seconds).toBeGreaterThanOrEqual(m.responseTime.medianSeconds);
    expect(Object.keys(m.responseTime.byLabel)).toEqual(['resolving', 'deflecting', 'blaming', 'other']);
    expect(m.coverage.byWeekdayHour).toHaveLength(7);
    for (const row of m.coverage.byWeekdayHour) expect(row).toHaveLength(24);
    expect(m.coverage.datedReplies).toBe(32);
    expect(m.canned).toMatchObject({ replies: 32 });
    expect(m.canned.templatedShare).toBeGreaterThan(0);
    expect(m.canned.topTemplates[0]).toHaveProperty('labels');
    expect(m.firstScreen).toMatchObject({ replies: 20 });
    expect(m.exposure).toMatchObject({ weightedReplies: 32, unweightedReplies: 0 });
    expect(m.exposure.weighting).toMatch(/log10/);
    expect(m.personalTouch).toMatchObject({ replies: 32, signedShare: 1, namedShare: 1 });
    expect(m.weeklyTrend.weeks.length).toBeGreaterThanOrEqual(3);
    expect(m.weeklyTrend.weeks[0]).toHaveProperty('week');
  });

  it('sets a figure to null and says why under metrics.unavailable when the data cannot support it', () => {
    const m = json(runCli(['audit', BARE, '--json'])).metrics;
    expect(m.responseTime).toBeNull();
    expect(m.exposure).toBeNull();
    expect(m.unavailable.responseTime).toMatch(/answered tweet/);
    expect(m.unavailable.exposure).toMatch(/follower/);
    expect(m.coverage.datedReplies).toBe(4); // two replies are undated
    expect(m.canned).not.toBeNull();
  });

  it('keeps the existing fields and schemaVersion 1', () => {
    const r = json(runCli(['audit', GOOD, '--json']));
    expect(r.schemaVersion).toBe(1);
    for (const k of ['handle', 'source', 'window', 'counts', 'shares', 'score', 'examples', 'replies']) expect(r).toHaveProperty(k);
  });

  it('gives each brand of a TWCS file its own metrics, without exposure (TWCS has no follower counts)', () => {
    const doc = json(runCli(['audit', TWO, '--json']));
    expect(doc.brands.map((b: any) => b.handle).sort()).toEqual(['CalmRail', 'GrumpyAir']);
    for (const b of doc.brands) {
      expect(b.metrics.exposure).toBeNull();
      expect(b.metrics.responseTime.timedReplies).toBe(6);
    }
  });
});

describe('audit --tz', () => {
  it('counts hours and weekdays in the named zone', () => {
    const utc = json(runCli(['audit', POOR, '--json'])).metrics;
    const ny = json(runCli(['audit', POOR, '--json', '--tz', 'America/New_York'])).metrics;
    expect(utc.coverage.businessHoursShare).toBe(1); // a 9-to-5 desk in UTC…
    expect(utc.coverage.weekendShare).toBe(0);
    expect(ny.timeZone).toBe('America/New_York');
    expect(ny.coverage.businessHoursShare).toBeLessThan(1); // …starts at 4 or 5 a.m. in New York
    expect(ny.coverage.byHour.slice(4, 13).reduce((a: number, b: number) => a + b, 0)).toBe(32);
  });

  it('takes zone names in any case and reports the canonical spelling', () => {
    expect(json(runCli(['audit', GOOD, '--json', '--tz', 'europe/london'])).metrics.timeZone).toBe('Europe/London');
  });

  it('rejects an unknown zone with exit 2 and one line naming --tz', () => {
    expectUsageError(runCli(['audit', GOOD, '--tz', 'Mars/Olympus_Mons']), '--tz');
    expectUsageError(runCli(['audit', GOOD, '--json', '--tz', '']), '--tz');
  });
});

describe('audit --fail-under', () => {
  const scoreOf = (file: string) => json(runCli(['audit', file, '--json'])).score.value as number;

  it('exits 0 when the score is at or above the threshold', () => {
    const s = scoreOf(POOR);
    const r = runCli(['audit', POOR, '--json', '--fail-under', String(s)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(runCli(['audit', POOR, '--fail-under', '0']).code).toBe(0);
  });

  it('exits 1 when the score is below it, after writing the whole report, with one line on stderr', () => {
    const s = scoreOf(POOR);
    const r = runCli(['audit', POOR, '--json', '--fail-under', String(s + 1)]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).score.value).toBe(s);
    expect(stderrLines(r)).toEqual([`feedhealth: @TemplateDesk scored ${s}, under --fail-under ${s + 1}`]);
  });

  it('fails when any brand of a multi-brand file is below it', () => {
    const doc = json(runCli(['audit', TWO, '--json']));
    const [lo, hi] = doc.brands.map((b: any) => b.score.value).sort((a: number, b: number) => a - b);
    expect(runCli(['audit', TWO, '--json', '--fail-under', String(lo)]).code).toBe(0);
    const r = runCli(['audit', TWO, '--json', '--fail-under', String(hi)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--fail-under');
  });

  it('rejects a threshold that is not a score from 0 to 100 with exit 2', () => {
    expectUsageError(runCli(['audit', GOOD, '--fail-under', 'abc']), '--fail-under');
    expectUsageError(runCli(['audit', GOOD, '--fail-under', '101']), '--fail-under');
    expectUsageError(runCli(['audit', GOOD, '--fail-under', '-1']), '--fail-under');
  });
});

describe('audit --format md', () => {
  it('writes a Markdown report: title, score, label table, every figure as a section', () => {
    const r = runCli(['audit', GOOD, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const md = r.stdout;
    expect(md.startsWith('# @HelpfulHQ')).toBe(true);
    expect(md).toMatch(/\*\*Balance score \d+\/100, grade [A-F]\.\*\*/);
    expect(md).toContain('| label | replies | share |');
    for (const h of ['## Views of the feed', '## Response time', '## When replies are sent (UTC)', '## Canned replies', '## Personal touch', '## Weekly score (ISO weeks, UTC)', '## Most telling replies'])
      expect(md).toContain(h);
    const heat = md.slice(md.indexOf('```text'), md.indexOf('```', md.indexOf('```text') + 3));
    expect(heat.split('\n').filter((l) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) {2}/.test(l))).toHaveLength(7);
    expect(md).not.toMatch(/\u001b\[/);
  });

  it('lists what the data cannot support instead of showing made-up figures', () => {
    const md = runCli(['audit', BARE, '--format', 'md']).stdout;
    expect(md).toContain('## Not available');
    expect(md).toMatch(/- \*\*responseTime\*\*: /);
    expect(md).not.toContain('## Response time');
  });

  it('writes to a file with -o', () => {
    const out = join(scratch, 'report.md');
    const r = runCli(['audit', GOOD, '--format', 'md', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').startsWith('# @HelpfulHQ')).toBe(true);
  });
});

describe('audit in the terminal', () => {
  it('shows the heat map, the first screen, response time, canned replies, personal touch and the sparkline', () => {
    const r = runCli(['audit', GOOD], { COLUMNS: '100' });
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('first screen (newest 20)');
    expect(out).toContain('by exposure (weighted)');
    expect(out).toMatch(/Response time[\s\S]*median/);
    expect(out).toContain('When replies are sent (UTC)');
    expect(out.split('\n').filter((l) => /^ {2}(Mon|Tue|Wed|Thu|Fri|Sat|Sun) {2}[·░▒▓█]{24,}/.test(l))).toHaveLength(7);
    expect(out).toContain('Canned replies');
    expect(out).toContain('Personal touch');
    expect(out).toMatch(/Weekly score[^\n]*\n {2}[▁▂▃▄▅▆▇█ ]+ {2}\d{4}-W\d\d/);
    expect(out).not.toMatch(/\u001b\[/);
  });
});

describe.skipIf(!existsSync(join(ROOT, fixture('acmecare.jsonl'))))('over the bundled fixtures', () => {
  it('computes the figures for a real-shaped timeline with follower counts', () => {
    const m = json(runCli(['audit', fixture('acmecare.jsonl'), '--json', '--tz', 'Europe/London'])).metrics;
    for (const k of ['responseTime', 'coverage', 'canned', 'firstScreen', 'exposure', 'personalTouch', 'weeklyTrend']) expect(m[k], k).not.toBeNull();
  });
});

describe.skipIf(!hasCorpus)('over the shared TWCS corpus (head-1000.csv)', () => {
  it('gives every brand its metrics, with exposure null and explained', () => {
    const doc = json(runCli(['audit', corpus('twcs/head-1000.csv'), '--json']));
    expect(doc.brands.length).toBeGreaterThan(10);
    for (const b of doc.brands) {
      expect(b.metrics.exposure).toBeNull();
      expect(b.metrics.unavailable.exposure).toBeTruthy();
      expect(b.metrics.coverage).not.toBeNull();
    }
  });
});
