// Calendar helpers behind the weekly trend and the mergeable tallies.
import { describe, expect, it } from 'vitest';
import { isoWeekOf, mondayOf } from '../src/score/time.js';
import { addTally, emptyTally, mergeTallies, tallyQuantile } from '../src/score/tally.js';
import { quantile } from '../src/score/stats.js';
import { rng } from '../src/classify/train.js';

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
});
