// Pure SVG builders for the HTML report: data in, one <svg> string out. Every chart is
// role="img" with a <title> and a <desc> that says in words what it shows (the page adds a data
// table beside it); colours come from CSS classes so charts follow the light/dark scheme; every
// piece of text goes through esc(). No chart refers to anything outside itself.
import { LABELS, type Label } from '../../model.js';
import { GRADES } from '../../score/balance.js';
import type { LabelCounts } from '../../score/balance.js';
import { esc } from './escape.js';
import { mixPcts } from '../shapes.js';
import { clipText } from '../../text.js';

/** The accessible name and description of a chart, and an id unique in the page (for aria-labelledby). */
export interface ChartText {
  id: string;
  title: string;
  desc: string;
}

/** Coordinates to one decimal: short markup, stable output. */
export const n = (x: number) => String(Math.round(x * 10) / 10);
const pctText = (x: number) => `${Math.round(x * 100)}%`;

/** Ids are made of the caller's prefix; keep only characters that are safe in an id and a selector. */
export const safeId = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** `<svg>` with its accessible name; `body` is markup built by this module. */
export function svg(width: number, height: number, t: ChartText, body: string, cls = 'chart'): string {
  const id = safeId(t.id);
  return (
    `<svg class="${esc(cls)}" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${esc(t.title)}</title><desc id="${id}-d">${esc(t.desc)}</desc>${body}</svg>`
  );
}

const text = (x: number, y: number, s: string, attrs = '') => `<text x="${n(x)}" y="${n(y)}"${attrs}>${esc(s)}</text>`;
const tip = (s: string) => `<title>${esc(s)}</title>`;

/** The grade band a score falls in: good (A, B), fair (C) or poor (D, F). */
export function gradeTone(grade: string | null | undefined): 'good' | 'fair' | 'poor' {
  return grade === 'A' || grade === 'B' ? 'good' : grade === 'C' ? 'fair' : 'poor';
}

/** Score ranges of each grade on the 0–100 scale, best first: [grade, from, to]. */
export function gradeBands(): { grade: string; from: number; to: number }[] {
  return GRADES.map((g, i) => ({ grade: g.grade, from: g.min, to: i === 0 ? 100 : GRADES[i - 1].min }));
}

// ── Label shares: one stacked bar ────────────────────────────────────────────────────────────

/** Each label's share as one 100% bar, labels in LABELS order; shares of at least 7% carry their number. */
export function shareBar(shares: LabelCounts, counts: LabelCounts, t: ChartText, width = 640, height = 36): string {
  let x = 0;
  const parts: string[] = [];
  const cid = `${safeId(t.id)}-clip`;
  const shown = mixPcts(shares);
  for (const l of LABELS) {
    const w = shares[l] * width;
    if (w <= 0) continue;
    parts.push(`<rect class="f-${l}" x="${n(x)}" y="0" width="${n(w)}" height="${n(height)}">${tip(`${l}: ${counts[l]} replies (${shown[l]})`)}</rect>`);
    if (shares[l] >= 0.07) parts.push(text(x + w / 2, height / 2 + 5, shown[l], ' class="f-bg" text-anchor="middle" font-size="14" font-weight="600"'));
    x += w;
  }
  const body = `<clipPath id="${cid}"><rect width="${n(width)}" height="${n(height)}" rx="8"/></clipPath><g clip-path="url(#${cid})"><rect class="f-track" width="${n(width)}" height="${n(height)}"/>${parts.join('')}</g>`;
  return svg(width, height, t, body);
}

// ── Score on the grade scale ─────────────────────────────────────────────────────────────────

/** The 0–100 scale in grade bands (F, D, C, B, A) with a marker at the score. */
export function scoreScale(value: number, t: ChartText, width = 420): string {
  const pad = 8;
  const w = width - 2 * pad;
  const x = (v: number) => pad + (Math.min(100, Math.max(0, v)) / 100) * w;
  const top = 18;
  const h = 24;
  const out: string[] = [];
  for (const b of gradeBands()) {
    out.push(`<rect class="f-${gradeTone(b.grade)}" fill-opacity="0.22" x="${n(x(b.from))}" y="${top}" width="${n(x(b.to) - x(b.from))}" height="${h}"/>`);
    out.push(text((x(b.from) + x(b.to)) / 2, top + 17, b.grade, ' text-anchor="middle" font-size="13" font-weight="600"'));
    if (b.from > 0) out.push(text(x(b.from), top + h + 15, String(b.from), ' class="t-muted" text-anchor="middle" font-size="12"'));
  }
  out.push(text(x(0), top + h + 15, '0', ' class="t-muted" text-anchor="start" font-size="12"'));
  out.push(text(x(100), top + h + 15, '100', ' class="t-muted" text-anchor="end" font-size="12"'));
  const mx = x(value);
  out.push(`<path class="f-fg" d="M${n(mx - 7)} 2 L${n(mx + 7)} 2 L${n(mx)} ${top - 2} Z"/>`);
  out.push(`<rect class="f-fg" x="${n(mx - 1.5)}" y="${top}" width="3" height="${h}"/>`);
  return svg(width, top + h + 22, t, out.join(''));
}

// ── Weekly trend: a line on the fixed 0–100 scale ───────────────────────────────────────────

export interface TrendPoint {
  /** "2026-W45" */
  week: string;
  replies: number;
  score: number | null;
}

/** Short axis label of an ISO week: "W45", or "2026-W45" where the year should show. */
const weekLabel = (w: string, withYear: boolean) => (withYear ? w : w.replace(/^\d{4}-/, ''));

/**
 * The weekly score as a line over grade bands: a gap where a week has no score (the line is not
 * drawn across it), a dot per scored week, the score above each dot when there are few weeks.
 */
export function trendChart(weeks: readonly TrendPoint[], t: ChartText, width = 520, height = 230): string {
  const m = { l: 34, r: 22, t: 20, b: 30 };
  const pw = width - m.l - m.r;
  const ph = height - m.t - m.b;
  const k = weeks.length;
  const inset = 14; // dots and their numbers stay clear of the axes
  const x = (i: number) => m.l + (k === 1 ? pw / 2 : inset + (i / (k - 1)) * (pw - 2 * inset));
  const y = (v: number) => m.t + ph - (Math.min(100, Math.max(0, v)) / 100) * ph;
  const out: string[] = [];
  for (const b of gradeBands()) {
    out.push(`<rect class="f-${gradeTone(b.grade)}" fill-opacity="0.1" x="${m.l}" y="${n(y(b.to))}" width="${n(pw)}" height="${n(y(b.from) - y(b.to))}"/>`);
    out.push(text(width - m.r + 8, (y(b.from) + y(b.to)) / 2 + 4, b.grade, ' class="t-muted" font-size="12" font-weight="600"'));
  }
  for (const v of [0, 40, 55, 70, 85, 100]) {
    out.push(`<line class="s-track" x1="${m.l}" x2="${n(m.l + pw)}" y1="${n(y(v))}" y2="${n(y(v))}" stroke-width="1"/>`);
    out.push(text(m.l - 6, y(v) + 4, String(v), ' class="t-muted" text-anchor="end" font-size="12"'));
  }
  // x labels: at most ~7, always the first and the last.
  const step = Math.max(1, Math.ceil(k / 7));
  weeks.forEach((w, i) => {
    if (i % step !== 0 && i !== k - 1) return;
    if (i !== k - 1 && k - 1 - i < step / 2) return; // too close to the last label
    const anchor = k === 1 ? 'middle' : i === 0 ? 'start' : i === k - 1 ? 'end' : 'middle';
    const lx = k === 1 ? x(i) : i === 0 ? m.l : i === k - 1 ? m.l + pw : x(i);
    out.push(text(lx, height - m.b + 18, weekLabel(w.week, i === 0 || i === k - 1), ` class="t-muted" text-anchor="${anchor}" font-size="12"`));
  });
  // The line, broken at weeks without a score.
  const segs: string[] = [];
  let cur: string[] = [];
  weeks.forEach((w, i) => {
    if (w.score === null) {
      if (cur.length) segs.push(cur.join(' '));
      cur = [];
    } else cur.push(`${cur.length ? 'L' : 'M'}${n(x(i))} ${n(y(w.score))}`);
  });
  if (cur.length) segs.push(cur.join(' '));
  for (const d of segs) out.push(`<path class="s-accent" d="${d}" fill="none" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>`);
  const labelled = k <= 16;
  weeks.forEach((w, i) => {
    if (w.score === null) {
      out.push(`<circle class="f-bg s-muted" cx="${n(x(i))}" cy="${n(y(0))}" r="3" stroke-width="1.5">${tip(`${w.week}: no score (${w.replies} replies)`)}</circle>`);
      return;
    }
    out.push(`<circle class="f-accent s-accent" cx="${n(x(i))}" cy="${n(y(w.score))}" r="4.5" stroke-width="1">${tip(`${w.week}: score ${w.score} (${w.replies} replies)`)}</circle>`);
    if (labelled) out.push(text(x(i), y(w.score) - 9, String(w.score), ' text-anchor="middle" font-size="13" font-weight="600"'));
  });
  return svg(width, height, t, out.join(''));
}

/** A small weekly-score line for a brand card: fixed 0–100 scale, gaps for weeks without a score. */
export function sparkline(scores: readonly (number | null)[], t: ChartText, width = 200, height = 40): string {
  const k = scores.length;
  const pad = 4;
  const x = (i: number) => pad + (k <= 1 ? (width - 2 * pad) / 2 : (i / (k - 1)) * (width - 2 * pad));
  const y = (v: number) => pad + (1 - Math.min(100, Math.max(0, v)) / 100) * (height - 2 * pad);
  const out: string[] = [`<line class="s-track" x1="${pad}" x2="${n(width - pad)}" y1="${n(y(50))}" y2="${n(y(50))}" stroke-dasharray="3 3"/>`];
  let d = '';
  let open = false;
  scores.forEach((v, i) => {
    if (v === null) {
      open = false;
      return;
    }
    d += `${open ? 'L' : 'M'}${n(x(i))} ${n(y(v))} `;
    open = true;
  });
  if (d) out.push(`<path class="s-accent" d="${d.trim()}" fill="none" stroke-width="2" stroke-linejoin="round"/>`);
  const last = scores.map((v, i) => [v, i] as const).filter(([v]) => v !== null).pop();
  if (last) out.push(`<circle class="f-accent" cx="${n(x(last[1]))}" cy="${n(y(last[0]!))}" r="3"/>`);
  return svg(width, height, t, out.join(''), 'chart spark');
}

// ── Response time: a histogram of fixed delay buckets ────────────────────────────────────────

export interface Bucket {
  label: string;
  upToSeconds: number | null;
  replies: number;
}

/**
 * One horizontal bar per delay bucket, longest bar = busiest bucket; buckets within the hour
 * (≤ 3600 s) are drawn in the accent colour, slower ones in grey, and a dashed rule with words
 * separates the two.
 */
export function histogram(buckets: readonly Bucket[], t: ChartText, width = 420): string {
  const row = 24;
  const labelW = 70;
  const valueW = 78;
  const rule = 20; // room for the one-hour rule and its words
  const total = buckets.reduce((a, b) => a + b.replies, 0);
  const max = Math.max(1, ...buckets.map((b) => b.replies));
  const bw = width - labelW - valueW;
  const fastOnes = buckets.filter((b) => b.upToSeconds !== null && b.upToSeconds <= 3600).length;
  const split = fastOnes > 0 && fastOnes < buckets.length;
  const yOf = (i: number) => 2 + i * row + (split && i >= fastOnes ? rule : 0);
  const out: string[] = [];
  buckets.forEach((b, i) => {
    const y = yOf(i);
    const fast = i < fastOnes;
    const w = b.replies > 0 ? Math.max(2, (b.replies / max) * bw) : 0;
    out.push(text(labelW - 8, y + row / 2 + 4, b.label, ' text-anchor="end" font-size="13"'));
    out.push(`<rect class="f-track" x="${labelW}" y="${n(y + 4)}" width="${n(bw)}" height="${row - 8}" rx="3" fill-opacity="0.5"/>`);
    if (w > 0) out.push(`<rect class="${fast ? 'f-accent' : 'f-muted'}" x="${labelW}" y="${n(y + 4)}" width="${n(w)}" height="${row - 8}" rx="3">${tip(`${b.label}: ${b.replies} replies`)}</rect>`);
    const share = total ? ` · ${pctText(b.replies / total)}` : '';
    out.push(text(labelW + w + 6, y + row / 2 + 4, `${b.replies}${share}`, ' font-size="13" class="num"'));
  });
  if (split) {
    const y = yOf(fastOnes) - rule / 2;
    out.push(`<line class="s-muted" x1="${labelW}" x2="${n(width - 2)}" y1="${n(y)}" y2="${n(y)}" stroke-width="1" stroke-dasharray="4 3"/>`);
    out.push(`<rect class="f-surface" x="${labelW + 6}" y="${n(y - 8)}" width="150" height="16"/>`);
    out.push(text(labelW + 10, y + 4, '↑ within 1 hour · slower ↓', ' class="t-muted" font-size="12"'));
  }
  return svg(width, yOf(buckets.length - 1) + row + 2, t, out.join(''));
}

/** Nine thin columns of the same buckets, for a brand card (labels only at the ends). */
export function miniHistogram(buckets: readonly Bucket[], t: ChartText, width = 200, height = 56): string {
  const k = buckets.length || 1;
  const gap = 3;
  const colW = (width - gap * (k - 1)) / k;
  const ph = height - 16;
  const max = Math.max(1, ...buckets.map((b) => b.replies));
  const out: string[] = [];
  buckets.forEach((b, i) => {
    const h = (b.replies / max) * ph;
    const fast = b.upToSeconds !== null && b.upToSeconds <= 3600;
    out.push(`<rect class="f-track" x="${n(i * (colW + gap))}" y="0" width="${n(colW)}" height="${n(ph)}" fill-opacity="0.5"/>`);
    if (b.replies > 0) out.push(`<rect class="${fast ? 'f-accent' : 'f-muted'}" x="${n(i * (colW + gap))}" y="${n(ph - Math.max(1.5, h))}" width="${n(colW)}" height="${n(Math.max(1.5, h))}">${tip(`${b.label}: ${b.replies} replies`)}</rect>`);
  });
  if (buckets.length) {
    out.push(text(0, height - 2, buckets[0].label, ' class="t-muted" font-size="10"'));
    out.push(text(width, height - 2, buckets[buckets.length - 1].label, ' class="t-muted" text-anchor="end" font-size="10"'));
  }
  return svg(width, height, t, out.join(''), 'chart mini');
}

// ── Coverage: weekday × hour heat map ────────────────────────────────────────────────────────

export const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const hh = (h: number) => String(h).padStart(2, '0');

/**
 * 7 rows (Monday first) × 24 hour cells, shaded by count relative to the busiest hour; empty
 * cells are plain track. A dashed box marks business hours (Mon–Fri 09:00–16:59), row totals
 * sit on the right, and a legend runs underneath.
 */
export function heatMap(grid: readonly (readonly number[])[], t: ChartText, business = { firstHour: 9, lastHour: 16, lastWeekday: 4 }): string {
  const cell = 20;
  const gap = 2;
  const left = 38;
  const top = 20;
  const right = 44;
  const width = left + 24 * (cell + gap) + right;
  const gridH = 7 * (cell + gap);
  const height = top + gridH + 40;
  const max = Math.max(0, ...grid.flat());
  const out: string[] = [];
  for (let h = 0; h < 24; h += 3) out.push(text(left + h * (cell + gap), top - 7, hh(h), ' class="t-muted" font-size="11"'));
  grid.forEach((row, d) => {
    const y = top + d * (cell + gap);
    out.push(text(left - 8, y + cell / 2 + 4, DAYS[d], ' text-anchor="end" font-size="12"'));
    row.forEach((c, h) => {
      const x = left + h * (cell + gap);
      const label = `${DAYS[d]} ${hh(h)}:00–${hh(h)}:59: ${c} repl${c === 1 ? 'y' : 'ies'}`;
      if (c <= 0 || max <= 0) out.push(`<rect class="f-track" x="${x}" y="${y}" width="${cell}" height="${cell}" rx="3" fill-opacity="0.6">${tip(label)}</rect>`);
      else out.push(`<rect class="f-accent" x="${x}" y="${y}" width="${cell}" height="${cell}" rx="3" fill-opacity="${n(0.2 + 0.8 * (c / max))}">${tip(label)}</rect>`);
    });
    out.push(text(width - 4, y + cell / 2 + 4, String(row.reduce((a, b) => a + b, 0)), ' text-anchor="end" font-size="12" class="num"'));
  });
  // Business hours box.
  const bx = left + business.firstHour * (cell + gap) - gap;
  const bw = (business.lastHour - business.firstHour + 1) * (cell + gap) + gap;
  const bh = (business.lastWeekday + 1) * (cell + gap) + gap;
  out.push(`<rect class="s-fg" x="${bx - 0.5}" y="${top - gap - 0.5}" width="${bw + 1}" height="${bh}" fill="none" stroke-width="1.5" stroke-dasharray="4 3" rx="4"/>`);
  // Legend.
  const ly = top + gridH + 14;
  out.push(`<rect class="f-track" x="${left}" y="${ly}" width="14" height="14" rx="3" fill-opacity="0.6"/>`);
  out.push(text(left + 20, ly + 11, 'none', ' class="t-muted" font-size="11"'));
  const lx = left + 64;
  out.push(text(lx, ly + 11, 'fewer', ' class="t-muted" font-size="11"'));
  [0.25, 0.5, 0.75, 1].forEach((f, i) => out.push(`<rect class="f-accent" x="${lx + 38 + i * 18}" y="${ly}" width="14" height="14" rx="3" fill-opacity="${n(0.2 + 0.8 * f)}"/>`));
  out.push(text(lx + 38 + 4 * 18 + 4, ly + 11, `more (busiest hour: ${max})`, ' class="t-muted" font-size="11"'));
  const dx = lx + 270;
  out.push(`<rect class="s-fg" x="${dx}" y="${ly}" width="22" height="14" fill="none" stroke-width="1.5" stroke-dasharray="4 3" rx="3"/>`);
  out.push(text(dx + 28, ly + 11, 'Mon–Fri 09–17', ' class="t-muted" font-size="11"'));
  return svg(width, height, t, out.join(''), 'chart heat');
}

// ── compare: scores side by side ─────────────────────────────────────────────────────────────

export interface ScoreRow {
  handle: string;
  score: number | null;
  grade: string | null;
}

/** One bar per brand on the 0–100 scale (grade-band ticks behind), best first; "no score" in words. */
export function scoreBars(rows: readonly ScoreRow[], t: ChartText, width = 600): string {
  const row = 32;
  const labelW = 170;
  const valueW = 60;
  const bw = width - labelW - valueW;
  const top = 18;
  const x = (v: number) => labelW + (Math.min(100, Math.max(0, v)) / 100) * bw;
  const out: string[] = [];
  const h = top + rows.length * row + 4;
  for (const b of gradeBands()) {
    if (b.from > 0) out.push(`<line class="s-track" x1="${n(x(b.from))}" x2="${n(x(b.from))}" y1="${top - 4}" y2="${h}" stroke-dasharray="3 3"/>`);
    out.push(text((x(b.from) + x(b.to)) / 2, top - 6, b.grade, ' class="t-muted" text-anchor="middle" font-size="12" font-weight="600"'));
  }
  rows.forEach((r, i) => {
    const y = top + i * row;
    out.push(text(labelW - 8, y + row / 2 + 4, clipText(`@${r.handle}`, 20), ' text-anchor="end" font-size="14"'));
    if (r.score === null) {
      out.push(text(labelW + 4, y + row / 2 + 4, 'no score', ' class="t-muted" font-size="12"'));
      return;
    }
    out.push(`<rect class="f-${gradeTone(r.grade)}" x="${labelW}" y="${y + 5}" width="${n(Math.max(2, x(r.score) - labelW))}" height="${row - 10}" rx="3">${tip(`@${r.handle}: ${r.score} (${r.grade})`)}</rect>`);
    out.push(text(x(r.score) + 6, y + row / 2 + 5, `${r.score} ${r.grade ?? ''}`.trim(), ' font-size="14" font-weight="600"'));
  });
  return svg(width, h, t, out.join(''));
}

/** Label colour class for a label (for HTML elements). */
export const labelClass = (l: Label) => `l-${l}`;
