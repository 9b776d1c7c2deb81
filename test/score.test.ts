import { describe, expect, it } from 'vitest';
import { balance, countLabels, gradeOf, scoreOf, verdictOf } from '../src/score/balance.js';
import type { Label } from '../src/model.js';

const counts = (r: number, d: number, b: number, o = 0) => ({ resolving: r, deflecting: d, blaming: b, other: o });

describe('the balance score', () => {
  it('never drops when a deflecting or blaming reply becomes resolving', () => {
    for (let r = 0; r < 6; r++)
      for (let d = 0; d < 6; d++)
        for (let b = 0; b < 6; b++)
          for (let o = 0; o < 3; o++) {
            const base = balance(counts(r, d, b, o));
            if (d > 0) expect(balance(counts(r + 1, d - 1, b, o))!).toBeGreaterThanOrEqual(base!);
            if (b > 0) expect(balance(counts(r + 1, d, b - 1, o))!).toBeGreaterThanOrEqual(base!);
          }
  });

  it('weighs blaming more than deflecting', () => {
    expect(balance(counts(5, 0, 5))!).toBeLessThan(balance(counts(5, 5, 0))!);
    expect(balance(counts(0, 0, 1))!).toBeLessThan(balance(counts(0, 1, 0))!);
  });

  it('does not depend on the order of replies', () => {
    const labels: Label[] = ['resolving', 'blaming', 'deflecting', 'other', 'resolving', 'deflecting'];
    const shuffled: Label[] = ['deflecting', 'other', 'resolving', 'deflecting', 'blaming', 'resolving'];
    expect(scoreOf(countLabels(labels))).toEqual(scoreOf(countLabels(shuffled)));
  });

  it('gives no score (not 0, not NaN) when no reply works on a problem', () => {
    expect(scoreOf(counts(0, 0, 0, 0))).toBeNull();
    expect(scoreOf(counts(0, 0, 0, 7))).toBeNull();
  });

  it('stays within 0–100 with a letter grade', () => {
    expect(scoreOf(counts(10, 0, 0))).toMatchObject({ value: 100, grade: 'A' });
    expect(scoreOf(counts(0, 0, 10))).toMatchObject({ value: 0, grade: 'F' });
    expect(gradeOf(70)).toBe('B');
    expect(gradeOf(69)).toBe('C');
  });

  it('explains itself in one plain sentence', () => {
    expect(verdictOf(counts(20, 60, 0, 20))).toBe('Reads like a redirect desk: 6 in 10 replies send people elsewhere.');
    expect(verdictOf(counts(8, 1, 1))).toMatch(/^Fixes things in public: 8 in 10 replies/);
    expect(verdictOf(counts(4, 2, 4))).toMatch(/^Passes the buck: 4 in 10 replies put the problem on someone else/);
  });
});
