// What a set of stored pages proves, and what is still missing. Pure.
//
// Each stored page carries the query that produced it (since_id / until_id / start_time)
// and its place in a paging pass (run id, pass number, page number). From that alone:
//  - a page's tweets cover every id between its oldest and newest tweet;
//  - consecutive pages of one pass leave no hole between them;
//  - the first page of a pass bounded by until_id reaches up to until_id;
//  - the last page of a pass (no next_token) reaches down to the pass's lower bound
//    (since_id + 1, the snowflake of start_time, or the beginning of time).
// Merge those spans and the complement, newest first, is the fetch plan: the top gap is the
// incremental sync (since_id = newest held), an inner gap is what a killed or --limit'ed run
// left behind (since_id + until_id), the bottom gap is an unfinished backfill (until_id).
// Nothing else is recorded, so a lost page, a killed run or two racing runs can only cause
// a refetch, never a wrong belief about what is held.
import { META_KEY } from '../sources/v2-json.js';
import { ENDPOINTS, type Endpoint } from '../xapi/timeline.js';

/** First millisecond of X's snowflake ids (2010-11-04T01:42:54.657Z). */
export const TWEPOCH = 1288834974657n;

/** The smallest tweet id that can have been created at or after `ms`. */
export function idFloorAt(ms: number): bigint {
  const t = BigInt(Math.floor(ms)) - TWEPOCH;
  return t > 0n ? t << 22n : 0n;
}

/** Where a stored page came from; `sync` is ours, the rest mirrors the request. */
export interface RecordMeta {
  endpoint: string;
  retrievedAt: string;
  user: { id: string; username: string };
  params: Record<string, string>;
  api?: string;
  sync: { run: string; pass: number; page: number };
}

export interface PageFacts {
  userId: string;
  endpoint: Endpoint;
  /** run + endpoint + pass: pages with the same key are one paging sequence. */
  passKey: string;
  seq: number;
  params: Record<string, string>;
  ids: bigint[];
  hasNext: boolean;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && /^\d{1,25}$/.test(v);

/** The facts coverage needs from one stored record, or null when it is not one of our pages. */
export function pageFacts(value: unknown): PageFacts | null {
  if (!isObj(value) || !isObj(value[META_KEY])) return null;
  const m = value[META_KEY] as Json;
  const user = isObj(m.user) ? m.user : {};
  const sync = isObj(m.sync) ? m.sync : {};
  const params = isObj(m.params) ? (m.params as Record<string, string>) : {};
  const endpoint = ENDPOINTS.find((e) => typeof m.endpoint === 'string' && m.endpoint.endsWith(`/${e}`));
  if (!isId(user.id) || !endpoint || typeof sync.run !== 'string' || !Number.isInteger(sync.pass) || !Number.isInteger(sync.page)) return null;
  const ids = (Array.isArray(value.data) ? value.data : []).map((t) => (isObj(t) && isId(t.id) ? BigInt(t.id) : null)).filter((x): x is bigint => x !== null);
  const meta = isObj(value.meta) ? value.meta : {};
  return {
    userId: user.id,
    endpoint,
    passKey: `${sync.run}/${endpoint}/${sync.pass}`,
    seq: sync.page as number,
    params,
    ids,
    hasNext: typeof meta.next_token === 'string' && meta.next_token !== '',
  };
}

/** Closed interval of tweet ids known to be held completely. */
export interface Span {
  lo: bigint;
  hi: bigint;
}

function lowerBound(params: Record<string, string>): bigint {
  if (isId(params.since_id)) return BigInt(params.since_id) + 1n;
  if (params.start_time) {
    const ms = Date.parse(params.start_time);
    if (!Number.isNaN(ms)) return idFloorAt(ms);
  }
  return 0n;
}

const upperBound = (params: Record<string, string>) => (isId(params.until_id) ? BigInt(params.until_id) - 1n : undefined);

const minOf = (xs: bigint[]) => xs.reduce((a, b) => (b < a ? b : a));
const maxOf = (xs: bigint[]) => xs.reduce((a, b) => (b > a ? b : a));

/** The spans one pass's stored pages prove. */
export function passSpans(pages: PageFacts[]): Span[] {
  const bySeq = new Map<number, PageFacts>();
  for (const p of pages) if (!bySeq.has(p.seq)) bySeq.set(p.seq, p);
  const seqs = [...bySeq.keys()].sort((a, b) => a - b);
  const spans: Span[] = [];
  const lows = new Map<number, bigint>();
  for (const seq of seqs) {
    const p = bySeq.get(seq)!;
    let hi: bigint | undefined = p.ids.length ? maxOf(p.ids) : undefined;
    if (seq === 0) hi = upperBound(p.params) ?? hi;
    const prevLo = lows.get(seq - 1);
    if (prevLo !== undefined) hi = prevLo - 1n; // nothing between consecutive pages
    const lo: bigint | undefined = !p.hasNext ? lowerBound(p.params) : p.ids.length ? minOf(p.ids) : undefined;
    if (lo === undefined || hi === undefined) continue;
    lows.set(seq, lo);
    if (lo <= hi) spans.push({ lo, hi });
  }
  return spans;
}

/** Sorted, merged spans (adjacent integers merge). */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.lo <= last.hi + 1n) {
      if (s.hi > last.hi) last.hi = s.hi;
    } else out.push({ ...s });
  }
  return out;
}

export function coverage(pages: PageFacts[]): Span[] {
  const passes = new Map<string, PageFacts[]>();
  for (const p of pages) {
    const list = passes.get(p.passKey);
    if (list) list.push(p);
    else passes.set(p.passKey, [p]);
  }
  return mergeSpans([...passes.values()].flatMap(passSpans));
}

/** One pass to run: ids > sinceId (or created at/after startTime), ids < untilId. */
export interface Gap {
  sinceId?: string;
  untilId?: string;
  startTime?: string;
}

export interface Floor {
  /** Smallest id wanted (idFloorAt(--since)). */
  id: bigint;
  /** The same floor as the API's start_time, used when the floor binds. */
  startTime?: string;
}

/** The fetch plan: every hole in `spans` at or above the floor, newest first. The first gap is always the incremental top. */
export function gaps(spans: Span[], floor: Floor = { id: 0n }): Gap[] {
  const merged = mergeSpans(spans);
  const out: Gap[] = [];
  const lowerParams = (lo: bigint): Pick<Gap, 'sinceId' | 'startTime'> => {
    if (lo < floor.id) return floor.startTime ? { startTime: floor.startTime } : { sinceId: String(floor.id - 1n) };
    return lo > 0n ? { sinceId: String(lo - 1n) } : {};
  };
  let above: bigint | undefined; // exclusive upper bound of the next gap (undefined: now)
  for (let i = merged.length - 1; i >= -1; i--) {
    const lo = i >= 0 ? merged[i].hi + 1n : 0n; // inclusive lower end of the gap below `above`
    if (above !== undefined && above <= floor.id) break; // everything lower is below the floor
    if (above === undefined || lo < above) {
      out.push({ ...lowerParams(lo), ...(above !== undefined ? { untilId: String(above) } : {}) });
    }
    if (i >= 0) above = merged[i].lo;
    if (above === 0n) break;
  }
  return out;
}
