// One brand's mergeable summary: everything a report needs except the full list of replies.
// Built one reply at a time (so a file of millions of tweets streams through it), merged with
// another brand summary of the same account (so a job splits across processes or machines),
// and finalized into a Report. summarize() in report.ts goes through it too, so a summary and
// a full audit cannot disagree.
import { LABELS, MAX_EVIDENCE, type Label, type LabeledReply, type Tweet } from './model.js';
import { emptyCounts, scoreOf, type LabelCounts } from './score/balance.js';
import { addMetrics, emptyMetrics, finalMetrics, mergeMetrics, type MetricsState, type ReplyFacts } from './score/metrics.js';
import { localClock, type LocalTime } from './score/time.js';
import { tallyFromJson, tallyToJson, type Tally } from './score/tally.js';
import { round4 } from './score/stats.js';
import { byNewest, replyOut, SCHEMA_VERSION, type ReplyOut, type Report } from './report.js';
import type { KeyStat } from './score/canned.js';
import { trimScreen } from './score/first-screen.js';

export const EXAMPLES_PER_LABEL = 3;

export interface BrandState {
  handle: string;
  timeZone: string;
  tweets: number;
  window: { from: string; to: string } | null;
  labels: LabelCounts;
  /** The most telling replies of each label so far (at most EXAMPLES_PER_LABEL). */
  examples: Record<Label, ReplyOut[]>;
  metrics: MetricsState;
}

/** Most confident first, then the one with more evidence, then the newest. */
const tellingFirst = (a: ReplyOut, b: ReplyOut) => b.confidence - a.confidence || b.evidence.length - a.evidence.length || byNewest(a, b);

/** Whether r would enter a full examples list: tellingFirst(r, last) < 0, compared on the reply
 * itself (no copy made) and reading its evidence only when that can decide (it may be lazy). */
function beatsLast(list: ReplyOut[], r: LabeledReply): boolean {
  if (list.length < EXAMPLES_PER_LABEL) return true;
  const last = list[list.length - 1];
  if (r.confidence !== last.confidence) return r.confidence > last.confidence;
  const newer = byNewest({ id: r.tweet.id, createdAt: r.tweet.createdAt ?? null }, last) < 0;
  // r cannot have more evidence than the most there is: then only being newer could win.
  if (last.evidence.length === MAX_EVIDENCE && !newer) return false;
  const more = r.evidence.length - last.evidence.length;
  return more !== 0 ? more > 0 : newer;
}

/** Puts r in its place in the sorted list (after any it ties with, as a stable sort would) and
 * keeps the first EXAMPLES_PER_LABEL. A feed in time order makes nearly every reply a newer
 * example: an insertion, not a sort, each time. */
function keepTelling(list: ReplyOut[], r: ReplyOut): void {
  let i = list.length;
  list.push(r);
  while (i > 0 && tellingFirst(r, list[i - 1]) < 0) {
    list[i] = list[i - 1];
    i--;
  }
  list[i] = r;
  if (list.length > EXAMPLES_PER_LABEL) list.pop();
}

export function emptyBrandState(handle: string, timeZone: string): BrandState {
  return {
    handle,
    timeZone,
    tweets: 0,
    window: null,
    labels: emptyCounts(),
    examples: { resolving: [], deflecting: [], blaming: [], other: [] },
    metrics: emptyMetrics(),
  };
}

/** Folds tweets and replies of one brand into a BrandState. */
export class BrandAccumulator {
  readonly state: BrandState;
  private readonly clock: (ms: number) => LocalTime;

  constructor(handle: string, timeZone: string) {
    this.state = emptyBrandState(handle, timeZone);
    this.clock = localClock(timeZone);
  }

  /** A tweet of the brand's own (reply or not). */
  addTweet(t: Pick<Tweet, 'createdAt'>): void {
    const s = this.state;
    s.tweets++;
    const at = t.createdAt;
    if (!at) return;
    if (!s.window) s.window = { from: at, to: at };
    else {
      if (at < s.window.from) s.window.from = at;
      if (at > s.window.to) s.window.to = at;
    }
  }

  /** A classified reply; returns it in report form. `facts` may carry text work done elsewhere. */
  addReply(r: LabeledReply, facts?: ReplyFacts): ReplyOut;
  addReply(r: LabeledReply, facts: ReplyFacts | undefined, wantOut: boolean): ReplyOut | null;
  /** A classified reply; returns it in report form (unless `wantOut` is false and it was not kept). */
  addReply(r: LabeledReply, facts?: ReplyFacts, wantOut = true): ReplyOut | null {
    const s = this.state;
    s.labels[r.label]++;
    const examples = s.examples[r.label];
    const telling = beatsLast(examples, r);
    const out = wantOut || telling ? replyOut(r) : null;
    if (telling) keepTelling(examples, out!);
    addMetrics(s.metrics, r, this.clock, facts);
    return out;
  }
}

export function mergeBrandStates(a: BrandState, b: BrandState): BrandState {
  if (a.timeZone !== b.timeZone) throw new Error(`cannot merge summaries in ${a.timeZone} and ${b.timeZone}`);
  const window =
    a.window && b.window
      ? { from: a.window.from < b.window.from ? a.window.from : b.window.from, to: a.window.to > b.window.to ? a.window.to : b.window.to }
      : a.window ?? b.window;
  const examples = Object.fromEntries(LABELS.map((l) => [l, [...a.examples[l], ...b.examples[l]].sort(tellingFirst).slice(0, EXAMPLES_PER_LABEL)])) as Record<Label, ReplyOut[]>;
  return {
    handle: a.handle,
    timeZone: a.timeZone,
    tweets: a.tweets + b.tweets,
    window,
    labels: Object.fromEntries(LABELS.map((l) => [l, a.labels[l] + b.labels[l]])) as LabelCounts,
    examples,
    metrics: mergeMetrics(a.metrics, b.metrics),
  };
}

/** The report of a brand state; `replies` is the full list when the caller kept it, else []. */
export function reportFromState(s: BrandState, source: { file: string; format: string }, replies: ReplyOut[] = []): Report {
  const counts = s.labels;
  const n = LABELS.reduce((k, l) => k + counts[l], 0);
  const score = scoreOf(counts);
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    handle: s.handle,
    source,
    window: s.window,
    counts: { tweets: s.tweets, replies: n, ...counts },
    shares: n ? (Object.fromEntries(LABELS.map((l) => [l, round4(counts[l] / n)])) as LabelCounts) : null,
    score,
    examples: s.examples,
    replies,
    metrics: finalMetrics(s.metrics, s.timeZone),
  };
  if (!score) {
    report.note =
      n === 0
        ? 'No replies to other people in this timeline: nothing to score.'
        : 'None of the replies works on a problem (all are thanks, banter or marketing): nothing to score.';
  }
  return report;
}

// ── JSON form of a state: Maps become sorted pair lists, so equal states print equally ──────

const pairs = <V>(m: Map<string | number, V>) => [...m].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
const tallies = (r: Record<Label, Tally>) => Object.fromEntries(LABELS.map((l) => [l, tallyToJson(r[l])]));

export function stateToJson(s: BrandState): unknown {
  const m = s.metrics;
  return {
    handle: s.handle,
    timeZone: s.timeZone,
    tweets: s.tweets,
    window: s.window,
    labels: s.labels,
    examples: s.examples,
    metrics: {
      replies: m.replies,
      responseTime: { all: tallyToJson(m.responseTime.all), byLabel: tallies(m.responseTime.byLabel), untimed: m.responseTime.untimed },
      coverage: m.coverage,
      canned: { replies: m.canned.replies, keys: pairs(m.canned.keys) },
      firstScreen: trimScreen(m.firstScreen),
      exposure: { micro: m.exposure.micro, plain: m.exposure.plain, followers: tallyToJson(m.exposure.followers) },
      touch: m.touch,
      trend: pairs(m.trend),
    },
  };
}

/** Reads what stateToJson wrote; throws on a shape it does not know (the caller names the file). */
export function stateFromJson(j: any): BrandState {
  const m = j?.metrics;
  if (typeof j?.handle !== 'string' || typeof j?.timeZone !== 'string' || !m) throw new Error('not a brand summary');
  const tallyRec = (r: any) => Object.fromEntries(LABELS.map((l) => [l, tallyFromJson(r[l])])) as Record<Label, Tally>;
  return {
    handle: j.handle,
    timeZone: j.timeZone,
    tweets: j.tweets,
    window: j.window,
    labels: j.labels,
    examples: j.examples,
    metrics: {
      replies: m.replies,
      responseTime: { all: tallyFromJson(m.responseTime.all), byLabel: tallyRec(m.responseTime.byLabel), untimed: m.responseTime.untimed },
      coverage: m.coverage,
      canned: { replies: m.canned.replies, keys: new Map<string, KeyStat>(m.canned.keys) },
      firstScreen: trimScreen(m.firstScreen),
      exposure: { micro: m.exposure.micro, plain: m.exposure.plain, followers: tallyFromJson(m.exposure.followers) },
      touch: m.touch,
      trend: new Map<number, LabelCounts>(m.trend),
    },
  };
}
