// Account archive ("Download your archive"): data/tweets.js (older: tweet.js; big archives add
// tweets-part1.js …), `window.YTD.tweets.part0 = [ {"tweet": {…}}, … ]`; before 2020 entries
// have no {"tweet": …} wrapper. Numbers are strings; the owner is in manifest.js or account.js.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OWNER_UNKNOWN, type Account, type Timeline } from '../model.js';
import { fileError, fsError, InputError } from '../errors.js';
import { htmlUnescape, normId, toIso } from '../text.js';
import { TimelineBuilder } from './builder.js';

const TWEET_FILE = /^tweets?(-part\d+)?\.js$/;

export const looksLikeArchiveJs = (text: string) => /^\s*window\.(YTD|__THAR_CONFIG)/.test(text);

const ASSIGNMENT = /^\ufeff?\s*window\.[\w$.]+\s*=/;

/** The JSON after `window.YTD.x.partN =` (the assignment must open the file: a JSON file with
 * an `=` in some URL is not archive data). */
function jsPayload(text: string, file: string): unknown {
  const head = ASSIGNMENT.exec(text);
  if (!head) throw fileError(file, 'not an archive data file (no "window.YTD… =" assignment)');
  const body = text.slice(head[0].length).trim().replace(/;\s*$/, '');
  try {
    return JSON.parse(body);
  } catch {
    throw fileError(file, 'archive data is not valid JSON (file truncated?)');
  }
}

interface ArchiveTweet {
  id_str?: string; id?: string; full_text?: string; text?: string; created_at?: string;
  in_reply_to_status_id_str?: string; in_reply_to_status_id?: string;
  in_reply_to_user_id_str?: string; in_reply_to_user_id?: string; in_reply_to_screen_name?: string;
  retweeted_status?: unknown;
  edit_info?: EditInfo;
}

interface EditInfo {
  initial?: { editTweetIds?: unknown };
  edit?: { initialTweetId?: unknown; editControlInitial?: { editTweetIds?: unknown } };
}

const idList = (v: unknown): string[] => (Array.isArray(v) ? v.map(normId).filter((id): id is string => id !== undefined) : []);
/** Ids grow with time on X. */
const laterId = (a: string, b: string) => (a.length !== b.length ? a.length > b.length : a > b);

/**
 * Edited tweets: an archive holds each version as an entry of its own. A later version names the
 * original (edit_info.edit.initialTweetId); the original lists the chain, oldest first
 * (edit_info.initial.editTweetIds). All but the newest version present are superseded.
 */
export class EditChains {
  /** By the original's id: the later versions present, and the longest list of the chain seen. */
  private readonly chains = new Map<string, { later: string[]; order: string[] }>();

  note(id: string, info: EditInfo | undefined): void {
    const initial = normId(info?.edit?.initialTweetId);
    const listed = idList(info?.initial?.editTweetIds ?? info?.edit?.editControlInitial?.editTweetIds);
    if (!initial && listed.length < 2) return; // an original never edited (or not when saved)
    const key = initial ?? id;
    let c = this.chains.get(key);
    if (!c) this.chains.set(key, (c = { later: [], order: [] }));
    if (initial) c.later.push(id);
    if (listed.length > c.order.length) c.order = listed;
  }

  /** The original of each chain with a later version present, and every later version but the
   * newest: the last the chain lists (one it does not list yet comes after those), else by id. */
  superseded(): string[] {
    const out: string[] = [];
    for (const [initial, c] of this.chains) {
      if (c.later.length === 0) continue;
      const rank = (id: string) => {
        const i = c.order.indexOf(id);
        return i >= 0 ? i : c.order.length;
      };
      const newest = c.later.reduce((a, b) => (rank(b) > rank(a) || (rank(b) === rank(a) && laterId(b, a)) ? b : a));
      out.push(initial, ...c.later.filter((id) => id !== newest));
    }
    return out;
  }
}

export function addArchiveTweets(b: TimelineBuilder, text: string, file: string, owner: Account, edits: EditChains): void {
  const payload = jsPayload(text, file);
  if (!Array.isArray(payload)) throw fileError(file, 'archive data is not a list of tweets');
  for (const entry of payload) {
    const t = (entry && typeof entry === 'object' && 'tweet' in entry ? entry.tweet : entry) as ArchiveTweet;
    const id = normId(t?.id_str ?? t?.id);
    const body = t?.full_text ?? t?.text;
    if (!id || typeof body !== 'string') continue;
    const full = htmlUnescape(body);
    edits.note(id, t.edit_info);
    b.add(
      {
        id,
        text: full,
        createdAt: toIso(t.created_at),
        authorId: owner.id ?? OWNER_UNKNOWN,
        authorHandle: owner.handle,
        inReplyToId: normId(t.in_reply_to_status_id_str ?? t.in_reply_to_status_id),
        inReplyToUserId: normId(t.in_reply_to_user_id_str ?? t.in_reply_to_user_id),
        inReplyToHandle: t.in_reply_to_screen_name || undefined,
        isRetweet: (full.startsWith('RT @') || t.retweeted_status !== undefined) || undefined,
      },
      true,
    );
  }
}


/** A file's text, or an input error naming it (unreadable, a folder). */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw fsError(file, err);
  }
}

/** A folder's entries, or an input error naming it. */
function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (err) {
    throw fsError(dir, err);
  }
}

const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** Owner from manifest.js (userInfo) or account.js, looked for beside the tweets file. */
export function archiveOwner(dataDir: string): Account {
  const manifest = join(dataDir, 'manifest.js');
  if (existsSync(manifest)) {
    const m = jsPayload(readText(manifest), manifest) as { userInfo?: { userName?: string; accountId?: string } };
    if (m?.userInfo?.userName) return { id: m.userInfo.accountId, handle: m.userInfo.userName };
  }
  const account = join(dataDir, 'account.js');
  if (existsSync(account)) {
    const a = jsPayload(readText(account), account) as { account?: { username?: string; accountId?: string } }[];
    const acc = Array.isArray(a) ? a[0]?.account : undefined;
    if (acc?.username) return { id: acc.accountId, handle: acc.username };
  }
  return {};
}

/** A tweets.js file, or an unzipped archive folder (its data/ folder, or the data folder itself). */
export function loadArchive(path: string, firstText?: string): Timeline {
  let dataDir: string;
  let files: string[];
  if (isFolder(path)) {
    dataDir = isFolder(join(path, 'data')) ? join(path, 'data') : path;
    files = entries(dataDir).filter((f) => TWEET_FILE.test(f)).sort(partOrder).map((f) => join(dataDir, f));
    if (files.length === 0) throw new InputError(`${path}: folder holds no data/tweets.js (not an unzipped account archive)`);
  } else {
    dataDir = dirname(path);
    files = [path];
    // Given part0, pick up its sibling parts too.
    if (/^tweets?\.js$/.test(basename(path))) {
      const parts = entries(dataDir).filter((f) => /^tweets?-part\d+\.js$/.test(f)).sort(partOrder);
      files.push(...parts.map((f) => join(dataDir, f)));
    }
  }
  const owner = archiveOwner(dataDir);
  const b = new TimelineBuilder('archive');
  // Versions of an edited tweet may sit in different parts: they are sorted out once all are read.
  const edits = new EditChains();
  for (const f of files) addArchiveTweets(b, f === path && firstText !== undefined ? firstText : readText(f), f, owner, edits);
  b.supersede(edits.superseded());
  b.addOwner(owner.handle || owner.id ? owner : { id: OWNER_UNKNOWN });
  return b.finish();
}

function partOrder(a: string, b: string): number {
  const n = (f: string) => Number(/-part(\d+)/.exec(f)?.[1] ?? 0);
  return n(a) - n(b);
}
