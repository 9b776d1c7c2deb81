// clipText: how every renderer shortens tweet text for a line or a cell.
import { describe, expect, it } from 'vitest';
import { clipText } from '../src/text.js';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('clipText', () => {
  it('leaves text of up to max characters as it is', () => {
    expect(clipText('Refunded today.', 15)).toBe('Refunded today.');
    expect(clipText('', 5)).toBe('');
    expect(clipText('💙'.repeat(5), 5)).toBe('💙'.repeat(5));
  });

  it('cuts longer plain text to max characters, the last one an ellipsis (as the renderers always have)', () => {
    expect(clipText('abcd', 3)).toBe('ab…');
    const text = 'Please DM us your account number so we can check. '.repeat(10);
    expect(clipText(text, 280)).toBe(`${text.slice(0, 279)}…`);
    expect(clipText(text, 280)).toHaveLength(280);
    expect(clipText('Déjà vu – “quoted” £5', 10)).toBe('Déjà vu –…');
  });

  it('counts emoji and other characters past U+FFFF as one each, and never splits one in half', () => {
    expect(clipText('💙'.repeat(10), 5)).toBe('💙💙💙💙…');
    const reply = `@cust1 Thanks so much for the love! ${'💙'.repeat(300)}`;
    for (let max = 2; max < 60; max++) {
      const clipped = clipText(reply, max);
      expect(clipped, `max ${max}`).not.toMatch(LONE_SURROGATE);
      expect([...clipped], `max ${max}`).toHaveLength(max);
    }
  });

  it('keeps emoji made of several code points whole: a flag, a ZWJ sequence, a skin tone', () => {
    expect(clipText('ab🇬🇧🇫🇷xyz', 4)).toBe('ab🇬🇧…');
    expect(clipText('ab👩‍💻xyz', 4)).toBe('ab👩‍💻…');
    expect(clipText('ab👍🏽👍🏽👍🏽', 4)).toBe('ab👍🏽…');
    expect(clipText('abc', 1)).toBe('…');
  });
});

