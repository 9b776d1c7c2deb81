// First screen: what a visitor sees when they open the replies tab — the newest replies —
// scored the same way as the whole window. Pure.
import { LABELS, type LabeledReply } from '../model.js';
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

/** The newest `size` dated replies (ties broken by id), scored. Null when no reply is dated. */
export function firstScreenOf(replies: readonly Pick<LabeledReply, 'tweet' | 'label'>[], size = FIRST_SCREEN_SIZE): FirstScreen | null {
  const dated = replies
    .map((r) => ({ r, ms: msOf(r.tweet.createdAt) }))
    .filter((x): x is { r: (typeof replies)[number]; ms: number } => x.ms !== null)
    .sort((a, b) => b.ms - a.ms || b.r.tweet.id.length - a.r.tweet.id.length || (a.r.tweet.id < b.r.tweet.id ? 1 : a.r.tweet.id > b.r.tweet.id ? -1 : 0))
    .slice(0, size);
  if (dated.length === 0) return null;
  const counts = countLabels(dated.map((x) => x.r.label));
  return {
    replies: dated.length,
    from: new Date(dated[dated.length - 1].ms).toISOString(),
    to: new Date(dated[0].ms).toISOString(),
    counts,
    shares: Object.fromEntries(LABELS.map((l) => [l, round4(counts[l] / dated.length)])) as LabelCounts,
    score: scoreOf(counts),
  };
}
