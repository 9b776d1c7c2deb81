// The response-time histogram (metrics.responseTime.distribution): fixed delay buckets, each
// bound inclusive, counts adding up to the timed replies.
import { describe, expect, it } from 'vitest';
import { DELAY_BUCKETS, responseTimeOf } from '../src/score/response-time.js';
import { plus, reply } from './support/replies.js';

const T = '2026-03-02T10:00:00.000Z';
const after = (minutes: number) => reply({ askedAt: T, at: plus(T, minutes) });
const counts = (minutes: number[]) => responseTimeOf(minutes.map(after))!.distribution.buckets.map((b) => b.replies);

describe('response-time distribution', () => {
  it('has nine fixed buckets from "≤ 5 min" to an open "> 3 days"', () => {
    const b = responseTimeOf([after(1)])!.distribution.buckets;
    expect(b.map((x) => x.label)).toEqual(['≤ 5 min', '≤ 15 min', '≤ 30 min', '≤ 1 h', '≤ 3 h', '≤ 6 h', '≤ 1 day', '≤ 3 days', '> 3 days']);
    expect(b.map((x) => x.upToSeconds)).toEqual([300, 900, 1800, 3600, 10_800, 21_600, 86_400, 259_200, null]);
    expect(b.map((x) => x.upToSeconds)).toEqual(DELAY_BUCKETS.map((x) => x.upToSeconds));
  });

  it('puts a delay on a bound into that bound\'s bucket, one second more into the next', () => {
    expect(counts([5, 5 + 1 / 60, 60, 60 + 1 / 60])).toEqual([1, 1, 0, 1, 1, 0, 0, 0, 0]);
    expect(counts([0])).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('counts every timed reply once, so the buckets add up to timedReplies', () => {
    const minutes = [1, 7, 20, 45, 100, 300, 600, 2000, 4320, 4321, 20_000];
    expect(counts(minutes)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2]);
    const rt = responseTimeOf([...minutes.map(after), reply({ askedAt: null, at: T })])!;
    expect(rt.distribution.buckets.reduce((a, b) => a + b.replies, 0)).toBe(rt.timedReplies);
  });

  it('does not depend on the order of replies', () => {
    const rs = [after(3), after(90), after(10_000), after(3)];
    expect(responseTimeOf([...rs].reverse())!.distribution).toEqual(responseTimeOf(rs)!.distribution);
  });
});
