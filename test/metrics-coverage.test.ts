import { describe, expect, it } from 'vitest';
import { coverageOf } from '../src/score/coverage.js';
import { canonicalTimeZone, localClock } from '../src/score/time.js';
import { reply } from './support/replies.js';

const at = (iso: string) => reply({ at: iso });

describe('coverage by weekday and hour', () => {
  it('places each reply in a 7 × 24 grid, Monday first, in the chosen time zone', () => {
    // Monday 2 March 2026, 02:30 UTC is Sunday 1 March, 21:30 in New York (EST, UTC−5).
    const utc = coverageOf([at('2026-03-02T02:30:00Z')], 'UTC')!;
    expect(utc.byWeekdayHour[0][2]).toBe(1);
    const ny = coverageOf([at('2026-03-02T02:30:00Z')], 'America/New_York')!;
    expect(ny.byWeekdayHour[6][21]).toBe(1);
    expect(ny.byWeekday).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(ny.byHour[21]).toBe(1);
  });

  it('follows daylight saving time', () => {
    // London is UTC+1 in July: 12:00 UTC is 13:00 local.
    expect(coverageOf([at('2026-07-01T12:00:00Z')], 'Europe/London')!.byHour[13]).toBe(1);
    expect(coverageOf([at('2026-01-07T12:00:00Z')], 'Europe/London')!.byHour[12]).toBe(1);
  });

  it('handles zones a quarter of an hour off the hour', () => {
    // Kathmandu is UTC+5:45: 00:14 UTC is 05:59, 00:15 UTC is 06:00.
    const clock = localClock('Asia/Kathmandu');
    expect(clock(Date.parse('2026-03-02T00:14:00Z')).hour).toBe(5);
    expect(clock(Date.parse('2026-03-02T00:15:00Z')).hour).toBe(6);
  });

  it('tells a 24/7 desk from a 9-to-5 desk that disappears at weekends', () => {
    const allWeek = [];
    for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) allWeek.push(at(new Date(Date.UTC(2026, 2, 2 + d, h, 10)).toISOString()));
    const round = coverageOf(allWeek, 'UTC')!;
    expect(round.weekendShare).toBeCloseTo(2 / 7, 3);
    expect(round.businessHoursShare).toBeCloseTo(40 / 168, 3);
    expect(round.hourSlotsWithReplies).toBe(168);

    const office = [];
    for (let d = 0; d < 5; d++) for (let h = 9; h < 17; h++) office.push(at(new Date(Date.UTC(2026, 2, 2 + d, h, 10)).toISOString()));
    const desk = coverageOf(office, 'UTC')!;
    expect(desk.weekendShare).toBe(0);
    expect(desk.businessHoursShare).toBe(1);
    expect(desk.byWeekday.slice(5)).toEqual([0, 0]);
  });

  it('counts only dated replies and is null when none is dated', () => {
    expect(coverageOf([at('2026-03-02T10:00:00Z'), reply({})], 'UTC')!.datedReplies).toBe(1);
    expect(coverageOf([reply({}), reply({})], 'UTC')).toBeNull();
    expect(coverageOf([], 'UTC')).toBeNull();
  });

  it('accepts IANA zone names in their canonical spelling and rejects anything else', () => {
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
    expect(canonicalTimeZone('UTC; rm -rf')).toBeNull();
  });
});
