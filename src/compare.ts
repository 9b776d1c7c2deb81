// `compare`'s pure core: reports of several brands → one ranked row each. Pure.
import type { Report } from './report.js';
import { SCHEMA_VERSION } from './report.js';
import type { Grade, LabelCounts } from './score/balance.js';
import { DEFAULT_TIME_ZONE } from './score/time.js';

export interface CompareRow {
  /** 1 = best score; brands without a score rank last. */
  rank: number;
  handle: string;
  source: { file: string; format: string };
  replies: number;
  score: number | null;
  grade: Grade | null;
  verdict: string | null;
  /** Label shares of all replies; null when there are none. */
  shares: LabelCounts | null;
  /** Null when no reply's answered tweet has a known time. */
  medianResponseSeconds: number | null;
  p90ResponseSeconds: number | null;
  answeredWithin1hShare: number | null;
  /** Share of replies from templates (near-identical wording used twice or more); null without replies. */
  templatedShare: number | null;
  /** The newest replies' score beside the whole window's; null when no reply is dated. */
  firstScreen: { replies: number; score: number | null; grade: Grade | null } | null;
  /** Share of replies signed by an agent or calling the person by name; null without replies. */
  personalShare: number | null;
  /** Score weighted by the answered people's follower counts; null when the source has none. */
  exposureScore: number | null;
  /** Weekly scores, oldest first (ISO weeks); null when no reply is dated. */
  weeklyScores: (number | null)[] | null;
  /** Fewer than THIN_SAMPLE replies work on a problem: the score is shaky, so it ranks after the rest. */
  thinSample: boolean;
}

/** Below this many problem replies a score is too shaky to rank among the others. */
export const THIN_SAMPLE = 10;

export interface Comparison {
  schemaVersion: number;
  kind: 'compare';
  timeZone: string;
  /** Sources in the order given. */
  sources: string[];
  /** Best first. */
  brands: CompareRow[];
  /** Brands ranked before a league table kept only the best (`--top`); absent when all are shown. */
  outOf?: number;
}

/** Keeps the best `top` rows, remembering how many there were. */
export function topOf(cmp: Comparison, top: number | undefined): Comparison {
  if (top === undefined || top >= cmp.brands.length) return cmp;
  return { ...cmp, brands: cmp.brands.slice(0, top), outOf: cmp.brands.length };
}

/** "3 brands ranked" or "top 3 of 43 brands ranked". */
export function rankedTitle(cmp: Comparison): string {
  const n = cmp.brands.length;
  return cmp.outOf ? `top ${n} of ${cmp.outOf} brands ranked by balance score` : `${n} brand${n === 1 ? '' : 's'} ranked by balance score`;
}

export function rowOf(r: Report): Omit<CompareRow, 'rank'> {
  const m = r.metrics;
  const rt = m?.responseTime ?? null;
  const fs = m?.firstScreen ?? null;
  return {
    handle: r.handle,
    source: r.source,
    replies: r.counts.replies,
    score: r.score?.value ?? null,
    grade: r.score?.grade ?? null,
    verdict: r.score?.verdict ?? null,
    shares: r.shares,
    medianResponseSeconds: rt?.medianSeconds ?? null,
    p90ResponseSeconds: rt?.p90Seconds ?? null,
    answeredWithin1hShare: rt?.answeredWithin1hShare ?? null,
    templatedShare: m?.canned?.templatedShare ?? null,
    firstScreen: fs ? { replies: fs.replies, score: fs.score?.value ?? null, grade: fs.score?.grade ?? null } : null,
    personalShare: m?.personalTouch?.personalShare ?? null,
    exposureScore: m?.exposure?.score?.value ?? null,
    weeklyScores: m?.weeklyTrend ? m.weeklyTrend.weeks.map((w) => w.score) : null,
    thinSample: r.counts.resolving + r.counts.deflecting + r.counts.blaming < THIN_SAMPLE,
  };
}

/** Best score first; thin samples after the rest, unscored last; ties by more replies, then handle, then source. */
export function rank(reports: readonly Report[]): CompareRow[] {
  return reports
    .map(rowOf)
    .sort(
      (a, b) =>
        Number(a.thinSample) - Number(b.thinSample) ||
        (b.score ?? -1) - (a.score ?? -1) ||
        b.replies - a.replies ||
        a.handle.localeCompare(b.handle) ||
        a.source.file.localeCompare(b.source.file),
    )
    .map((row, i) => ({ rank: i + 1, ...row }));
}

export function compareReports(reports: readonly Report[], sources: readonly string[], timeZone?: string): Comparison {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'compare',
    timeZone: timeZone ?? reports[0]?.metrics?.timeZone ?? DEFAULT_TIME_ZONE,
    sources: [...sources],
    brands: rank(reports),
  };
}
