// First screen: what a visitor sees when they open the replies tab — the newest replies —
// scored the same way as the whole window. Pure.
import { LABELS, type Label, type LabeledReply } from '../model.js';
import { countLabels, scoreOf, type LabelCounts, type Score } from './balance.js';
import { round4 } from './stats.js';
import { msOf } from './time.js';

/** Replies a visitor sees before scrolling, roughly one screen and a flick. */
export const FIRST_SCREEN_SIZE = 20;

export interface FirstScreen {
  /** Replies in it: FIRST_SCREEN_SIZE, or fewer when the window holds fewer dated replies. */
  replies: number;
  /** Oldest and newest reply in it (ISO 8601). */
  from: string;
  to: string;
  counts: LabelCounts;
  shares: LabelCounts;
  /** Balance score of these replies alone; null when none of them works on a problem. */
  score: Score | null;
}

/** One reply as the first screen keeps it. */
export interface ScreenEntry {
  id: string;
  ms: number;
  label: Label;
}

/** Newest first; ties by longer id, then larger id (ids grow with time on X). */
const newestFirst = (a: ScreenEntry, b: ScreenEntry) => b.ms - a.ms || b.id.length - a.id.length || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Mergeable state: the dated replies that may still be among the newest `size` (a few more
 * are kept between trims, so adding stays cheap when replies arrive oldest first). */
export type FirstScreenState = ScreenEntry[];

/** The newest `size` entries, newest first. */
export function trimScreen(s: FirstScreenState, size = FIRST_SCREEN_SIZE): FirstScreenState {
  return [...s].sort(newestFirst).slice(0, size);
}

export function addFirstScreen(s: FirstScreenState, r: Pick<LabeledReply, 'tweet' | 'label'>, size = FIRST_SCREEN_SIZE): void {
  const ms = msOf(r.tweet.createdAt);
  if (ms === null) return;
  s.push({ id: r.tweet.id, ms, label: r.label });
  if (s.length >= 4 * size) {
    const kept = trimScreen(s, size);
    s.length = 0;
    s.push(...kept);
  }
}

export function mergeFirstScreen(a: FirstScreenState, b: FirstScreenState, size = FIRST_SCREEN_SIZE): FirstScreenState {
  return trimScreen([...a, ...b], size);
}

export function finalFirstScreen(state: FirstScreenState, size = FIRST_SCREEN_SIZE): FirstScreen | null {
  const dated = trimScreen(state, size);
  if (dated.length === 0) return null;
  const counts = countLabels(dated.map((x) => x.label));
  return {
    replies: dated.length,
    from: new Date(dated[dated.length - 1].ms).toISOString(),
    to: new Date(dated[0].ms).toISOString(),
    counts,
    shares: Object.fromEntries(LABELS.map((l) => [l, round4(counts[l] / dated.length)])) as LabelCounts,
    score: scoreOf(counts),
  };
}

/** The newest `size` dated replies (ties broken by id), scored. Null when no reply is dated. */
export function firstScreenOf(replies: readonly Pick<LabeledReply, 'tweet' | 'label'>[], size = FIRST_SCREEN_SIZE): FirstScreen | null {
  const s: FirstScreenState = [];
  for (const r of replies) addFirstScreen(s, r, size);
  return finalFirstScreen(s, size);
}
