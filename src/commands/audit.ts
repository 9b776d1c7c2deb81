// `feedhealth audit <file | @handle>`: load (a file, or the cache after a live sync), classify,
// summarize, render. The only place that does I/O for it.
import type { Account, InputFormat, Timeline } from '../model.js';
import { InputError } from '../errors.js';
import { isTwcsFile, isV2File, loadFile } from '../sources/detect.js';
import { parseV2 } from '../sources/v2-json.js';
import { parseLimit, parseSince, windowTimeline } from '../sources/window.js';
import { brandsIn, pickBrand } from '../threads.js';
import type { LiveCliOptions } from '../xapi/sync.js';
import type { StreamAuditOptions } from '../stream/work.js';
import { auditBrands, auditBrandsInWorkers, type AuditOptions, type BrandAudit } from '../audit.js';
import { reportFromState } from '../summary.js';
import { DEFAULT_TIME_ZONE } from '../score/time.js';
import { availableParallelism } from 'node:os';
import { fileBytes, Progress } from '../progress.js';
import { renderJson } from '../render/json.js';
import { emit } from '../output.js';
import type { Report } from '../report.js';
import { REPORT_FORMATS } from '../render/formats.js';
import { countOption, enforceFailUnder, failUnderOption, formatOption, htmlDestinationOption, MAX_WORKERS, timeZoneOption, topOption } from './options.js';
import { renderComparison, renderReports } from './render.js';
import { compareReports, topOf } from '../compare.js';
import { renderSummaryJson, summaryDoc } from '../render/summary-json.js';

export const AUDIT_FORMATS = REPORT_FORMATS;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditCliOptions {
  json?: boolean;
  format?: AuditFormat;
  handle?: string;
  inputFormat?: InputFormat;
  output?: string;
  color?: boolean;
  /** IANA time zone for hour-of-day, weekday and week figures (default UTC). */
  tz?: string;
  /** Exit 1 when a brand's score is below this (0–100). */
  failUnder?: string;
  /** Only tweets posted since this date / the newest n (live: also bounds fetching). */
  since?: string;
  limit?: string;
  /** Keep only mergeable summaries (no reply list); with --json, the document `merge` reads. */
  summaryOnly?: boolean;
  /** Rank brands in a league table and show the best n. */
  top?: string;
  /** Worker threads for the replies of big files. */
  workers?: string;
  /** Live audits (@handle) only. */
  mentions?: boolean;
  refresh?: boolean;
  wait?: boolean;
  apiBase?: string;
  debug?: boolean;
}

export interface SourceOptions {
  handle?: string;
  inputFormat?: InputFormat;
  /** Canonical IANA zone (already checked). */
  timeZone?: string;
  /** --since / --limit: audit only the brand's tweets since a date / its newest n. */
  since?: string;
  limit?: string;
  /** How to fetch an @handle (cache, mentions, waits, API base). */
  live?: Omit<LiveCliOptions, 'since' | 'limit'>;
  /** Keep only the mergeable summary, not every reply (big files). */
  summaryOnly?: boolean;
  /** Worker threads for the replies' work (default: 2 for files over 8 MB, else none). */
  workers?: number;
  /** v2 JSONL files bigger than this are audited as a stream (default 64 MB; tests lower it). */
  streamV2Bytes?: number;
}

const LIVE_ONLY = [['mentions', '--mentions'], ['refresh', '--refresh'], ['apiBase', '--api-base']] as const;

/** `@handle`: sync it from the X API into the cache, then read the cached pages like a saved file. */
async function liveTimeline(source: string, opts: SourceOptions): Promise<{ tl: Timeline; brand: Account; file: string }> {
  const { liveRequest, syncHandle } = await import('../xapi/sync.js');
  const res = await syncHandle(liveRequest(source, { ...opts.live, since: opts.since, limit: opts.limit }));
  const file = `@${res.user.username}`;
  const tl = parseV2(res.lines.join('\n'), file);
  if (tl.tweets.length === 0) throw new InputError(`${file}: no tweets to audit (the X API returned none${opts.since ? ` since ${opts.since}` : ''})`);
  return { tl, brand: { id: res.user.id, handle: res.user.username }, file };
}

/** What a source audits to: each brand's mergeable summary and replies, and the source's name and format. */
export interface SourceAudit {
  audits: BrandAudit[];
  source: { file: string; format: string };
}

/** A source (a saved file, or `@handle` fetched live through the cache) → one BrandAudit per brand. */
export async function auditSource(source: string, opts: SourceOptions): Promise<SourceAudit> {
  const since = opts.since !== undefined ? parseSince(opts.since) : undefined;
  const sinceMs = since?.ms;
  const limit = opts.limit !== undefined ? parseLimit(opts.limit) : undefined;
  /** The timeline within --since / --limit; none of its tweets there is said as such, not as an empty file. */
  const within = (tl: Timeline, brands: Account[], name: string): Timeline => {
    const w = windowTimeline(tl, brands, { sinceMs, limit });
    if (tl.tweets.length > 0 && w.tweets.length === 0) throw new InputError(`${name}: no tweets ${since ? `since ${since.iso} (--since); the newest is older` : 'in the window asked for'}`);
    return w;
  };
  if (source.startsWith('@')) {
    const { tl, brand, file } = await liveTimeline(source, opts);
    const windowed = within(tl, [brand], file);
    return { audits: await audit(windowed, { handle: brand.handle, file, timeZone: opts.timeZone, keepReplies: !opts.summaryOnly }, opts.workers ?? 0), source: { file, format: tl.format } };
  }
  for (const [key, flag] of LIVE_ONLY) if (opts.live?.[key]) throw new InputError(`${flag} applies to live audits (@handle), not to ${source}`);
  if (opts.live?.wait === false) throw new InputError(`--no-wait applies to live audits (@handle), not to ${source}`);
  // Big files stream (unless a window is asked for, which needs the whole timeline): TWCS files,
  // which can hold millions of rows, and very big files of v2 pages, in two passes — slower than
  // reading them whole, but held in a fraction of the memory (null: not JSONL, or a tweet twice).
  const whole = sinceMs === undefined && limit === undefined;
  const streamed = (): StreamAuditOptions => ({
    file: source,
    handle: opts.handle,
    timeZone: opts.timeZone ?? DEFAULT_TIME_ZONE,
    keepReplies: !opts.summaryOnly,
    workers: opts.workers ?? defaultWorkers(source),
    progress: new Progress(),
  });
  if (whole && isTwcsFile(source, opts.inputFormat)) {
    const { auditTwcsStream } = await import('../stream/twcs-audit.js');
    const audits = await auditTwcsStream(streamed());
    if (audits.length === 0) throw new InputError(`${source}: no brand tweets in this file (empty timeline)`);
    return { audits, source: { file: source, format: 'twcs' } };
  }
  if (whole && fileBytes(source) > (opts.streamV2Bytes ?? STREAM_V2_BYTES) && isV2File(source, opts.inputFormat)) {
    const { auditV2Stream } = await import('../stream/v2-audit.js');
    const audits = await auditV2Stream(streamed());
    if (audits) return { audits, source: { file: source, format: 'v2' } };
  }
  let tl = loadFile(source, opts.inputFormat);
  if (sinceMs !== undefined || limit !== undefined) {
    const brands = opts.handle ? [pickBrand(tl, opts.handle, source)] : brandsIn(tl);
    tl = within(tl, brands, source);
  }
  const auditOpts: AuditOptions = { handle: opts.handle, file: source, timeZone: opts.timeZone, keepReplies: !opts.summaryOnly };
  return { audits: await audit(tl, auditOpts, opts.workers ?? defaultWorkers(source)), source: { file: source, format: tl.format } };
}

/** A loaded timeline's audit, in worker threads when asked (the same result either way). */
function audit(tl: Timeline, opts: AuditOptions, workers: number): BrandAudit[] | Promise<BrandAudit[]> {
  return workers > 0 ? auditBrandsInWorkers(tl, opts, workers) : auditBrands(tl, opts);
}

/** Above this, a file is big: its replies' work goes to worker threads. */
const BIG_BYTES = 8 * 1024 * 1024;
/** Above this, v2 pages are audited as a stream (read whole, ~160,000 tweets take ~200 MB). */
const STREAM_V2_BYTES = 64 * 1024 * 1024;

/** Worker threads pay off from a few tens of thousands of tweets: use both cores for big files. */
function defaultWorkers(file: string): number {
  return fileBytes(file) > BIG_BYTES ? Math.min(2, availableParallelism()) : 0;
}

/** A source → one Report per brand. `compare` uses it too. */
export async function reportsFor(source: string, opts: SourceOptions): Promise<Report[]> {
  const { audits, source: src } = await auditSource(source, opts);
  return audits.map((a) => reportFromState(a.state, src, a.replies));
}

export async function auditCommand(source: string, opts: AuditCliOptions): Promise<void> {
  const format: AuditFormat = formatOption(opts.json, opts.format);
  const timeZone = timeZoneOption(opts.tz);
  const failUnder = failUnderOption(opts.failUnder);
  const top = topOption(opts.top, format);
  const workers = opts.workers === undefined ? undefined : countOption('--workers', opts.workers, 0, { max: MAX_WORKERS });
  if (opts.handle !== undefined && opts.handle.replace(/^@/, '').trim() === '') throw new InputError('--handle: expected an account name, got nothing');
  // Both pick within a file; a live audit is of its @handle, read from the API's own pages.
  if (source.startsWith('@') && opts.handle !== undefined) throw new InputError(`--handle picks an account in a file; a live audit is of ${source} already`);
  if (source.startsWith('@') && opts.inputFormat !== undefined) throw new InputError(`--input-format applies to files, not to a live audit (${source})`);
  htmlDestinationOption(format, opts.output, !!process.stdout.isTTY);
  const { audits, source: src } = await auditSource(source, {
    handle: opts.handle,
    inputFormat: opts.inputFormat,
    timeZone,
    since: opts.since,
    limit: opts.limit,
    live: { mentions: opts.mentions, refresh: opts.refresh, wait: opts.wait, apiBase: opts.apiBase, debug: opts.debug },
    summaryOnly: opts.summaryOnly,
    workers,
  });
  const reports = audits.map((a) => reportFromState(a.state, src, a.replies));
  let text: string;
  if (opts.summaryOnly && format === 'json') {
    text = renderSummaryJson(summaryDoc(audits, [src], timeZone));
  } else if (top !== undefined || (opts.summaryOnly && reports.length > 1)) {
    // Many brands: a ranked league table (--json above still gives every brand's report).
    const cmp = topOf(compareReports(reports, [source], timeZone), top);
    text = format === 'json' ? renderJson(reports) : await renderComparison(cmp, reports, format, opts);
  } else {
    text = await renderReports(reports, format, opts);
  }
  await emit(text, opts.output);
  enforceFailUnder(reports, failUnder);
}
