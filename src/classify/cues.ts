// One small function per cue. Each returns the phrase that fired (for evidence) or null.
import * as L from './lexicon.js';
import type { Pattern, PhraseList } from './lexicon.js';
import type { Normalized } from './normalize.js';
import { IntTable } from './int-table.js';
import { hashStr, tokenize, type Tokens } from './tokens.js';

export interface Hit {
  cue: CueName;
  /** The text that fired, as the person can find it in the reply. */
  phrase: string;
  /** Where it starts in the text it was read from (−1 for a word of the answered tweet). */
  at: number;
}

export const CUE_NAMES = [
  'dm', 'email', 'phone', 'channel', 'forum', 'genericLink', 'brushOff',
  'steps', 'action', 'answer', 'diagnostic', 'specificLink', 'fallback',
  'thirdParty', 'customerFault', 'outsideForce', 'policyRefusal', 'blameNegated', 'alternative',
  'thanks', 'marketing', 'sympathy', 'askedForChannel', 'problemRaised',
] as const;
export type CueName = (typeof CUE_NAMES)[number];

/**
 * Phrase lists matched through their anchors: a pattern runs only when a word of each of its
 * anchor groups is among the text's tokens, so a reply runs a handful of its ~120 patterns.
 * A "lead" pattern (anchors starting with ^) matches only where a word of its first group
 * starts, so it is tried at those places alone instead of scanning the whole text.
 * Each list yields its earliest match.
 */
class AnchoredLists {
  /** Per pattern: its list, and a sticky copy of its regex (tried at given places), made when first needed. */
  private readonly patterns: { li: number; pt: Pattern; sticky: RegExp | null }[];
  /** Per pattern: the bit mask of all its anchor groups, or 0 when it always runs. */
  private readonly full: Uint8Array;
  private readonly table: IntTable;
  // Per anchor word (table row), flat: codes[codeAt[w] .. codeAt[w + 1]) are its pattern
  // number × 8 + anchor group; leads[leadAt[w] .. leadAt[w + 1]) the lead patterns it can start.
  private readonly codeAt: Int32Array;
  private readonly codes: Int32Array;
  private readonly leadAt: Int32Array;
  private readonly leads: Int32Array;
  private readonly digitCodes: Int32Array;
  /** Per pattern: the anchor groups seen so far (a bit each); reset after each text. */
  private readonly seen: Uint8Array;
  /** Per anchor word: the text (generation) it was last marked for. */
  private readonly stamp: Int32Array;
  private generation = 0;
  /** Patterns whose `seen` is not 0 (the first `nTouched`). */
  private readonly touched: Int32Array;
  private nTouched = 0;
  /** Patterns that always run ('*'), and every pattern (ungated). */
  private readonly always: number[];
  private readonly every: number[];
  /** Per lead pattern: where its first-group words start (up to MAX_PLACES; more = scan). */
  private readonly places: Int32Array;
  private readonly placeCount: Uint8Array;

  constructor(private readonly lists: readonly (readonly [CueName, PhraseList])[]) {
    this.patterns = lists.flatMap(([, list], li) => list.patterns.map((pt) => ({ li, pt, sticky: null })));
    const all = lists.flatMap(([, list]) => list.patterns);
    this.full = Uint8Array.from(all, (pt) => (pt.anchors[0][0] === '*' ? 0 : (1 << pt.anchors.length) - 1));
    const byWord = new Map<string, number[]>();
    const leadsByWord = new Map<string, number[]>();
    const add = (m: Map<string, number[]>, w: string, v: number) => m.set(w, [...(m.get(w) ?? []), v]);
    all.forEach((pt, i) =>
      pt.anchors.forEach((group, g) => {
        for (const raw of group) {
          const w = raw === '#q' ? '?' : raw;
          add(byWord, w, i * 8 + g);
          if (pt.lead && g === 0) add(leadsByWord, w, i);
        }
      }),
    );
    const words = [...byWord.keys()];
    this.table = new IntTable(words.map(hashStr));
    [this.codeAt, this.codes] = flat(words.map((w) => byWord.get(w)!));
    [this.leadAt, this.leads] = flat(words.map((w) => leadsByWord.get(w) ?? []));
    this.digitCodes = Int32Array.from(byWord.get('#digits') ?? []);
    this.stamp = new Int32Array(words.length).fill(-1);
    this.seen = new Uint8Array(all.length);
    this.touched = new Int32Array(all.length);
    this.always = all.flatMap((pt, i) => (pt.anchors[0][0] === '*' ? [i] : []));
    this.every = all.map((_, i) => i);
    this.places = new Int32Array(all.length * MAX_PLACES);
    this.placeCount = new Uint8Array(all.length);
  }

  /**
   * Which patterns may match — those with a word of every anchor group among the tokens — in
   * pattern order. Only the patterns some token touched are looked at, and then reset.
   */
  candidates(tk: AnchorTokens): number[] {
    this.nTouched = 0;
    this.generation = (this.generation + 1) | 0;
    this.mark(tk.ids, tk.starts);
    if (tk.partIds.length) this.mark(tk.partIds, tk.partStarts);
    if (tk.digits >= 10) this.markCodes(this.digitCodes, 0, this.digitCodes.length);
    const out: number[] = this.always.slice();
    const { seen, full, touched } = this;
    for (let t = 0; t < this.nTouched; t++) {
      const p = touched[t];
      if (seen[p] === full[p]) out.push(p);
      seen[p] = 0;
    }
    // A handful: insertion sort into pattern order (lists are matched in order).
    for (let i = 1; i < out.length; i++) {
      const v = out[i];
      let j = i - 1;
      while (j >= 0 && out[j] > v) {
        out[j + 1] = out[j];
        j--;
      }
      out[j + 1] = v;
    }
    return out;
  }

  private markCodes(codes: Int32Array, from: number, to: number): void {
    const seen = this.seen;
    for (let i = from; i < to; i++) {
      const code = codes[i];
      const p = code >> 3;
      if (seen[p] === 0) {
        this.touched[this.nTouched++] = p;
        this.placeCount[p] = 0;
      }
      seen[p] |= 1 << (code & 7);
    }
  }

  private mark(ids: number[], starts: number[]): void {
    const { stamp, table, codeAt, leadAt, leads, generation } = this;
    for (let t = 0; t < ids.length; t++) {
      const row = table.get(ids[t]);
      if (row < 0) continue;
      // Common words ("the", "you") anchor many patterns: mark their codes once per text.
      if (stamp[row] !== generation) {
        stamp[row] = generation;
        this.markCodes(this.codes, codeAt[row], codeAt[row + 1]);
      }
      for (let l = leadAt[row]; l < leadAt[row + 1]; l++) {
        const pt = leads[l];
        const n = this.placeCount[pt];
        if (n < MAX_PLACES) this.places[pt * MAX_PLACES + n] = starts[t];
        if (n <= MAX_PLACES) this.placeCount[pt] = n + 1;
      }
    }
  }

  /** The earliest match of a lead pattern, tried only where its first words start. */
  private matchAt(i: number, sticky: RegExp, text: string): RegExpExecArray | null {
    let best: RegExpExecArray | null = null;
    for (let k = 0; k < this.placeCount[i]; k++) {
      const at = this.places[i * MAX_PLACES + k];
      if (best && at >= best.index) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m) best = m;
    }
    return best;
  }

  /** The earliest match of each list (in list order). `gated: false` runs every pattern. */
  match(text: string, tk: AnchorTokens, gated: boolean, out: Hit[]): void {
    const order = gated ? this.candidates(tk) : this.every;
    let last = -1;
    for (const i of order) {
      const e = this.patterns[i];
      const li = e.li;
      const m =
        gated && e.pt.lead && this.placeCount[i] <= MAX_PLACES
          ? this.matchAt(i, (e.sticky ??= new RegExp(e.pt.re.source, `${e.pt.re.flags}y`)), text)
          : e.pt.re.exec(text);
      if (!m) continue;
      // Patterns of one list sit together: the list's hit so far, if any, is the last one out.
      if (li === last) {
        const h = out[out.length - 1];
        if (m.index < h.at) out[out.length - 1] = { cue: this.lists[li][0], phrase: m[0].trim(), at: m.index };
      } else {
        out.push({ cue: this.lists[li][0], phrase: m[0].trim(), at: m.index });
        last = li;
      }
    }
  }
}

const MAX_PLACES = 8;

/** Lists of numbers as one array and where each starts (list w is at[w] .. at[w + 1]). */
function flat(lists: readonly (readonly number[])[]): [Int32Array, Int32Array] {
  const at = new Int32Array(lists.length + 1);
  lists.forEach((l, w) => (at[w + 1] = at[w] + l.length));
  const data = new Int32Array(at[lists.length]);
  lists.forEach((l, w) => data.set(l, at[w]));
  return [at, data];
}

type AnchorTokens = Pick<Tokens, 'ids' | 'partIds' | 'starts' | 'partStarts' | 'digits'>;

// Reply cues backed by phrase lists, in evidence order.
const REPLY = new AnchoredLists([
  ['dm', L.DM], ['email', L.EMAIL], ['phone', L.PHONE], ['channel', L.CHANNEL], ['forum', L.FORUM],
  ['brushOff', L.BRUSH_OFF], ['steps', L.STEPS], ['action', L.ACTION], ['answer', L.ANSWER],
  ['diagnostic', L.DIAGNOSTIC], ['fallback', L.FALLBACK], ['thirdParty', L.THIRD_PARTY],
  ['customerFault', L.CUSTOMER_FAULT], ['outsideForce', L.OUTSIDE_FORCE], ['policyRefusal', L.POLICY_REFUSAL],
  ['blameNegated', L.BLAME_NEGATION], ['alternative', L.ALTERNATIVE], ['thanks', L.THANKS],
  ['marketing', L.MARKETING], ['sympathy', L.SYMPATHY],
]);
const ASKED = new AnchoredLists([['askedForChannel', L.ASKED_FOR_CHANNEL]]);

const LINK_CUES: [CueName, 'specific' | 'generic'][] = [['genericLink', 'generic'], ['specificLink', 'specific']];

/** Cues that place the fault elsewhere (tie-break 1), in the order the rules cite them. */
export const FAULT_CUES: readonly CueName[] = ['customerFault', 'outsideForce', 'thirdParty'];
const within = (h: Hit, outer: Hit) => h.at >= outer.at && h.at + h.phrase.length <= outer.at + outer.phrase.length;

/** All cues of a reply. `gated: false` runs every pattern (the test that anchors hide nothing uses it). */
export function replyCues(n: Normalized, tk: AnchorTokens, gated = true): Hit[] {
  let out: Hit[] = [];
  REPLY.match(n.text, tk, gated, out);
  const denied = out.find((h) => h.cue === 'blameNegated');
  // "Nothing at your end": the fault phrase inside a denial is no fault.
  if (denied) out = out.filter((h) => !(FAULT_CUES.includes(h.cue) && within(h, denied)));
  if (n.links.length)
    for (const [cue, kind] of LINK_CUES) {
      const l = n.links.find((x) => x.kind === kind);
      if (l) out.push({ cue, phrase: l.url, at: n.text.indexOf('url') });
    }
  return out;
}

// Words that show the person raised a problem, by id (a question counts too).
const PROBLEM_TABLE = new IntTable(L.PROBLEM_WORDS.map(hashStr));

/** The answered tweet as the cues read it: lower case, straight apostrophes, tokens. */
function answeredText(text: string): { text: string; tk: Tokens } {
  let t = text.toLowerCase();
  if (t.includes('\u2019') || t.includes('\u2018')) t = t.replace(/[\u2018\u2019]/g, "'");
  return { text: t, tk: tokenize(t) };
}

/** Cues read off the tweet being answered. `gated: false` runs every pattern (for the anchors test). */
export function answeredCues(text: string | undefined, gated = true): Hit[] {
  if (!text) return [];
  const a = answeredText(text);
  const out: Hit[] = [];
  ASKED.match(a.text, a.tk, gated, out);
  const ids = a.tk.ids;
  for (let i = 0; i < ids.length; i++) {
    const row = PROBLEM_TABLE.get(ids[i]);
    if (row >= 0) {
      out.push({ cue: 'problemRaised', phrase: L.PROBLEM_WORDS[row], at: -1 });
      break;
    }
  }
  return out;
}

export const DESCRIBE: Record<CueName, string> = {
  dm: 'DM request', email: 'email request', phone: 'phone request', channel: 'support channel', forum: 'forum',
  genericLink: 'generic help link', brushOff: 'canned brush-off', steps: 'steps', action: 'action taken',
  answer: 'direct answer', diagnostic: 'diagnostic question', specificLink: 'link to a specific page',
  fallback: 'channel only as fallback', thirdParty: 'third party', customerFault: 'fault on the person',
  outsideForce: 'outside force', policyRefusal: 'policy as refusal', blameNegated: 'blame denied',
  alternative: 'alternative offered', thanks: 'thanks or praise', marketing: 'marketing', sympathy: 'sympathy',
  askedForChannel: 'person asked for a contact channel', problemRaised: 'person raised a problem',
};

export const evidenceOf = (h: Hit) => `${DESCRIBE[h.cue]}: "${h.phrase}"`;
