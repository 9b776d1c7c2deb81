// One small function per cue. Each returns the phrase that fired (for evidence) or null.
import * as L from './lexicon.js';
import type { PhraseList } from './lexicon.js';
import type { Normalized } from './normalize.js';
import { IntTable } from './int-table.js';
import { hashStr, type Tokens } from './tokens.js';

export interface Hit {
  cue: CueName;
  /** The text that fired, as the person can find it in the reply. */
  phrase: string;
  /** Where in the normalized text it starts (order matters for tie-breaks). */
  at: number;
}

export const CUE_NAMES = [
  'dm', 'email', 'phone', 'channel', 'forum', 'genericLink', 'brushOff',
  'steps', 'action', 'answer', 'diagnostic', 'specificLink', 'fallback',
  'thirdParty', 'customerFault', 'outsideForce', 'policyRefusal', 'blameNegated', 'alternative',
  'thanks', 'marketing', 'sympathy', 'askedForChannel', 'problemRaised',
] as const;
export type CueName = (typeof CUE_NAMES)[number];

/** The earliest match of a list, or null (every pattern runs). */
export function firstMatch(list: PhraseList, text: string): { phrase: string; at: number } | null {
  let best: { phrase: string; at: number } | null = null;
  for (const { re } of list.patterns) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { phrase: m[0].trim(), at: m.index };
  }
  return best;
}

// Reply cues backed by phrase lists, in evidence order.
const LISTS: [CueName, PhraseList][] = [
  ['dm', L.DM], ['email', L.EMAIL], ['phone', L.PHONE], ['channel', L.CHANNEL], ['forum', L.FORUM],
  ['brushOff', L.BRUSH_OFF], ['steps', L.STEPS], ['action', L.ACTION], ['answer', L.ANSWER],
  ['diagnostic', L.DIAGNOSTIC], ['fallback', L.FALLBACK], ['thirdParty', L.THIRD_PARTY],
  ['customerFault', L.CUSTOMER_FAULT], ['outsideForce', L.OUTSIDE_FORCE], ['policyRefusal', L.POLICY_REFUSAL],
  ['blameNegated', L.BLAME_NEGATION], ['alternative', L.ALTERNATIVE], ['thanks', L.THANKS],
  ['marketing', L.MARKETING], ['sympathy', L.SYMPATHY],
];

// Anchor index: word id → codes (pattern number × 8 + anchor group). Built once.
const PATTERNS = LISTS.flatMap(([, list], li) => list.patterns.map((pt) => ({ li, re: pt.re, anchors: pt.anchors })));
const FULL = PATTERNS.map((pt) => (pt.anchors[0][0] === '*' ? 0 : (1 << pt.anchors.length) - 1));
const CODES_BY_WORD = new Map<string, number[]>();
PATTERNS.forEach((pt, i) =>
  pt.anchors.forEach((group, g) => {
    for (const raw of group) {
      const w = raw === '#q' ? '?' : raw;
      const codes = CODES_BY_WORD.get(w) ?? [];
      codes.push(i * 8 + g);
      CODES_BY_WORD.set(w, codes);
    }
  }),
);
const ANCHOR_WORDS = [...CODES_BY_WORD.keys()];
const ANCHOR_TABLE = new IntTable(ANCHOR_WORDS.map(hashStr));
const ANCHOR_CODES = ANCHOR_WORDS.map((w) => CODES_BY_WORD.get(w)!);
const DIGITS_CODES = CODES_BY_WORD.get('#digits') ?? [];
const LONG_NUMBER = /\d{3}[\d -]{4,}/;

function mark(hits: Uint8Array, codes: number[]): void {
  for (const c of codes) hits[c >> 3] |= 1 << (c & 7);
}

/** Which patterns may match: those with a word of every anchor group among the tokens. */
const scratch = new Uint8Array(PATTERNS.length);
export function candidatePatterns(tk: Pick<Tokens, 'ids' | 'partIds'>, text: string): Uint8Array {
  const hits = scratch;
  hits.fill(0);
  for (const list of [tk.ids, tk.partIds])
    for (let t = 0; t < list.length; t++) {
      const row = ANCHOR_TABLE.get(list[t]);
      if (row >= 0) mark(hits, ANCHOR_CODES[row]);
    }
  if (LONG_NUMBER.test(text)) mark(hits, DIGITS_CODES);
  for (let i = 0; i < hits.length; i++) hits[i] = FULL[i] === 0 || hits[i] === FULL[i] ? 1 : 0;
  return hits;
}

const LINK_CUES: [CueName, 'specific' | 'generic'][] = [['genericLink', 'generic'], ['specificLink', 'specific']];

/** All cues of a reply. `gated: false` runs every pattern (the test that anchors hide nothing uses it). */
export function replyCues(n: Normalized, tk: Pick<Tokens, 'ids' | 'partIds'>, gated = true): Hit[] {
  const may = gated ? candidatePatterns(tk, n.text) : null;
  const best: (Hit | null)[] = new Array(LISTS.length).fill(null);
  for (let i = 0; i < PATTERNS.length; i++) {
    if (may && !may[i]) continue;
    const { li, re } = PATTERNS[i];
    const m = re.exec(n.text);
    if (m && (!best[li] || m.index < best[li]!.at)) best[li] = { cue: LISTS[li][0], phrase: m[0].trim(), at: m.index };
  }
  const out = best.filter((h): h is Hit => h !== null);
  for (const [cue, kind] of LINK_CUES) {
    const l = n.links.find((x) => x.kind === kind);
    if (l) out.push({ cue, phrase: l.url, at: n.text.indexOf('url') });
  }
  return out;
}

// Every way of asking for a channel names one of these (checked by the anchors test).
const ASKED_GATE = /phone|number|contact|mail|address|helpline|hotline|reach|call|ring|dm|message|touch|hold|talk|speak|chat|ticket/;

/** Cues read off the tweet being answered. */
export function answeredCues(answeredText: string | undefined): Hit[] {
  if (!answeredText) return [];
  const t = answeredText.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const out: Hit[] = [];
  const asked = ASKED_GATE.test(t) ? firstMatch(L.ASKED_FOR_CHANNEL, t) : null;
  if (asked) out.push({ cue: 'askedForChannel', ...asked });
  const problem = firstMatch(L.PROBLEM, t);
  if (problem) out.push({ cue: 'problemRaised', ...problem });
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
