// Small text shapes shared by the table and Markdown renderers: sparklines, heat-map shades,
// durations and percentages. Pure.
import { LABELS, type Label } from '../model.js';

export const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
/** Heat-map shades from a little to the most; an empty cell is SHADE_EMPTY. */
export const SHADES = ['░', '▒', '▓', '█'] as const;
export const SHADE_EMPTY = '·';

/**
 * One character per value on a fixed scale (scores: 0–100, so brands and weeks compare):
 * min → ▁, max → █; null (no value that week) → a space.
 */
export function sparkline(values: readonly (number | null)[], min = 0, max = 100): string {
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      const x = (Math.min(max, Math.max(min, v)) - min) / (max - min || 1);
      return SPARKS[Math.min(SPARKS.length - 1, Math.floor(x * SPARKS.length))];
    })
    .join('');
}

/** The shade of a count relative to the busiest cell: 0 → ·, up to ¼ → ░, ½ → ▒, ¾ → ▓, more → █. */
export function shadeOf(count: number, max: number): string {
  if (count <= 0 || max <= 0) return SHADE_EMPTY;
  const k = Math.ceil((count / max) * SHADES.length) - 1;
  return SHADES[Math.min(SHADES.length - 1, Math.max(0, k))];
}

/**
 * A weekday × hour grid (7 rows, Monday first, 24 columns) as text lines: an hour ruler, one
 * row per day with its total, `cell` characters per hour.
 */
export function heatMapLines(grid: readonly (readonly number[])[], cell = 2): string[] {
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const max = Math.max(0, ...grid.flat());
  let ruler = '';
  for (let h = 0; h < 24; h += 3) ruler += String(h).padStart(2, '0').padEnd(3 * cell, ' ');
  const lines = [`     ${ruler.trimEnd()}`];
  grid.forEach((row, d) => {
    const cells = row.map((c) => shadeOf(c, max).repeat(cell)).join('');
    const total = row.reduce((a, b) => a + b, 0);
    lines.push(`${days[d]}  ${cells}  ${total}`);
  });
  return lines;
}

/** 45 s · 12 min · 3 h 05 min · 2 d 4 h */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const totalMin = Math.round(s / 60);
  if (totalMin < 60) return `${totalMin} min`;
  if (totalMin < 48 * 60) return `${Math.floor(totalMin / 60)} h ${String(totalMin % 60).padStart(2, '0')} min`;
  const totalH = Math.round(s / 3600);
  return `${Math.floor(totalH / 24)} d ${totalH % 24} h`;
}

/** "3 of 4 weeks scored · low 35 · high 50 · last 35" */
export function trendSummary(weeks: readonly { score: number | null }[]): string {
  const scores = weeks.map((w) => w.score).filter((x): x is number => x !== null);
  if (!scores.length) return `no week of ${weeks.length} has a score`;
  return `${scores.length} of ${weeks.length} week${weeks.length === 1 ? '' : 's'} scored · low ${Math.min(...scores)} · high ${Math.max(...scores)} · last ${scores[scores.length - 1]}`;
}

/** "1 tweet", "3 tweets", "1 reply", "2 replies". */
export const plural = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

export const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The four label shares as whole percentages that add up to 100 (the largest remainders round
 * up; ties in label order): each rounded on its own, 37.5 + 31.9 + 12.5 + 18.1 would read 101.
 */
export function mixPcts(shares: Readonly<Record<Label, number>> | null | undefined): Record<Label, string> {
  const exact = LABELS.map((l) => (shares?.[l] ?? 0) * 100);
  const whole = exact.map(Math.floor);
  const total = exact.reduce((a, x) => a + x, 0);
  let left = Math.round(total) - whole.reduce((a, x) => a + x, 0);
  const order = LABELS.map((_, i) => i).sort((a, b) => exact[b] - whole[b] - (exact[a] - whole[a]) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    whole[i]++;
    left--;
  }
  return Object.fromEntries(LABELS.map((l, i) => [l, `${whole[i]}%`])) as Record<Label, string>;
}

/** mixPcts as a row of cells, in LABELS order. */
export const mixRow = (shares: Readonly<Record<Label, number>> | null | undefined): string[] => {
  const shown = mixPcts(shares);
  return LABELS.map((l) => shown[l]);
};
