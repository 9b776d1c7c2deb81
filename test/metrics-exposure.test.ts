import { describe, expect, it } from 'vitest';
import { exposureOf, exposureWeight } from '../src/score/exposure.js';
import { reply } from './support/replies.js';

const T = '2026-03-02T00:00:00.000Z';

describe('exposure', () => {
  it('weighs a reply by 1 + log10(1 + followers) of the person answered', () => {
    expect(exposureWeight(0)).toBe(1);
    expect(exposureWeight(99)).toBeCloseTo(3);
    expect(exposureWeight(999_999)).toBeCloseTo(7);
    expect(exposureWeight(-5)).toBe(1);
  });

  it('shows a blaming reply to a big account weighing more than its plain share', () => {
    const e = exposureOf([
      reply({ askedAt: T, followers: 10, label: 'resolving' }),
      reply({ askedAt: T, followers: 10, label: 'resolving' }),
      reply({ askedAt: T, followers: 10, label: 'resolving' }),
      reply({ askedAt: T, followers: 2_000_000, label: 'blaming' }),
    ])!;
    expect(e.plainShares.blaming).toBe(0.25);
    expect(e.shares.blaming).toBeGreaterThan(0.25);
    expect(e.score!.value).toBeLessThan(e.plainScore!.value);
    expect(e.plainScore!.value).toBe(75);
    expect(e.medianFollowers).toBe(10);
  });

  it('uses only replies whose answered author’s follower count is known, and says how many', () => {
    const e = exposureOf([reply({ askedAt: T, followers: 50 }), reply({ askedAt: T }), reply({ askedAt: null })])!;
    expect(e.weightedReplies).toBe(1);
    expect(e.unweightedReplies).toBe(2);
  });

  it('is null, not an unweighted copy, when the source has no follower counts', () => {
    expect(exposureOf([reply({ askedAt: T }), reply({ askedAt: null })])).toBeNull();
  });
});
