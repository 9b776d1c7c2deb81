import { describe, expect, it } from 'vitest';
import { firstScreenOf, FIRST_SCREEN_SIZE } from '../src/score/first-screen.js';
import { countLabels, scoreOf } from '../src/score/balance.js';
import { plus, reply } from './support/replies.js';

const T = '2026-03-02T00:00:00.000Z';

describe('the first screen', () => {
  it('is the newest 20 replies, scored like the whole window', () => {
    // 30 old resolving replies, then 20 new blaming ones: a visitor sees only the blaming.
    const old = Array.from({ length: 30 }, (_, i) => reply({ at: plus(T, i), label: 'resolving' }));
    const recent = Array.from({ length: 20 }, (_, i) => reply({ at: plus(T, 1000 + i), label: 'blaming' }));
    const fs = firstScreenOf([...recent, ...old])!;
    expect(FIRST_SCREEN_SIZE).toBe(20);
    expect(fs.replies).toBe(20);
    expect(fs.counts).toEqual({ resolving: 0, deflecting: 0, blaming: 20, other: 0 });
    expect(fs.score).toEqual(scoreOf(countLabels(Array(20).fill('blaming'))));
    expect(fs.from).toBe(plus(T, 1000));
    expect(fs.to).toBe(plus(T, 1019));
  });

  it('holds every reply when the window has fewer than 20', () => {
    const fs = firstScreenOf([reply({ at: T }), reply({ at: plus(T, 5), label: 'deflecting' })])!;
    expect(fs.replies).toBe(2);
    expect(fs.shares).toEqual({ resolving: 0.5, deflecting: 0.5, blaming: 0, other: 0 });
  });

  it('leaves undated replies out, and is null when none is dated', () => {
    expect(firstScreenOf([reply({ at: T }), reply({})])!.replies).toBe(1);
    expect(firstScreenOf([reply({}), reply({})])).toBeNull();
    expect(firstScreenOf([])).toBeNull();
  });

  it('has no score (null) when none of its replies works on a problem', () => {
    expect(firstScreenOf([reply({ at: T, label: 'other' })])!.score).toBeNull();
  });
});
