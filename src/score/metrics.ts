// The outside reader's figures beside the balance score, each from its own pure module. Each
// module keeps a mergeable state (add one reply, merge two states, finalize into figures), so a
// report over A∪B can be built from the states of A and B. A figure the data cannot support is
// null, never a made-up 0, and `unavailable` says why in words.
import type { LabeledReply } from '../model.js';
import { addCoverage, emptyCoverage, finalCoverage, mergeCoverage, type Coverage, type CoverageState } from './coverage.js';
import { addCanned, emptyCanned, finalCanned, mergeCanned, type Canned, type CannedState } from './canned.js';
import { addExposure, emptyExposure, finalExposure, mergeExposure, type Exposure, type ExposureState } from './exposure.js';
import { addFirstScreen, finalFirstScreen, mergeFirstScreen, type FirstScreen, type FirstScreenState } from './first-screen.js';
import { addTouch, emptyTouch, finalTouch, mergeTouch, type PersonalTouch, type TouchState } from './touch.js';
import { addResponseTime, emptyResponseTime, finalResponseTime, mergeResponseTime, type ResponseTime, type ResponseTimeState } from './response-time.js';
import { addTrend, finalTrend, mergeTrend, type TrendState, type WeeklyTrend } from './trend.js';
import { DEFAULT_TIME_ZONE, localClock, type LocalTime } from './time.js';

export interface Metrics {
  /** IANA zone that hours, weekdays and weeks are counted in. */
  timeZone: string;
  responseTime: ResponseTime | null;
  coverage: Coverage | null;
  canned: Canned | null;
  firstScreen: FirstScreen | null;
  exposure: Exposure | null;
  personalTouch: PersonalTouch | null;
  weeklyTrend: WeeklyTrend | null;
  /** For each figure above that is null: why the data cannot support it. */
  unavailable: Partial<Record<MetricName, string>>;
}

export const METRIC_NAMES = ['responseTime', 'coverage', 'canned', 'firstScreen', 'exposure', 'personalTouch', 'weeklyTrend'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Every figure's mergeable state; `finalMetrics` turns it into the report's figures. */
export interface MetricsState {
  replies: number;
  responseTime: ResponseTimeState;
  coverage: CoverageState;
  canned: CannedState;
  firstScreen: FirstScreenState;
  exposure: ExposureState;
  touch: TouchState;
  trend: TrendState;
}

export function emptyMetrics(): MetricsState {
  return {
    replies: 0,
    responseTime: emptyResponseTime(),
    coverage: emptyCoverage(),
    canned: emptyCanned(),
    firstScreen: [],
    exposure: emptyExposure(),
    touch: emptyTouch(),
    trend: new Map(),
  };
}

/** What a worker may have worked out already for a reply (saves the main thread the text work). */
export interface ReplyFacts {
  /** Ends in an agent's sign-off. */
  signed?: boolean;
  /** Its canned-reply template key. */
  templateKey?: string;
  /** Calls the person by name. */
  named?: boolean;
}

/** Adds one reply; `clock` is localClock(timeZone), made once per state. */
export function addMetrics(s: MetricsState, r: LabeledReply, clock: (ms: number) => LocalTime, facts: ReplyFacts = {}): void {
  s.replies++;
  addResponseTime(s.responseTime, r);
  addCoverage(s.coverage, r, clock);
  addCanned(s.canned, r, facts.templateKey);
  addFirstScreen(s.firstScreen, r);
  addExposure(s.exposure, r);
  addTouch(s.touch, r, facts.signed, facts.named);
  addTrend(s.trend, r, clock);
}

export function mergeMetrics(a: MetricsState, b: MetricsState): MetricsState {
  return {
    replies: a.replies + b.replies,
    responseTime: mergeResponseTime(a.responseTime, b.responseTime),
    coverage: mergeCoverage(a.coverage, b.coverage),
    canned: mergeCanned(a.canned, b.canned),
    firstScreen: mergeFirstScreen(a.firstScreen, b.firstScreen),
    exposure: mergeExposure(a.exposure, b.exposure),
    touch: mergeTouch(a.touch, b.touch),
    trend: mergeTrend(a.trend, b.trend),
  };
}

export function finalMetrics(s: MetricsState, timeZone: string): Metrics {
  const m: Metrics = {
    timeZone,
    responseTime: finalResponseTime(s.responseTime),
    coverage: finalCoverage(s.coverage),
    canned: finalCanned(s.canned),
    firstScreen: finalFirstScreen(s.firstScreen),
    exposure: finalExposure(s.exposure, s.replies),
    personalTouch: finalTouch(s.touch),
    weeklyTrend: finalTrend(s.trend),
    unavailable: {},
  };
  const none = s.replies === 0;
  const why: Record<MetricName, string> = {
    responseTime: none ? 'no replies' : 'no reply whose answered tweet is in the source with a timestamp',
    coverage: none ? 'no replies' : 'no reply has a timestamp',
    canned: 'no replies',
    firstScreen: none ? 'no replies' : 'no reply has a timestamp, so the newest cannot be told',
    exposure: none ? 'no replies' : 'the source gives no follower counts for the people answered',
    personalTouch: 'no replies',
    weeklyTrend: none ? 'no replies' : 'no reply has a timestamp',
  };
  for (const k of METRIC_NAMES) if (m[k] === null) m.unavailable[k] = why[k];
  return m;
}

export function metricsOf(replies: readonly LabeledReply[], opts: { timeZone?: string } = {}): Metrics {
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const s = emptyMetrics();
  const clock = localClock(timeZone);
  for (const r of replies) addMetrics(s, r, clock);
  return finalMetrics(s, timeZone);
}
