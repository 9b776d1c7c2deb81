// X API v2 responses: a page ({data, includes, meta}), an array of pages, JSONL of pages
// (twarc2 and our own `fetch`), or JSONL / arrays of bare v2 tweet objects.
import { OWNER_UNKNOWN, type Account, type Timeline, type Tweet } from '../model.js';
import { fileError } from '../errors.js';
import { htmlUnescape, toIso } from '../text.js';
import { TimelineBuilder, type UserBook, type UserInfo } from './builder.js';
import { forEachLine, forEachLineAsync } from './lines.js';

/** Retrieval metadata our `fetch` adds to each raw page (twarc's `__twarc` plays the same role). */
export const META_KEY = '__feedhealth';

export interface PageMeta {
  endpoint?: string;
  retrievedAt?: string;
  user?: { id?: string; username?: string };
}

interface V2Tweet {
  id?: string; text?: string; created_at?: string; author_id?: string; conversation_id?: string;
  in_reply_to_user_id?: string; referenced_tweets?: { type?: string; id?: string }[];
  edit_history_tweet_ids?: unknown;
  /** Posts over 280 characters: `text` holds them cut short, note_tweet.text whole. */
  note_tweet?: { text?: unknown };
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Postman and tweepy captures wrap the body as {_source_request, response}. */
function unwrap(v: unknown): unknown {
  return isObj(v) && '_source_request' in v && 'response' in v ? v.response : v;
}

const isPage = (v: Json) => 'data' in v || 'includes' in v || 'meta' in v || 'errors' in v;
const isBareTweet = (v: Json) => typeof v.id === 'string' && typeof v.text === 'string';

export function v2Tweet(t: V2Tweet, users: Pick<UserBook, 'get'>): Tweet | null {
  if (typeof t.id !== 'string' || typeof t.text !== 'string') return null;
  const refs = Array.isArray(t.referenced_tweets) ? t.referenced_tweets : [];
  const author = t.author_id ? users.get(t.author_id) : undefined;
  const replyUser = t.in_reply_to_user_id ? users.get(t.in_reply_to_user_id) : undefined;
  const whole = t.note_tweet?.text;
  return {
    id: t.id,
    text: htmlUnescape(typeof whole === 'string' ? whole : t.text),
    createdAt: toIso(t.created_at),
    authorId: t.author_id,
    authorHandle: author?.username,
    authorName: author?.name,
    authorFollowers: author?.public_metrics?.followers_count,
    inReplyToId: refs.find((r) => r.type === 'replied_to')?.id,
    inReplyToUserId: t.in_reply_to_user_id,
    inReplyToHandle: replyUser?.username,
    conversationId: t.conversation_id,
    isRetweet: refs.some((r) => r.type === 'retweeted') || undefined,
  };
}

/** An edited tweet lists every version's id in its history, oldest first: those before its own
 * are earlier versions, which it supersedes. */
function noteEarlierVersions(b: V2Sink, t: V2Tweet): void {
  const h = t.edit_history_tweet_ids;
  if (!Array.isArray(h) || h.length < 2) return;
  const at = h.indexOf(t.id);
  if (at > 0) b.supersede(h.slice(0, at).filter((id): id is string => typeof id === 'string'));
}

/** Adds one page (or bare tweet) to the builder; returns false when the value is neither. */
export function addV2Value(b: V2Sink, value: unknown): boolean {
  const v = unwrap(value);
  if (!isObj(v)) return false;
  if (isBareTweet(v) && !isPage(v)) {
    const t = v2Tweet(v as V2Tweet, b.users);
    if (t) {
      t.authorId ??= OWNER_UNKNOWN;
      b.add(t, true);
      noteEarlierVersions(b, v as V2Tweet);
    }
    return true;
  }
  if (!isPage(v)) return false;
  const includes = isObj(v.includes) ? v.includes : {};
  for (const u of Array.isArray(includes.users) ? (includes.users as UserInfo[]) : []) {
    if (u && typeof u.id === 'string') b.users.set(u.id, u);
  }
  const meta = v[META_KEY] as PageMeta | undefined;
  if (meta?.user?.id || meta?.user?.username) b.addOwner({ id: meta.user.id, handle: meta.user.username });
  // A user lookup page (data is one user) carries no tweets but names the account.
  const data = Array.isArray(v.data) ? v.data : isObj(v.data) && 'text' in v.data ? [v.data] : [];
  // The mentions endpoint lists tweets by other people; they give context, not the brand's own feed.
  const primary = !(meta?.endpoint ?? '').endsWith('/mentions');
  for (const t of data) {
    const tw = isObj(t) ? v2Tweet(t as V2Tweet, b.users) : null;
    if (!tw) continue;
    // A user-timeline page requested without author_id: the tweets are the page owner's.
    if (!tw.authorId && primary) tw.authorId = meta?.user?.id ?? OWNER_UNKNOWN;
    b.add(tw, primary);
    // Only the source's own tweets supersede: a newer version that is only context is not
    // counted, so the version of the source's own must be.
    if (primary) noteEarlierVersions(b, t as V2Tweet);
  }
  for (const t of Array.isArray(includes.tweets) ? includes.tweets : []) {
    const tw = isObj(t) ? v2Tweet(t as V2Tweet, b.users) : null;
    if (tw) b.add(tw, false);
  }
  return true;
}

/** A line without the byte-order mark that opens it: in JSONL any line may have one, where files
 * that each began with one were joined (`cat a.jsonl b.jsonl`). */
const withoutBom = (line: string) => (line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);

export function parseV2(text: string, file: string): Timeline {
  const b = new TimelineBuilder('v2');
  let whole: unknown;
  let parsedWhole = true;
  let wholeError: unknown;
  try {
    whole = JSON.parse(text);
  } catch (err) {
    parsedWhole = false;
    wholeError = err;
  }
  if (parsedWhole) {
    const values = Array.isArray(whole) ? whole : [whole];
    values.forEach((v, i) => {
      if (!addV2Value(b, v)) throw fileError(file, `item ${i + 1} is not an X API v2 page or tweet`);
    });
  } else {
    const lines = text.split('\n');
    const filled = lines.filter((l) => l.trim() !== '');
    // A pretty-printed document opens with a line like `{` or `"data": [`, which no JSONL line
    // does: it is one value, so say where that value broke rather than blame its first line.
    if (filled.length > 1 && /[{[,]$/.test(filled[0].trimEnd())) throw brokenDocument(text, file, wholeError);
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      let v: unknown;
      try {
        v = JSON.parse(withoutBom(line));
      } catch {
        const last = lines.slice(i + 1).every((l) => l.trim() === '');
        throw fileError(file, last ? 'invalid JSON (file truncated?)' : 'invalid JSON', i + 1);
      }
      if (!addV2Value(b, v)) throw fileError(file, 'not an X API v2 page or tweet', i + 1);
    });
  }
  return b.finish();
}

/** Where a whole JSON document failed to parse: its last line when it just stops (truncated). */
function brokenDocument(text: string, file: string, err: unknown): Error {
  const message = err instanceof Error ? err.message : '';
  const end = text.trimEnd().length;
  const at = /at position (\d+)/.exec(message);
  const pos = at ? Number(at[1]) : /end of JSON/.test(message) ? end : undefined;
  const lineAt = (p: number) => text.slice(0, p).split('\n').length;
  if (pos === undefined) return fileError(file, 'invalid JSON');
  return pos >= end ? fileError(file, 'invalid JSON (file truncated?)', lineAt(end)) : fileError(file, 'invalid JSON', lineAt(pos));
}

/** What reading v2 pages feeds: a TimelineBuilder (the whole timeline), or a streamed audit. */
export interface V2Sink {
  /** Users named so far (tweets read later are filled from them as they are read). */
  readonly users: UserBook;
  add(t: Tweet, primary: boolean): void;
  addOwner(a: Account): void;
  /** Ids of earlier versions of an edited tweet of the source's own (they are not counted). */
  supersede(ids: readonly string[]): void;
}

/** The line-by-line reading of a v2 JSONL file into a sink, and its verdict at the end. */
function jsonlReader(file: string, sink: V2Sink) {
  let first = true;
  let notJsonl = false;
  let broken: { line: number } | null = null;
  let after = false; // a non-empty line after the broken one
  return {
    onLine(raw: string, n: number): boolean | void {
      const line = withoutBom(raw);
      if (line.trim() === '') return;
      if (broken) {
        after = true;
        return false;
      }
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        if (first) {
          notJsonl = true;
          return false;
        }
        broken = { line: n };
        return;
      }
      first = false;
      // A line holding an array of pages (or tweets) is read item by item, as a whole file would be.
      for (const item of Array.isArray(v) ? v : [v]) if (!addV2Value(sink, item)) throw fileError(file, 'not an X API v2 page or tweet', n);
    },
    /** False when the first line is not a JSON value by itself (a pretty-printed document). */
    end(): boolean {
      if (notJsonl) return false;
      if (broken) throw fileError(file, after ? 'invalid JSON' : 'invalid JSON (file truncated?)', (broken as { line: number }).line);
      return true;
    },
  };
}

/** Reads a v2 JSONL file (one page or tweet a line) into `sink`, line by line; false when the
 * file is not JSONL (its first line is not a JSON value by itself). */
export function readV2Jsonl(file: string, sink: V2Sink): boolean {
  const r = jsonlReader(file, sink);
  forEachLine(file, r.onLine);
  return r.end();
}

/** readV2Jsonl awaiting `afterChunk(bytesRead)` after each 1 MB of the file. */
export async function readV2JsonlAsync(file: string, sink: V2Sink, afterChunk: (bytesRead: number) => Promise<void>): Promise<boolean> {
  const r = jsonlReader(file, sink);
  await forEachLineAsync(file, r.onLine, afterChunk);
  return r.end();
}

/**
 * A v2 JSONL file (one page or tweet a line), read line by line so the file is never held
 * whole. Null when the first line is not a JSON value by itself (a pretty-printed document):
 * the caller then reads the file as one document.
 */
export function loadV2Jsonl(file: string): Timeline | null {
  const b = new TimelineBuilder('v2');
  return readV2Jsonl(file, b) ? b.finish() : null;
}
