// A live sync of one handle: lock its store, resolve the handle, fetch what the store is
// missing (newer tweets since the newest held, plus whatever an earlier killed or limited run
// left out), append each page as it arrives, and hand back the stored pages as JSONL lines —
// the same text `fetch` writes and `audit` reads.
import { randomBytes } from 'node:crypto';
import { META_KEY } from '../sources/v2-json.js';
import { parseLimit, parseSince, type Since } from '../sources/window.js';
import { cacheRoot, TimelineStore } from '../store/cache.js';
import { coverage, gaps, idFloorAt, pageFacts, type PageFacts, type RecordMeta } from '../store/coverage.js';
import { apiBaseFrom, createClient, scrubber, tokenFromEnv, type XTransport } from './client.js';
import { Progress, type ProgressStream } from '../progress.js';
import { defaultPolicy, pagesOf, parseHandle, resolveUser, type Endpoint, type XUser } from './timeline.js';

/** Options shared by `fetch` and live `audit`, as commander hands them over. */
export interface LiveCliOptions {
  since?: string;
  limit?: string | number;
  mentions?: boolean;
  refresh?: boolean;
  /** false with --no-wait. */
  wait?: boolean;
  apiBase?: string;
  debug?: boolean;
}

export interface LiveRequest {
  handle: string;
  since?: Since;
  limit?: number;
  mentions: boolean;
  refresh: boolean;
  wait: boolean;
  apiBase?: string;
  debug: boolean;
}

/** Checks everything that can be checked before touching the network (exit 2 on a bad value). */
export function liveRequest(handle: string, opts: LiveCliOptions): LiveRequest {
  return {
    handle: parseHandle(handle),
    since: opts.since !== undefined ? parseSince(opts.since) : undefined,
    limit: opts.limit !== undefined ? parseLimit(opts.limit) : undefined,
    mentions: !!opts.mentions,
    refresh: !!opts.refresh,
    wait: opts.wait !== false,
    apiBase: opts.apiBase,
    debug: !!opts.debug,
  };
}

export interface SyncResult {
  user: XUser;
  /** Stored pages for this account, oldest append first, as JSONL lines (no newline). */
  lines: string[];
  fetched: { pages: number; tweets: number };
  /** Distinct tweets of the account's own timeline in `lines`. */
  held: number;
}

/** The API serves timelines from here on; an earlier --since means "everything". */
const API_START_MS = Date.parse('2010-11-06T00:00:01Z');

export interface SyncEnv {
  env?: NodeJS.ProcessEnv;
  stderr?: ProgressStream;
}

/** Per endpoint, the oldest and newest tweet of the pages fetched now. */
function spans(fresh: readonly { facts: PageFacts }[]): Map<string, { lo: bigint; hi: bigint }> {
  const out = new Map<string, { lo: bigint; hi: bigint }>();
  for (const { facts } of fresh)
    for (const id of facts.ids) {
      const s = out.get(facts.endpoint);
      if (!s) out.set(facts.endpoint, { lo: id, hi: id });
      else {
        if (id < s.lo) s.lo = id;
        if (id > s.hi) s.hi = id;
      }
    }
  return out;
}

/** Whether every tweet of a page lies within what was fetched again from its endpoint (a page of
 * none does too: it holds nothing the new pages lack). */
const within = (page: PageFacts, span: { lo: bigint; hi: bigint } | undefined) => page.ids.every((id) => span !== undefined && id >= span.lo && id <= span.hi);

export async function syncHandle(req: LiveRequest, io: SyncEnv = {}): Promise<SyncResult> {
  const env = io.env ?? process.env;
  const progress = new Progress(io.stderr ?? process.stderr, { debug: req.debug });
  const token = tokenFromEnv(env);
  const scrub = scrubber([token.value]);
  const base = apiBaseFrom(req.apiBase, env);
  const timeoutMs = /^\d+$/.test(env.FEEDHEALTH_TIMEOUT_MS ?? '') ? Number(env.FEEDHEALTH_TIMEOUT_MS) : 60_000;
  const policy = defaultPolicy({ wait: req.wait, tokenVar: token.variable, progress }, env);

  const store = new TimelineStore(cacheRoot(env), req.handle);
  const lock = await store.lock({
    onWait: (holder) => progress.status(`@${req.handle}: waiting for another feedhealth run${holder ? ` (pid ${holder.pid})` : ''} to finish with the cache…`),
  });
  // Ctrl-C or a kill while we hold the lock: let go of it, then die of the same signal.
  const onSignal = (sig: NodeJS.Signals) => {
    lock.release();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    progress.clear();
    process.kill(process.pid, sig);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let transport: XTransport | undefined;
  try {
    store.sweep();
    transport = await createClient({ token, base, timeoutMs, trace: (line) => progress.debug(line) });
    progress.status(`@${req.handle}: looking up the account…`);
    const user = await resolveUser(transport, req.handle, policy);

    const { lines: stored, skipped } = store.read();
    if (skipped) progress.debug(`${store.logPath}: ignored ${skipped} incomplete or foreign line(s)`);
    const held: { line: string; facts: PageFacts }[] = [];
    let foreign = 0;
    for (const { line, value } of stored) {
      const facts = pageFacts(value);
      if (!facts) continue;
      if (facts.userId === user.id) held.push({ line, facts });
      else foreign++;
    }
    if (foreign) progress.note(`@${user.username}: the cache held ${foreign} page(s) of another account that had this handle before; ignoring them`);

    const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const fresh: { line: string; facts: PageFacts }[] = [];
    const basis = req.refresh ? [] : held;
    const floor = req.since && req.since.ms > API_START_MS ? { id: idFloorAt(req.since.ms), startTime: req.since.iso } : { id: 0n };
    const endpoints: Endpoint[] = req.mentions ? ['tweets', 'mentions'] : ['tweets'];
    let pages = 0;
    let tweets = 0;

    for (const endpoint of endpoints) {
      const mine = basis.filter((h) => h.facts.endpoint === endpoint).map((h) => h.facts);
      const ids = new Set<bigint>(mine.flatMap((f) => f.ids));
      const plan = gaps(coverage(mine), floor);
      progress.debug(`${endpoint}: ${ids.size} tweets held; plan: ${plan.map((g) => JSON.stringify(g)).join(' ')}`);
      for (const [pass, gap] of plan.entries()) {
        let limit: number | undefined;
        if (req.limit !== undefined) {
          const top = gap.untilId !== undefined ? BigInt(gap.untilId) : undefined;
          const have = top === undefined ? 0 : [...ids].filter((id) => id >= top).length;
          if (have >= req.limit) break;
          limit = req.limit - have;
        }
        for await (const page of pagesOf(transport, { endpoint, userId: user.id, ...gap, limit }, policy)) {
          const meta: RecordMeta = {
            endpoint: `/2/${page.path}`,
            retrievedAt: page.retrievedAt,
            user: { id: user.id, username: user.username },
            params: page.params,
            api: transport.base,
            sync: { run, pass, page: page.seq },
          };
          const line = scrub(JSON.stringify({ ...page.body, [META_KEY]: meta }));
          store.append(line); // on disk before the next page is asked for
          const facts = pageFacts(JSON.parse(line))!;
          fresh.push({ line, facts });
          for (const id of facts.ids) ids.add(id);
          pages++;
          tweets += page.count;
          progress.status(`@${user.username}: ${pages} page${pages === 1 ? '' : 's'}, ${tweets} tweet${tweets === 1 ? '' : 's'} fetched (${endpoint})`);
        }
      }
    }

    // --refresh finished: the pages fetched now replace those held. With a window (--since,
    // --limit) only that window was fetched again: older pages stay (they cost API reads to get
    // back); those wholly inside what was fetched again go.
    const fetched = spans(fresh);
    const kept = !req.refresh ? held : req.since || req.limit !== undefined ? held.filter((h) => !within(h.facts, fetched.get(h.facts.endpoint))) : [];
    if (req.refresh) store.replace([...kept, ...fresh].map((f) => f.line));
    const all = [...kept, ...fresh];
    const own = new Set<bigint>(all.filter((h) => h.facts.endpoint === 'tweets').flatMap((h) => h.facts.ids));
    progress.note(`@${user.username}: ${tweets} new tweet${tweets === 1 ? '' : 's'} in ${pages} page${pages === 1 ? '' : 's'}; ${own.size} held in ${store.dir}`);
    return { user, lines: all.map((h) => h.line), fetched: { pages, tweets }, held: own.size };
  } catch (err) {
    // One choke point: no message or trace leaves with the token in it.
    if (err instanceof Error) {
      err.message = scrub(err.message);
      if (err.stack) err.stack = scrub(err.stack);
      throw err;
    }
    throw new Error(scrub(String(err)));
  } finally {
    transport?.close();
    lock.release();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    progress.clear();
  }
}

