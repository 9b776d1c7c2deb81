// Wall-clock time in an IANA time zone, fast enough for millions of tweets: Intl is asked once
// per 15-minute slice of UTC time (every zone offset in use today is a multiple of 15 minutes,
// so hour, weekday and date are constant within a slice) and the answer is cached.

export const DEFAULT_TIME_ZONE = 'UTC';

/** The zone's canonical name ("utc" → "UTC"), or null when Intl does not know it. */
export function canonicalTimeZone(tz: string): string | null {
  if (!tz || !/^[A-Za-z0-9_+\-/]+$/.test(tz)) return null;
  if (tz.toUpperCase() === 'UTC') return 'UTC'; // the default: no need to load the zone database
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export interface LocalTime {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  /** 0..23 */
  hour: number;
  /** ISO order: 0 = Monday … 6 = Sunday. */
  weekday: number;
}

const DAY_MS = 86_400_000;
const WEEKDAY: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const SLICE_MS = 15 * 60 * 1000;

/** Returns a function that maps epoch milliseconds to local time in `tz` (must be valid). */
export function localClock(tz: string): (ms: number) => LocalTime {
  // UTC needs no time-zone database: the Date getters answer directly.
  if (tz === 'UTC' || tz === 'Etc/UTC') {
    let lastMs = NaN;
    let last: LocalTime | null = null;
    return (ms: number) => {
      if (ms === lastMs && last) return last; // coverage and trend ask for the same reply's time
      const d = new Date(ms);
      lastMs = ms;
      return (last = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), weekday: (d.getUTCDay() + 6) % 7 });
    };
  }
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    weekday: 'short',
  });
  const cache = new Map<number, LocalTime>();
  return (ms: number) => {
    const slice = Math.floor(ms / SLICE_MS);
    let t = cache.get(slice);
    if (!t) {
      const p: Record<string, string> = {};
      for (const part of fmt.formatToParts(slice * SLICE_MS)) p[part.type] = part.value;
      t = { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour) % 24, weekday: WEEKDAY[p.weekday] ?? 0 };
      if (cache.size > 200_000) cache.clear();
      cache.set(slice, t);
    }
    return t;
  };
}

// Every metric asks for the same reply's time: remember the last two answers (a reply's time
// and its answered tweet's) instead of parsing again.
let memoIso1: string | undefined;
let memoMs1: number | null = null;
let memoIso2: string | undefined;
let memoMs2: number | null = null;

const digitAt = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digitAt(s, i) * 10 + digitAt(s, i + 1);

/**
 * Epoch ms of the canonical form "YYYY-MM-DDTHH:MM:SS.sssZ" (what the loaders store), computed
 * as Date.parse does (day of month added to the month's first day) — NaN for any other shape,
 * which Date.parse then reads. Per reply, Date.parse was a visible share of a big audit.
 */
export function canonicalMs(s: string): number {
  if (s.length !== 24 || s.charCodeAt(23) !== 90 /* Z */) return NaN;
  for (let i = 0; i < 23; i++) {
    const c = s.charCodeAt(i);
    const sep = i === 4 || i === 7 ? 45 : i === 13 || i === 16 ? 58 : i === 19 ? 46 : i === 10 ? 84 : -1;
    if (sep >= 0 ? c !== sep : c < 48 || c > 57) return NaN;
  }
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return NaN;
  const year = two(s, 0) * 100 + two(s, 2);
  const ms = digitAt(s, 20) * 100 + two(s, 21);
  return daysFromCivil(year, month, 1) * 86_400_000 + (day - 1) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Epoch ms of an ISO 8601 string, or null when absent or unparsable. */
export function msOf(iso: string | undefined | null): number | null {
  if (!iso) return null;
  if (iso === memoIso1) return memoMs1;
  if (iso === memoIso2) return memoMs2;
  const fast = canonicalMs(iso);
  const t = Number.isNaN(fast) ? Date.parse(iso) : fast;
  const ms = Number.isNaN(t) ? null : t;
  memoIso2 = memoIso1;
  memoMs2 = memoMs1;
  memoIso1 = iso;
  memoMs1 = ms;
  return ms;
}

/** Day number (days since 1970-01-01) of the Monday of the ISO week holding a calendar date. */
export function mondayOf(year: number, month: number, day: number): number {
  const d = Date.UTC(year, month - 1, day) / DAY_MS;
  return d - ((d + 3) % 7); // 1970-01-01 was a Thursday (3 with Monday = 0)
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The ISO 8601 week of a calendar date: "2017-W44" and the date of its Monday ("2017-10-30"). */
export function isoWeekOf(year: number, month: number, day: number): { week: string; monday: string; mondayDay: number } {
  const d = Date.UTC(year, month - 1, day) / DAY_MS; // days since epoch, calendar arithmetic only
  const dow = (new Date(d * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  const monday = d - dow;
  const thursday = monday + 3; // the week belongs to the year of its Thursday
  const wy = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(wy, 0, 1) / DAY_MS) / 7);
  return { week: `${wy}-W${pad(week)}`, monday: isoDate(monday), mondayDay: monday };
}

/** "YYYY-MM-DD" of a day number (days since 1970-01-01). */
export function isoDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
