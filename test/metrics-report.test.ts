import { describe, expect, it } from 'vitest';
import { summarize } from '../src/report.js';
import { metricsOf, METRIC_NAMES } from '../src/score/metrics.js';
import { rank } from '../src/compare.js';
import { belowThreshold, unscored } from '../src/score/threshold.js';
import { plus, reply } from './support/replies.js';

const T = '2026-03-02T09:00:00.000Z';
const source = { file: 'x.jsonl', format: 'v2' };

describe('metrics in the report', () => {
  it('sit under report.metrics beside the existing fields, with the time zone they were counted in', () => {
    const replies = [reply({ at: plus(T, 5), askedAt: T, followers: 120 }), reply({ at: plus(T, 90), askedAt: T, label: 'deflecting' })];
    const r = summarize({ account: { handle: 'Brand' }, tweets: replies.map((x) => x.tweet), replies, source, timeZone: 'Europe/London' });
    expect(r.schemaVersion).toBe(1);
    expect(r.score).not.toBeNull();
    expect(r.metrics.timeZone).toBe('Europe/London');
    for (const k of METRIC_NAMES) expect(r.metrics[k]).not.toBeNull();
    expect(r.metrics.unavailable).toEqual({});
  });

  it('are null, with the reason under metrics.unavailable, when the data cannot support them', () => {
    const m = metricsOf([reply({ askedAt: null }), reply({ askedAt: null })]);
    expect(m.responseTime).toBeNull();
    expect(m.coverage).toBeNull();
    expect(m.firstScreen).toBeNull();
    expect(m.weeklyTrend).toBeNull();
    expect(m.exposure).toBeNull();
    expect(m.canned).not.toBeNull();
    expect(m.personalTouch).not.toBeNull();
    expect(Object.keys(m.unavailable).sort()).toEqual(['coverage', 'exposure', 'firstScreen', 'responseTime', 'weeklyTrend']);
    expect(m.unavailable.responseTime).toMatch(/timestamp/);
    expect(JSON.parse(JSON.stringify(m)).responseTime).toBeNull(); // kept as null in JSON, not dropped
  });

  it('are all null for a timeline without replies, and default to UTC', () => {
    const m = metricsOf([]);
    expect(m.timeZone).toBe('UTC');
    for (const k of METRIC_NAMES) {
      expect(m[k]).toBeNull();
      expect(m.unavailable[k]).toBe('no replies');
    }
  });
});

describe('ranking and --fail-under', () => {
  const report = (handle: string, labels: ('resolving' | 'deflecting' | 'blaming' | 'other')[]) => {
    const replies = labels.map((label, i) => reply({ label, at: plus(T, i), askedAt: T }));
    return summarize({ account: { handle }, tweets: replies.map((x) => x.tweet), replies, source });
  };

  it('ranks brands by score, best first, brands without a score last', () => {
    const rows = rank([report('Middling', ['resolving', 'deflecting']), report('Chatty', ['other']), report('Fixer', ['resolving']), report('Blamer', ['blaming'])]);
    expect(rows.map((r) => [r.rank, r.handle, r.score])).toEqual([[1, 'Fixer', 100], [2, 'Middling', 68], [3, 'Blamer', 0], [4, 'Chatty', null]]);
    expect(rows[0]).toMatchObject({ grade: 'A', replies: 1, medianResponseSeconds: 0, templatedShare: 0, exposureScore: null });
  });

  it('breaks score ties by the number of replies, then by handle', () => {
    const rows = rank([report('B', ['resolving']), report('A', ['resolving']), report('C', ['resolving', 'resolving'])]);
    expect(rows.map((r) => r.handle)).toEqual(['C', 'A', 'B']);
  });

  it('finds the brands under the threshold and never counts a missing score as low', () => {
    const brands = [{ handle: 'a', score: { value: 59 } }, { handle: 'b', score: { value: 60 } }, { handle: 'c', score: null }];
    expect(belowThreshold(brands, 60)).toEqual([{ handle: 'a', score: 59 }]);
    expect(belowThreshold(brands, 0)).toEqual([]);
    expect(unscored(brands)).toEqual(['c']);
  });
});
