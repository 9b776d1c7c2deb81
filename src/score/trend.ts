// Trend: the balance score week by week (ISO 8601 weeks, Monday to Sunday, in the report's time
// zone), every week from the first reply's to the last's, empty weeks included so gaps show. Pure.
import { LABELS, type LabeledReply } from '../model.js';
import { emptyCounts, scoreOf, type LabelCounts } from './balance.js';
import { isoDate, isoWeekOf, localClock, mondayOf, msOf, type LocalTime } from './time.js';

export interface Week {
  /** ISO week, "2017-W44". */
  week: string;
  /** Its Monday, "2017-10-30". */
  start: string;
  replies: number;
  /** That week's balance score; null when none of its replies works on a problem (or it has none). */
  score: number | null;
}

export interface WeeklyTrend {
  weeks: Week[];
  /** Weeks that have a score. */
  scoredWeeks: number;
}

/** Mergeable state: label counts per week, keyed by the day number of its Monday. */
export type TrendState = Map<number, LabelCounts>;

export function addTrend(s: TrendState, r: Pick<LabeledReply, 'tweet' | 'label'>, clock: (ms: number) => LocalTime): void {
  const ms = msOf(r.tweet.createdAt);
  if (ms === null) return;
  const t = clock(ms);
  const monday = mondayOf(t.year, t.month, t.day);
  let c = s.get(monday);
  if (!c) s.set(monday, (c = emptyCounts()));
  c[r.label]++;
}

export function mergeTrend(a: TrendState, b: TrendState): TrendState {
  const out: TrendState = new Map([...a].map(([d, c]) => [d, { ...c }]));
  for (const [d, c] of b) {
    const o = out.get(d) ?? emptyCounts();
    for (const l of LABELS) o[l] += c[l];
    out.set(d, o);
  }
  return out;
}

export function finalTrend(s: TrendState): WeeklyTrend | null {
  if (s.size === 0) return null;
  const mondays = [...s.keys()];
  const first = Math.min(...mondays);
  const last = Math.max(...mondays);
  const weeks: Week[] = [];
  for (let d = first; d <= last; d += 7) {
    const counts = s.get(d) ?? emptyCounts();
    const date = isoDate(d);
    const { week } = isoWeekOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
    weeks.push({ week, start: date, replies: LABELS.reduce((n, l) => n + counts[l], 0), score: scoreOf(counts)?.value ?? null });
  }
  return { weeks, scoredWeeks: weeks.filter((w) => w.score !== null).length };
}

export function weeklyTrendOf(replies: readonly Pick<LabeledReply, 'tweet' | 'label'>[], timeZone: string): WeeklyTrend | null {
  const s: TrendState = new Map();
  const clock = localClock(timeZone);
  for (const r of replies) addTrend(s, r, clock);
  return finalTrend(s);
}
