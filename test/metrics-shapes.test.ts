import { describe, expect, it } from 'vitest';
import { duration, heatMapLines, shadeOf, SHADE_EMPTY } from '../src/render/shapes.js';
import { mdText } from '../src/render/markdown.js';

describe('text shapes for the renderers', () => {
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
