// The balance score: how the feed reads to an outsider who scrolls it.
//
// Each reply that works on a problem (resolving, deflecting, blaming) earns a value:
//   resolving 1 · deflecting 0.35 · blaming 0
// The score is 100 × the mean value, rounded. `other` replies (thanks, banter) neither help nor
// hurt and are left out. No problem replies → no score (null), never 0 or NaN.
import type { Label } from '../model.js';

export const VALUE: Record<Exclude<Label, 'other'>, number> = {
  resolving: 1,
  deflecting: 0.35,
  blaming: 0,
};

/** Lower bounds of each grade, best first. */
export const GRADES = [
  { grade: 'A', min: 85 },
  { grade: 'B', min: 70 },
  { grade: 'C', min: 55 },
  { grade: 'D', min: 40 },
  { grade: 'F', min: 0 },
] as const;
export type Grade = (typeof GRADES)[number]['grade'];

export type LabelCounts = Record<Label, number>;

export interface Score {
  value: number;
  grade: Grade;
  verdict: string;
}

export function emptyCounts(): LabelCounts {
  return { resolving: 0, deflecting: 0, blaming: 0, other: 0 };
}

export function countLabels(labels: Iterable<Label>): LabelCounts {
  const c = emptyCounts();
  for (const l of labels) c[l]++;
  return c;
}

/** The unrounded score, or null when no reply works on a problem. */
export function balance(c: LabelCounts): number | null {
  const n = c.resolving + c.deflecting + c.blaming;
  if (n === 0) return null;
  return (100 * (c.resolving * VALUE.resolving + c.deflecting * VALUE.deflecting + c.blaming * VALUE.blaming)) / n;
}

export function gradeOf(value: number): Grade {
  return GRADES.find((g) => value >= g.min)!.grade;
}

/** "6 in 10" — shares said the way people say them. */
export function inTen(share: number): string {
  const k = Math.round(share * 10);
  if (k === 0) return share > 0 ? 'fewer than 1 in 10' : 'none';
  if (k === 10) return share < 1 ? 'nearly all' : 'all';
  return `${k} in 10`;
}

/** One sentence in plain words naming what dominates the feed. */
export function verdictOf(c: LabelCounts): string {
  const total = c.resolving + c.deflecting + c.blaming + c.other;
  const work = total - c.other;
  if (work === 0) return 'Nothing to judge: none of the replies works on a problem.';
  const r = c.resolving / total;
  const d = c.deflecting / total;
  const b = c.blaming / total;
  const few = work < 10 ? ` (only ${work} repl${work === 1 ? 'y' : 'ies'} on problems: a thin sample)` : '';
  let s: string;
  if (b >= 0.25 && b >= d) s = `Passes the buck: ${inTen(b)} replies put the problem on someone else`;
  else if (d >= 0.5) s = `Reads like a redirect desk: ${inTen(d)} replies send people elsewhere`;
  else if (r >= 0.6) s = `Fixes things in public: ${inTen(r)} replies work on the problem where everyone can see`;
  else s = `Mixed: ${inTen(r)} replies help in public, ${inTen(d)} send people elsewhere${c.blaming ? `, ${inTen(b)} blame someone else` : ''}`;
  return `${s}${few}.`;
}

export function scoreOf(c: LabelCounts): Score | null {
  const v = balance(c);
  if (v === null) return null;
  const value = Math.round(v);
  return { value, grade: gradeOf(value), verdict: verdictOf(c) };
}
