// Calendar helpers behind the weekly trend and the mergeable tallies.
import { describe, expect, it } from 'vitest';
import { canonicalMs, isoWeekOf, mondayOf, msOf } from '../src/score/time.js';
import { addTally, emptyTally, mergeTallies, tallyQuantile } from '../src/score/tally.js';
import { quantile } from '../src/score/stats.js';
import { rng } from '../src/classify/train.js';
import { toIso } from '../src/text.js';

describe('time and tallies', () => {
  it('finds the Monday of the ISO week the same way isoWeekOf does, across years and leap days', () => {
    for (let d = Date.UTC(1999, 11, 20); d < Date.UTC(2025, 1, 10); d += 86_400_000 * 3) {
      const t = new Date(d);
      const [y, m, day] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
      expect(mondayOf(y, m, day)).toBe(isoWeekOf(y, m, day).mondayDay);
    }
  });

  it('reads the same quantiles off a tally as off the sorted values, and merged tallies equal one tally', () => {
    const rand = rng(5);
    const values = Array.from({ length: 501 }, () => Math.floor(rand() * rand() * 5000));
    const a = emptyTally();
    const b = emptyTally();
    const all = emptyTally();
    values.forEach((v, i) => {
      addTally(i % 3 ? a : b, v);
      addTally(all, v);
    });
    const sorted = [...values].sort((x, y) => x - y);
    for (const q of [0, 0.1, 0.5, 0.9, 0.99, 1]) {
      expect(tallyQuantile(all, q)).toBe(quantile(sorted, q));
      expect(tallyQuantile(mergeTallies(a, b), q)).toBe(quantile(sorted, q));
    }
    expect(tallyQuantile(emptyTally(), 0.5)).toBeNull();
  });

  it('reads canonical ISO times exactly as Date.parse does, and leaves other shapes to it', () => {
    const pad = (x: number, w: number) => String(x).padStart(w, '0');
    let checked = 0;
    for (const y of [0, 1, 100, 1600, 1900, 1969, 1970, 2000, 2016, 2017, 2020, 2024, 2100, 2400, 9999])
      for (let m = 1; m <= 12; m++)
        for (let d = 1; d <= 31; d++) {
          // Day 29–31 of short months roll over in Date.parse; so they must here.
          const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad((d * 7) % 24, 2)}:${pad((d * 13 + m) % 60, 2)}:${pad((m * 7 + d) % 60, 2)}.${pad((y + d * 37) % 1000, 3)}Z`;
          expect(canonicalMs(iso), iso).toBe(Date.parse(iso));
          checked++;
        }
    expect(checked).toBe(15 * 12 * 31);
    for (const other of ['2017-10-31 22:10:47', '2017-10-31T22:10:47Z', '2017-13-01T00:00:00.000Z', '2017-10-31T24:00:00.000Z', 'Tue Oct 31 22:10:47 +0000 2017', '2017-1a-31T22:10:47.000Z'])
      expect(Number.isNaN(canonicalMs(other)), other).toBe(true);
    expect(msOf('2017-10-31T24:00:00.000Z')).toBe(Date.parse('2017-10-31T24:00:00.000Z'));
    expect(msOf('2017-10-31T22:10:47Z')).toBe(Date.parse('2017-10-31T22:10:47Z'));
    expect(msOf('not a date')).toBeNull();
  });

  it('stores a time in the canonical ISO form of the moment it stands for, so strings compare as times do', () => {
    const pad = (x: number) => String(x).padStart(2, '0');
    for (const y of [1900, 2000, 2016, 2017, 2024])
      for (let m = 1; m <= 12; m++)
        for (let d = 1; d <= 31; d++) {
          const iso = `${y}-${pad(m)}-${pad(d)}T10:20:30.000Z`;
          // Day 29–31 of a short month is the day Date.parse rolls it over to.
          expect(toIso(iso), iso).toBe(new Date(Date.parse(iso)).toISOString());
        }
    expect(toIso('Tue Oct 31 22:10:47 +0000 2017')).toBe('2017-10-31T22:10:47.000Z');
    expect(toIso('Fri Feb 31 22:10:47 +0000 2017')).toBe('2017-03-03T22:10:47.000Z');
    expect(toIso('Thu Feb 29 08:00:00 +0000 2024')).toBe('2024-02-29T08:00:00.000Z');
    expect(toIso('not a date')).toBeUndefined();
  });

  it('reads a time that names no zone as UTC, whatever zone the machine is in (as --since does)', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) {
        process.env.TZ = tz; // Node reads TZ afresh when it changes
        expect(toIso('2017-10-31 22:10:47'), tz).toBe('2017-10-31T22:10:47.000Z');
        expect(toIso('2024-05-01T10:00:00'), tz).toBe('2024-05-01T10:00:00.000Z');
        expect(toIso('10/31/2017 22:10'), tz).toBe('2017-10-31T22:10:00.000Z');
        // A zone or offset named in the value still counts.
        expect(toIso('2024-05-01T10:00:00+02:00'), tz).toBe('2024-05-01T08:00:00.000Z');
        expect(toIso('Tue Oct 31 22:10:47 +0100 2017'), tz).toBe('2017-10-31T21:10:47.000Z');
        expect(toIso('Oct 31 2017 22:10 GMT'), tz).toBe('2017-10-31T22:10:00.000Z');
        expect(toIso('2017-10-31 22:10:47 EST'), tz).toBe('2017-11-01T03:10:47.000Z');
        // "-2017" is the year, not an offset.
        expect(toIso('10-31-2017 22:10:47'), tz).toBe('2017-10-31T22:10:47.000Z');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
