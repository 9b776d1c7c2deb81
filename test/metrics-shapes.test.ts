import { describe, expect, it } from 'vitest';
import { duration, heatMapLines, mixPcts, plural, shadeOf, SHADE_EMPTY } from '../src/render/shapes.js';
import { rng } from '../src/classify/train.js';
import { mdText } from '../src/render/markdown.js';

describe('text shapes for the renderers', () => {
  it('counts in words that agree with the number: 1 tweet, 1 reply, 2 replies', () => {
    expect([plural(1, 'tweet'), plural(0, 'tweet'), plural(1, 'reply', 'replies'), plural(2, 'reply', 'replies')]).toEqual(['1 tweet', '0 tweets', '1 reply', '2 replies']);
  });

  it('shows a label mix as whole percentages adding up to 100, the largest remainders rounded up', () => {
    // 27, 23, 9, 13 of 72 replies: 37.5 / 31.9 / 12.5 / 18.1 — rounded one by one, 38 + 32 + 13 + 18 = 101.
    expect(mixPcts({ resolving: 27 / 72, deflecting: 23 / 72, blaming: 9 / 72, other: 13 / 72 })).toEqual({ resolving: '38%', deflecting: '32%', blaming: '12%', other: '18%' });
    expect(mixPcts({ resolving: 1 / 3, deflecting: 1 / 3, blaming: 1 / 3, other: 0 })).toEqual({ resolving: '34%', deflecting: '33%', blaming: '33%', other: '0%' });
    expect(mixPcts(null)).toEqual({ resolving: '0%', deflecting: '0%', blaming: '0%', other: '0%' });
    const rand = rng(3);
    for (let k = 0; k < 500; k++) {
      const counts = [0, 0, 0, 0].map(() => Math.floor(rand() * 50));
      const n = counts.reduce((a, x) => a + x, 0) || 1;
      const shown = Object.values(mixPcts({ resolving: counts[0] / n, deflecting: counts[1] / n, blaming: counts[2] / n, other: counts[3] / n })).map((p) => Number(p.slice(0, -1)));
      expect(shown.reduce((a, x) => a + x, 0)).toBe(counts.some((c) => c > 0) ? 100 : 0);
      // Each is its share rounded down or up, never further off.
      shown.forEach((p, i) => expect(Math.abs(p - (100 * counts[i]) / n)).toBeLessThan(1));
    }
  });

  it('shades a heat-map cell by its share of the busiest cell', () => {
    expect(shadeOf(0, 10)).toBe(SHADE_EMPTY);
    expect(shadeOf(1, 10)).toBe('░');
    expect(shadeOf(5, 10)).toBe('▒');
    expect(shadeOf(7, 10)).toBe('▓');
    expect(shadeOf(10, 10)).toBe('█');
  });

  it('draws 7 weekday rows of 24 hour cells under an hour ruler', () => {
    const grid = Array.from({ length: 7 }, () => new Array(24).fill(0));
    grid[0][9] = 4;
    grid[6][23] = 1;
    const lines = heatMapLines(grid, 1);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^ +00 +03 +06/);
    expect(lines[1]).toBe(`Mon  ${'·'.repeat(9)}█${'·'.repeat(14)}  4`);
    expect(lines[7]).toBe(`Sun  ${'·'.repeat(23)}░  1`);
  });

  it('says durations the way people say them', () => {
    expect(duration(42)).toBe('42 s');
    expect(duration(600)).toBe('10 min');
    expect(duration(3600 * 3 + 300)).toBe('3 h 05 min');
    expect(duration(3599.9)).toBe('1 h 00 min');
    expect(duration(86400 * 3 + 3600 * 5)).toBe('3 d 5 h');
  });

  it('keeps tweets plain in Markdown: special characters escaped, newlines flattened', () => {
    expect(mdText('a | b *c* _d_ [e](f) <g>\n#h')).toBe('a \\| b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\#h');
  });
});
