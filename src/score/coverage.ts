// Coverage: when the desk answers. Replies counted by weekday × hour of day in one time zone:
// a 24/7 desk fills the grid, a 9-to-5 desk leaves nights and weekends empty. Pure.
import type { LabeledReply } from '../model.js';
import { localClock, msOf, type LocalTime } from './time.js';
import { round4 } from './stats.js';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
/** Business hours: Monday–Friday, 09:00–16:59 local time (40 of the week's 168 hours). */
export const BUSINESS = { firstHour: 9, lastHour: 16, lastWeekday: 4 } as const;

export interface Coverage {
  /** Replies with a timestamp (the others cannot be placed). */
  datedReplies: number;
  /** Replies by weekday (row, Monday first) and local hour (column, 0–23): 7 × 24 counts. */
  byWeekdayHour: number[][];
  /** Column sums: replies by local hour 0–23. */
  byHour: number[];
  /** Row sums: replies by weekday, Monday first. */
  byWeekday: number[];
  /** Share sent on Saturday or Sunday (a desk that answers evenly all week: 2/7 ≈ 0.29). */
  weekendShare: number;
  /** Share sent Monday–Friday 09:00–16:59 (evenly all week: 40/168 ≈ 0.24; a 9-to-5 desk: 1). */
  businessHoursShare: number;
  /** How many of the week's 168 hour slots hold at least one reply. */
  hourSlotsWithReplies: number;
}

/** Mergeable state: the 7 × 24 grid of counts (in the summary's one time zone). */
export interface CoverageState {
  grid: number[][];
  dated: number;
}

export const emptyCoverage = (): CoverageState => ({ grid: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)), dated: 0 });

export function addCoverage(s: CoverageState, r: Pick<LabeledReply, 'tweet'>, clock: (ms: number) => LocalTime): void {
  const ms = msOf(r.tweet.createdAt);
  if (ms === null) return;
  const t = clock(ms);
  s.grid[t.weekday][t.hour]++;
  s.dated++;
}

export function mergeCoverage(a: CoverageState, b: CoverageState): CoverageState {
  return { grid: a.grid.map((row, d) => row.map((c, h) => c + b.grid[d][h])), dated: a.dated + b.dated };
}

export function finalCoverage(s: CoverageState): Coverage | null {
  const n = s.dated;
  if (n === 0) return null;
  const grid = s.grid.map((row) => [...row]);
  const byHour = new Array<number>(24).fill(0);
  const byWeekday = grid.map((row) => row.reduce((a, b) => a + b, 0));
  let business = 0;
  let slots = 0;
  for (let d = 0; d < 7; d++)
    for (let h = 0; h < 24; h++) {
      const c = grid[d][h];
      byHour[h] += c;
      if (c > 0) slots++;
      if (d <= BUSINESS.lastWeekday && h >= BUSINESS.firstHour && h <= BUSINESS.lastHour) business += c;
    }
  return {
    datedReplies: n,
    byWeekdayHour: grid,
    byHour,
    byWeekday,
    weekendShare: round4((byWeekday[5] + byWeekday[6]) / n),
    businessHoursShare: round4(business / n),
    hourSlotsWithReplies: slots,
  };
}

export function coverageOf(replies: readonly Pick<LabeledReply, 'tweet'>[], timeZone: string): Coverage | null {
  const s = emptyCoverage();
  const clock = localClock(timeZone);
  for (const r of replies) addCoverage(s, r, clock);
  return finalCoverage(s);
}
