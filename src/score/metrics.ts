// The outside reader's figures beside the balance score, each from its own pure module over an
// array of labeled replies. A figure the data cannot support is null, never a made-up 0, and
// `unavailable` says why in words.
import type { LabeledReply } from '../model.js';
import { coverageOf, type Coverage } from './coverage.js';
import { cannedOf, type Canned } from './canned.js';
import { exposureOf, type Exposure } from './exposure.js';
import { firstScreenOf, type FirstScreen } from './first-screen.js';
import { personalTouchOf, type PersonalTouch } from './touch.js';
import { responseTimeOf, type ResponseTime } from './response-time.js';
import { weeklyTrendOf, type WeeklyTrend } from './trend.js';
import { DEFAULT_TIME_ZONE } from './time.js';

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

export function metricsOf(replies: readonly LabeledReply[], opts: { timeZone?: string } = {}): Metrics {
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const m: Metrics = {
    timeZone,
    responseTime: responseTimeOf(replies),
    coverage: coverageOf(replies, timeZone),
    canned: cannedOf(replies),
    firstScreen: firstScreenOf(replies),
    exposure: exposureOf(replies),
    personalTouch: personalTouchOf(replies),
    weeklyTrend: weeklyTrendOf(replies, timeZone),
    unavailable: {},
  };
  const none = replies.length === 0;
  const why: Record<MetricName, string> = {
    responseTime: none ? 'no replies' : 'no reply whose answered tweet is in the source with a timestamp',
    coverage: none ? 'no replies' : 'no reply has a timestamp',
    canned: 'no replies',
    firstScreen: none ? 'no replies' : 'no reply has a timestamp, so the newest cannot be told',
    exposure: none ? 'no replies' : "the source gives no follower counts for the people answered",
    personalTouch: 'no replies',
    weeklyTrend: none ? 'no replies' : 'no reply has a timestamp',
  };
  for (const k of METRIC_NAMES) if (m[k] === null) m.unavailable[k] = why[k];
  return m;
}
