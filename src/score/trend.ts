// Trend: the balance score week by week (ISO 8601 weeks, Monday to Sunday, in the report's time
// zone), every week from the first reply's to the last's, empty weeks included so gaps show. Pure.
import type { Label, LabeledReply } from '../model.js';
import { countLabels, scoreOf } from './balance.js';
import { isoDate, isoWeekOf, localClock, msOf } from './time.js';

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

export function weeklyTrendOf(replies: readonly Pick<LabeledReply, 'tweet' | 'label'>[], timeZone: string): WeeklyTrend | null {
  const clock = localClock(timeZone);
  const byWeek = new Map<number, Label[]>();
  for (const r of replies) {
    const ms = msOf(r.tweet.createdAt);
    if (ms === null) continue;
    const t = clock(ms);
    const { mondayDay } = isoWeekOf(t.year, t.month, t.day);
    const l = byWeek.get(mondayDay);
    if (l) l.push(r.label);
    else byWeek.set(mondayDay, [r.label]);
  }
  if (byWeek.size === 0) return null;
  const mondays = [...byWeek.keys()];
  const first = Math.min(...mondays);
  const last = Math.max(...mondays);
  const weeks: Week[] = [];
  for (let d = first; d <= last; d += 7) {
    const labels = byWeek.get(d) ?? [];
    const date = isoDate(d);
    const { week } = isoWeekOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
    weeks.push({ week, start: date, replies: labels.length, score: scoreOf(countLabels(labels))?.value ?? null });
  }
  return { weeks, scoredWeeks: weeks.filter((w) => w.score !== null).length };
}
