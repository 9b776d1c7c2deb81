// Canned replies: the same text pasted again and again. Each reply is reduced to a template key
// (handles, the person's name, sign-off, links, numbers and punctuation dropped), identical keys
// group at once, and near-identical keys are joined when their word sets overlap enough
// (Jaccard ≥ CANNED.similarity). Candidate pairs come from prefix filtering — two sets that
// similar must share one of their rarest few words — so the work grows about linearly with the
// number of replies, not with its square. Pure.
import type { LabeledReply, Tweet } from '../model.js';
import { normalize, type Normalized } from '../classify/normalize.js';
import { emptyCounts, type LabelCounts } from './balance.js';
import { LABELS } from '../model.js';
import { nameUsed } from './touch.js';
import { round4 } from './stats.js';
import { msOf } from './time.js';

export const CANNED = {
  /** Two replies are near-identical when their word sets have Jaccard similarity at least this. */
  similarity: 0.7,
  /** Replies with fewer distinct words only join by identical keys (short texts overlap by chance). */
  minWordsForNearMatch: 4,
  /** A template is wording used at least this many times. */
  minUses: 2,
  /** Leaders per candidate block (each key is checked against at most this many per block): bounds the work on huge blocks. */
  maxChecksPerKey: 32,
  /** Templates listed in a report. */
  topTemplates: 5,
} as const;

/** Scripts written without spaces between words. */
const UNSPACED_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const UNSPACED = new RegExp(`^[${UNSPACED_CLASS}]+$`, 'u');
/** A run of an unspaced script, or a word (letters, marks, digits, inner apostrophes). */
const WORD = new RegExp(`[${UNSPACED_CLASS}]+|[\\p{L}\\p{M}\\p{N}]+(?:'[\\p{L}\\p{M}]+)*`, 'gu');

/** The key of lower-cased text as `unicodeKey` reads it, by a hand scan of its ASCII words
 * ([a-z0-9]+ with inner 'letters, those holding digits dropped): this runs once per reply.
 * Characters outside ASCII that cannot be part of a word (emoji, dashes, curly quotes …)
 * separate words exactly as a space does, so they are skipped; at any other (a letter, a mark,
 * a digit of another script) it returns null and the Unicode-aware rule reads the text. */
export function asciiKey(plain: string): string | null {
  // Words gathered, then joined once: the key is hashed as a map key right after, and a string
  // built by repeated concatenation would have to be flattened first (~1 µs a reply).
  const words: string[] = [];
  const n = plain.length;
  let i = 0;
  while (i < n) {
    const c = plain.charCodeAt(i);
    if (c < 0x20) return null;
    if (c > 0x7e) {
      const cp = plain.codePointAt(i)!;
      if (inWords(cp)) return null;
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (!isAlnum(c)) {
      i++;
      continue;
    }
    const start = i;
    let digit = false;
    while (i < n && isAlnum(plain.charCodeAt(i))) {
      if (plain.charCodeAt(i) <= 57) digit = true;
      i++;
    }
    while (i + 1 < n && plain.charCodeAt(i) === 39 && isLower(plain.charCodeAt(i + 1))) {
      i++;
      while (i < n && isLower(plain.charCodeAt(i))) i++;
    }
    if (!digit) words.push(plain.slice(start, i));
  }
  return words.join(' ');
}

/** Whether a code point can be part of a word as WORD reads them (a letter, mark or number). */
const WORDISH = /^[\p{L}\p{M}\p{N}]$/u;
const wordish = new Map<number, boolean>();
function inWords(cp: number): boolean {
  let w = wordish.get(cp);
  if (w === undefined) wordish.set(cp, (w = WORDISH.test(String.fromCodePoint(cp))));
  return w;
}

/** The key by the general, Unicode-aware rule: words as WORD reads them, those holding a number
 * dropped, runs of unspaced scripts as overlapping character pairs. */
export function unicodeKey(plain: string): string {
  const out: string[] = [];
  for (const m of plain.matchAll(WORD)) {
    const w = m[0];
    if (/\p{N}/u.test(w)) continue; // numbers: order, case and ticket numbers vary per use
    if (UNSPACED.test(w)) {
      // Scripts written without spaces: overlapping character pairs stand in for words.
      const chars = [...w];
      if (chars.length === 1) out.push(w);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    } else out.push(w);
  }
  return out.join(' ');
}
const isLower = (c: number) => c >= 97 && c <= 122;
const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

const isW = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** The text with each whole-word use of `name` (not inside a word or a @handle) replaced by a
 * space — as `/(?<![\w@])name(?!\w)/g` would, without building a regex for every reply. */
export function withoutName(text: string, name: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (at < from) continue;
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    const end = at + name.length;
    if (isW(before) || before === 64 /* @ */ || (end < text.length && isW(text.charCodeAt(end)))) continue;
    out += `${text.slice(from, at)} `;
    from = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The text with everything that varies between uses of one template removed; '' when no words remain.
 * `normalized` and `name` (nameUsed's answer) may be passed when the caller already has them. */
export function templateKey(
  text: string,
  answered: Pick<Tweet, 'authorName'> | null = null,
  normalized?: Normalized,
  name: string | null = nameUsed(text, answered),
): string {
  // drops leading handles and the sign-off; links → "url", mentions → "@user"
  const n = name ? normalize(withoutName(text, name)) : normalized ?? normalize(text);
  const plain = n.text.includes('@user') || n.text.includes('url') ? n.text.replace(/@user|\burl\b/g, ' ') : n.text;
  // Most replies' words are ASCII: one simple pass instead of the Unicode-aware one.
  return asciiKey(plain) ?? unicodeKey(plain);
}

/**
 * Cluster ids for template keys: identical keys share an id, and keys whose word sets reach
 * `similarity` are joined (transitively). Empty keys never join anything. Ids are 0.. in order
 * of first appearance.
 */
export function clusterKeys(
  keys: readonly string[],
  opts: { similarity?: number; minWordsForNearMatch?: number; maxChecksPerKey?: number } = {},
  /** How many replies each key stands for (default 1 each). */
  counts?: readonly number[],
): number[] {
  const t = opts.similarity ?? CANNED.similarity;
  const minWords = opts.minWordsForNearMatch ?? CANNED.minWordsForNearMatch;
  const cap = opts.maxChecksPerKey ?? CANNED.maxChecksPerKey;

  // 1. Identical keys.
  const uniqOf = new Map<string, number>();
  const uniq: string[] = [];
  const keyIdx = keys.map((k) => {
    let u = uniqOf.get(k);
    if (u === undefined) {
      u = uniq.length;
      uniqOf.set(k, u);
      uniq.push(k);
    }
    return u;
  });

  // 2. Word sets over distinct keys, words numbered rarest first (ties in code-unit order). All
  //    in integers: a feed has thousands of distinct keys, and a single-handle audit runs this
  //    once, before the code is warm, where maps of strings and sorts with comparators are slow.
  const idOf = new Map<string, number>();
  const text: string[] = [];
  const df: number[] = [];
  const lastIn: number[] = [];
  const wordIds = uniq.map((k, u) => {
    const ids: number[] = [];
    if (k)
      for (const w of k.split(' ')) {
        let id = idOf.get(w);
        if (id === undefined) {
          id = text.length;
          idOf.set(w, id);
          text.push(w);
          df.push(0);
          lastIn.push(-1);
        }
        // Each word once per key.
        if (lastIn[id] !== u) {
          lastIn[id] = u;
          df[id]++;
          ids.push(id);
        }
      }
    return ids;
  });
  const nw = text.length;
  // Sorted without a comparator: by df × nw + alphabetical place (each word's is unique).
  const idAtAlpha = new Int32Array(nw);
  const alpha = new Int32Array(nw);
  // The default sort compares code units, as a < b does.
  text
    .slice()
    .sort()
    .forEach((w, place) => {
      const id = idOf.get(w)!;
      alpha[id] = place;
      idAtAlpha[place] = id;
    });
  const byRarity = new Float64Array(nw);
  for (let id = 0; id < nw; id++) byRarity[id] = df[id] * nw + alpha[id];
  byRarity.sort();
  const rank = new Int32Array(nw);
  for (let r = 0; r < nw; r++) rank[idAtAlpha[byRarity[r] % nw]] = r;
  const sets = wordIds.map((ids) => {
    const set = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) set[i] = rank[ids[i]];
    return set.sort();
  });

  // 3. Union–find over distinct keys.
  const parent = Int32Array.from(uniq.keys());
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  /** Whether Jaccard(a, b) ≥ t; stops as soon as the words left cannot bring the overlap high enough. */
  const similar = (a: Int32Array, b: Int32Array): boolean => {
    // |a∩b| / (|a| + |b| − |a∩b|) ≥ t  ⇔  |a∩b| ≥ t(|a| + |b|) / (1 + t)
    const need = Math.ceil((t * (a.length + b.length)) / (1 + t) - 1e-9);
    let i = 0;
    let j = 0;
    let both = 0;
    while (i < a.length && j < b.length) {
      if (both + Math.min(a.length - i, b.length - j) < need) return false;
      if (a[i] === b[j]) {
        both++;
        i++;
        j++;
      } else if (a[i] < b[j]) i++;
      else j++;
    }
    return both >= need;
  };

  // 4. Prefix filtering: a set of size s can only reach Jaccard t with a set sharing one of its
  //    first s − ⌈t·s⌉ + 1 (rarest) words. Index keys by those words; compare within each block.
  const blocks = new Map<number, number[]>();
  for (let u = 0; u < sets.length; u++) {
    const s = sets[u].length;
    if (s < minWords) continue;
    const p = s - Math.ceil(t * s - 1e-9) + 1;
    for (let k = 0; k < p; k++) {
      const b = blocks.get(sets[u][k]);
      if (b) b.push(u);
      else blocks.set(sets[u][k], [u]);
    }
  }
  // Within a block, keys are compared with the block's leaders only: the most used wordings
  // (a template's usual text) come first and lead; a key joins the first leader it is similar
  // to, or becomes a leader itself while there are fewer than `cap`. Work per key and block ≤ cap.
  const uses = new Float64Array(uniq.length);
  keyIdx.forEach((u, i) => (uses[u] += counts ? counts[i] : 1));
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    block.sort((x, y) => uses[y] - uses[x] || sets[x].length - sets[y].length || x - y);
    const leaders: number[] = [];
    for (const u of block) {
      const a = sets[u];
      let joined = false;
      for (const l of leaders) {
        const b = sets[l];
        if (Math.min(a.length, b.length) < t * Math.max(a.length, b.length) - 1e-9) continue; // Jaccard ≤ min/max
        const ra = find(u);
        const rb = find(l);
        if (ra === rb || similar(a, b)) {
          if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
          joined = true;
          break;
        }
      }
      if (!joined && leaders.length < cap) leaders.push(u);
    }
  }

  // 5. Number clusters by first appearance; each empty key stands alone.
  const idOfRoot = new Map<number, number>();
  let next = 0;
  return keyIdx.map((u) => {
    if (uniq[u] === '') return next++;
    const r = find(u);
    let id = idOfRoot.get(r);
    if (id === undefined) {
      id = next++;
      idOfRoot.set(r, id);
    }
    return id;
  });
}

export interface Template {
  /** Replies in this cluster of near-identical text. */
  uses: number;
  /** uses / all replies. */
  share: number;
  /** The newest reply of the cluster, as sent. */
  example: string;
  exampleId: string;
  /** How the classifier labeled the replies of this cluster. */
  labels: LabelCounts;
}

export interface Canned {
  replies: number;
  /** Replies whose wording is used at least twice (CANNED.minUses) by this account. */
  templatedReplies: number;
  templatedShare: number;
  /** Clusters used at least twice. */
  templateCount: number;
  /** Most used first, at most CANNED.topTemplates. */
  topTemplates: Template[];
}

/** One template key's replies: how many, their labels, and the newest as the example. */
export interface KeyStat {
  uses: number;
  labels: LabelCounts;
  example: string;
  exampleId: string;
  /** The example's time (ms), or null when undated. */
  exampleMs: number | null;
}

/** Mergeable state: replies by template key. Clustering runs once, on the final keys. */
export interface CannedState {
  replies: number;
  keys: Map<string, KeyStat>;
}

export const emptyCanned = (): CannedState => ({ replies: 0, keys: new Map() });

/** Whether reply a is newer than b (time, then id). */
function newer(aMs: number | null, aId: string, bMs: number | null, bId: string): boolean {
  const a = aMs ?? -Infinity;
  const b = bMs ?? -Infinity;
  return a !== b ? a > b : aId.length !== bId.length ? aId.length > bId.length : aId > bId;
}

/** Adds k's replies to those of `key` in a map of key stats (used for template keys and for clusters). */
function addKeyStat<K>(m: Map<K, KeyStat>, key: K, k: KeyStat): void {
  const o = m.get(key);
  if (!o) {
    m.set(key, { ...k, labels: { ...k.labels } });
    return;
  }
  o.uses += k.uses;
  for (const l of LABELS) o.labels[l] += k.labels[l];
  if (newer(k.exampleMs, k.exampleId, o.exampleMs, o.exampleId)) {
    o.example = k.example;
    o.exampleId = k.exampleId;
    o.exampleMs = k.exampleMs;
  }
}

/** `key` may be passed when already computed (templateKey of the reply). */
export function addCanned(s: CannedState, r: Pick<LabeledReply, 'tweet' | 'answered' | 'label'>, key = templateKey(r.tweet.text, r.answered)): void {
  s.replies++;
  // Replies with no words left never join a template: each gets a key of its own.
  if (!key) key = `\u0000${r.tweet.id}`;
  const ms = msOf(r.tweet.createdAt);
  const o = s.keys.get(key);
  if (o) {
    // The common case on a big feed: update in place, allocate nothing.
    o.uses++;
    o.labels[r.label]++;
    if (newer(ms, r.tweet.id, o.exampleMs, o.exampleId)) {
      o.example = r.tweet.text;
      o.exampleId = r.tweet.id;
      o.exampleMs = ms;
    }
    return;
  }
  const labels = emptyCounts();
  labels[r.label]++;
  s.keys.set(key, { uses: 1, labels, example: r.tweet.text, exampleId: r.tweet.id, exampleMs: ms });
}

export function mergeCanned(a: CannedState, b: CannedState): CannedState {
  const out: CannedState = { replies: a.replies + b.replies, keys: new Map() };
  for (const [k, v] of a.keys) addKeyStat(out.keys, k, v);
  for (const [k, v] of b.keys) addKeyStat(out.keys, k, v);
  return out;
}

export function finalCanned(s: CannedState, top: number = CANNED.topTemplates): Canned | null {
  if (s.replies === 0) return null;
  // Keys in a fixed order, so the clusters do not depend on the order replies arrived in.
  const entries = [...s.keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const keys = entries.map(([k]) => (k.startsWith('\u0000') ? '' : k));
  const ids = clusterKeys(keys, {}, entries.map(([, v]) => v.uses));
  const clusters = new Map<number, KeyStat>();
  ids.forEach((c, i) => addKeyStat(clusters, c, entries[i][1]));
  const templates: Template[] = [];
  let templated = 0;
  for (const c of clusters.values()) {
    if (c.uses < CANNED.minUses) continue;
    templated += c.uses;
    templates.push({ uses: c.uses, share: round4(c.uses / s.replies), example: c.example, exampleId: c.exampleId, labels: c.labels });
  }
  templates.sort((a, b) => b.uses - a.uses || (a.exampleId < b.exampleId ? -1 : 1));
  return {
    replies: s.replies,
    templatedReplies: templated,
    templatedShare: round4(templated / s.replies),
    templateCount: templates.length,
    topTemplates: templates.slice(0, top),
  };
}

export function cannedOf(replies: readonly Pick<LabeledReply, 'tweet' | 'answered' | 'label'>[], top: number = CANNED.topTemplates): Canned | null {
  const s = emptyCanned();
  for (const r of replies) addCanned(s, r);
  return finalCanned(s, top);
}
