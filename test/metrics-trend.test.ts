import { describe, expect, it } from 'vitest';
import { weeklyTrendOf } from '../src/score/trend.js';
import { isoWeekOf } from '../src/score/time.js';
import { sparkline } from '../src/render/shapes.js';
import { reply } from './support/replies.js';

describe('the weekly trend', () => {
  it('uses ISO 8601 weeks, Monday to Sunday, numbered by the year of their Thursday', () => {
    expect(isoWeekOf(2020, 12, 31).week).toBe('2020-W53');
    expect(isoWeekOf(2021, 1, 3).week).toBe('2020-W53');
    expect(isoWeekOf(2021, 1, 4)).toMatchObject({ week: '2021-W01', monday: '2021-01-04' });
    expect(isoWeekOf(2026, 3, 8).monday).toBe('2026-03-02');
  });

  it('scores each week from the first reply’s to the last’s, empty weeks included with no score', () => {
    const t = weeklyTrendOf([
      reply({ at: '2026-03-02T10:00:00Z', label: 'resolving' }),
      reply({ at: '2026-03-03T10:00:00Z', label: 'blaming' }),
      reply({ at: '2026-03-18T10:00:00Z', label: 'deflecting' }),
    ], 'UTC')!;
    expect(t.weeks.map((w) => w.week)).toEqual(['2026-W10', '2026-W11', '2026-W12']);
    expect(t.weeks.map((w) => w.score)).toEqual([50, null, 35]);
    expect(t.weeks.map((w) => w.replies)).toEqual([2, 0, 1]);
    expect(t.scoredWeeks).toBe(2);
  });

  it('counts weeks in the chosen time zone', () => {
    // Monday 00:30 UTC is still Sunday in New York: the previous ISO week.
    const r = [reply({ at: '2026-03-09T00:30:00Z' })];
    expect(weeklyTrendOf(r, 'UTC')!.weeks[0].week).toBe('2026-W11');
    expect(weeklyTrendOf(r, 'America/New_York')!.weeks[0].week).toBe('2026-W10');
  });

  it('is null when no reply is dated', () => {
    expect(weeklyTrendOf([reply({})], 'UTC')).toBeNull();
  });

  it('draws as a sparkline on the fixed 0–100 scale, with a gap for a week without a score', () => {
    expect(sparkline([0, 50, 100, null, 99])).toBe('▁▅█ █');
    expect(sparkline([])).toBe('');
  });
});
