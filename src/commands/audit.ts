// `feedhealth audit <file | @handle>`: load (a file, or the cache after a live sync), classify,
// summarize, render. The only place that does I/O for it.
import type { Account, InputFormat, Timeline } from '../model.js';
import { InputError } from '../errors.js';
import { loadFile } from '../sources/detect.js';
import { parseV2 } from '../sources/v2-json.js';
import { parseLimit, parseSince, windowTimeline } from '../sources/window.js';
import { brandsIn, pickBrand } from '../threads.js';
import type { LiveCliOptions } from '../xapi/sync.js';
import { auditTimeline } from '../audit.js';
import { renderJson } from '../render/json.js';
import { emit } from '../output.js';
import type { Report } from '../report.js';
import { REPORT_FORMATS } from '../render/formats.js';
import { enforceFailUnder, failUnderOption, timeZoneOption } from './options.js';

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

/** A source (a saved file, or `@handle` fetched live through the cache) → one Report per brand. `compare` uses it too. */
export async function reportsFor(source: string, opts: SourceOptions): Promise<Report[]> {
  const sinceMs = opts.since !== undefined ? parseSince(opts.since).ms : undefined;
  const limit = opts.limit !== undefined ? parseLimit(opts.limit) : undefined;
  if (source.startsWith('@')) {
    const { tl, brand, file } = await liveTimeline(source, opts);
    const windowed = windowTimeline(tl, [brand], { sinceMs, limit });
    return auditTimeline(windowed, { handle: brand.handle, file, timeZone: opts.timeZone });
  }
  for (const [key, flag] of LIVE_ONLY) if (opts.live?.[key]) throw new InputError(`${flag} applies to live audits (@handle), not to ${source}`);
  if (opts.live?.wait === false) throw new InputError(`--no-wait applies to live audits (@handle), not to ${source}`);
  let tl = loadFile(source, opts.inputFormat);
  if (sinceMs !== undefined || limit !== undefined) {
    const brands = opts.handle ? [pickBrand(tl, opts.handle, source)] : brandsIn(tl);
    tl = windowTimeline(tl, brands, { sinceMs, limit });
  }
  return auditTimeline(tl, { handle: opts.handle, file: source, timeZone: opts.timeZone });
}

export async function auditCommand(source: string, opts: AuditCliOptions): Promise<void> {
  const format: AuditFormat = opts.json ? 'json' : opts.format ?? 'table';
  const timeZone = timeZoneOption(opts.tz);
  const failUnder = failUnderOption(opts.failUnder);
  const reports = await reportsFor(source, {
    handle: opts.handle,
    inputFormat: opts.inputFormat,
    timeZone,
    since: opts.since,
    limit: opts.limit,
    live: { mentions: opts.mentions, refresh: opts.refresh, wait: opts.wait, apiBase: opts.apiBase, debug: opts.debug },
  });
  let text: string;
  if (format === 'json') {
    text = renderJson(reports);
  } else if (format === 'md') {
    text = (await import('../render/markdown.js')).renderMarkdown(reports);
  } else {
    const { renderTables } = await import('../render/table.js');
    const color = opts.color !== false && !opts.output && (await import('../output.js')).stdoutHasColor();
    text = renderTables(reports, { color, width: process.stdout.columns || 100 });
  }
  await emit(text, opts.output);
  enforceFailUnder(reports, failUnder);
}
