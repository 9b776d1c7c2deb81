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

/** Mergeable state: the newest `size` dated replies seen so far, newest first. */
export type FirstScreenState = ScreenEntry[];

export function addFirstScreen(s: FirstScreenState, r: Pick<LabeledReply, 'tweet' | 'label'>, size = FIRST_SCREEN_SIZE): void {
  const ms = msOf(r.tweet.createdAt);
  if (ms === null) return;
  const e = { id: r.tweet.id, ms, label: r.label };
  if (s.length === size && newestFirst(e, s[size - 1]) >= 0) return;
  let at = s.length;
  while (at > 0 && newestFirst(e, s[at - 1]) < 0) at--;
  s.splice(at, 0, e);
  if (s.length > size) s.pop();
}

export function mergeFirstScreen(a: FirstScreenState, b: FirstScreenState, size = FIRST_SCREEN_SIZE): FirstScreenState {
  return [...a, ...b].sort(newestFirst).slice(0, size);
}

export function finalFirstScreen(dated: FirstScreenState): FirstScreen | null {
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
  return finalFirstScreen(s);
}
