import { describe, expect, it } from 'vitest';
import { delayStats, replyDelaySeconds, responseTimeOf } from '../src/score/response-time.js';
import { quantile } from '../src/score/stats.js';
import { plus, reply } from './support/replies.js';

const T = '2026-03-02T10:00:00.000Z';
const after = (minutes: number, label: 'resolving' | 'deflecting' | 'blaming' | 'other' = 'resolving') => reply({ askedAt: T, at: plus(T, minutes), label });

describe('response time', () => {
  it('is measured from the answered tweet to the reply, in seconds', () => {
    expect(replyDelaySeconds(after(5))).toBe(300);
  });

  it('uses the median, not the mean, so one reply to a week-old tweet does not drag it', () => {
    const rt = responseTimeOf([after(2), after(3), after(4), after(10_080)])!;
    expect(rt.medianSeconds).toBe(210); // (3 + 4) / 2 minutes
    expect(rt.medianSeconds).toBeLessThan(((2 + 3 + 4 + 10_080) / 4) * 60);
  });

  it('takes the 90th percentile by linear interpolation between closest ranks', () => {
    expect(quantile([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(90);
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7);
    expect(delayStats([60])).toEqual({ timedReplies: 1, medianSeconds: 60, p90Seconds: 60, answeredWithin1hShare: 1 });
  });

  it('counts the share answered within one hour, the hour itself included', () => {
    const rt = responseTimeOf([after(59), after(60), after(61), after(600)])!;
    expect(rt.answeredWithin1hShare).toBe(0.5);
  });

  it('gives the same figures per label, and null for a label with no timed reply', () => {
    const rt = responseTimeOf([after(5, 'resolving'), after(7, 'resolving'), after(300, 'deflecting')])!;
    expect(rt.byLabel.resolving).toMatchObject({ timedReplies: 2, medianSeconds: 360 });
    expect(rt.byLabel.deflecting).toMatchObject({ timedReplies: 1, medianSeconds: 18_000, answeredWithin1hShare: 0 });
    expect(rt.byLabel.blaming).toBeNull();
    expect(rt.byLabel.other).toBeNull();
  });

  it('leaves out replies whose answered tweet is unknown, undated, or dated after the reply, and counts them', () => {
    const rt = responseTimeOf([after(5), reply({ askedAt: null, at: T }), reply({ askedAt: undefined, at: T }), reply({ askedAt: plus(T, 10), at: T })])!;
    expect(rt.timedReplies).toBe(1);
    expect(rt.untimedReplies).toBe(3);
  });

  it('is null, not zero, when no answered tweet has a timestamp', () => {
    expect(responseTimeOf([reply({ askedAt: null, at: T }), reply({ askedAt: T })])).toBeNull();
    expect(responseTimeOf([])).toBeNull();
  });

  it('does not depend on the order of replies', () => {
    const rs = [after(1), after(30), after(90), after(5, 'deflecting'), after(2000, 'blaming')];
    expect(responseTimeOf([...rs].reverse())).toEqual(responseTimeOf(rs));
  });
});
