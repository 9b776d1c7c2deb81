// One small function per cue. Each returns the phrase that fired (for evidence) or null.
import * as L from './lexicon.js';
import type { PhraseList } from './lexicon.js';
import type { Normalized } from './normalize.js';

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

export function firstMatch(list: PhraseList, text: string): { phrase: string; at: number } | null {
  let best: { phrase: string; at: number } | null = null;
  for (const re of list.patterns) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { phrase: m[0].trim(), at: m.index };
  }
  return best;
}

const byList = (cue: CueName, list: PhraseList) => (n: Normalized): Hit | null => {
  const m = firstMatch(list, n.text);
  return m ? { cue, ...m } : null;
};

const linkOf = (cue: CueName, kind: 'specific' | 'generic') => (n: Normalized): Hit | null => {
  const l = n.links.find((x) => x.kind === kind);
  return l ? { cue, phrase: l.url, at: n.text.indexOf('url') } : null;
};

/** Every cue of the reply itself, in the order the lexicon declares them. */
export const REPLY_CUES: Record<Exclude<CueName, 'askedForChannel' | 'problemRaised'>, (n: Normalized) => Hit | null> = {
  dm: byList('dm', L.DM),
  email: byList('email', L.EMAIL),
  phone: byList('phone', L.PHONE),
  channel: byList('channel', L.CHANNEL),
  forum: byList('forum', L.FORUM),
  genericLink: linkOf('genericLink', 'generic'),
  brushOff: byList('brushOff', L.BRUSH_OFF),
  steps: byList('steps', L.STEPS),
  action: byList('action', L.ACTION),
  answer: byList('answer', L.ANSWER),
  diagnostic: byList('diagnostic', L.DIAGNOSTIC),
  specificLink: linkOf('specificLink', 'specific'),
  fallback: byList('fallback', L.FALLBACK),
  thirdParty: byList('thirdParty', L.THIRD_PARTY),
  customerFault: byList('customerFault', L.CUSTOMER_FAULT),
  outsideForce: byList('outsideForce', L.OUTSIDE_FORCE),
  policyRefusal: byList('policyRefusal', L.POLICY_REFUSAL),
  blameNegated: byList('blameNegated', L.BLAME_NEGATION),
  alternative: byList('alternative', L.ALTERNATIVE),
  thanks: byList('thanks', L.THANKS),
  marketing: byList('marketing', L.MARKETING),
  sympathy: byList('sympathy', L.SYMPATHY),
};

/** Cues read off the tweet being answered. */
export function answeredCues(answeredText: string | undefined): Hit[] {
  if (!answeredText) return [];
  const t = answeredText.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const out: Hit[] = [];
  const asked = firstMatch(L.ASKED_FOR_CHANNEL, t);
  if (asked) out.push({ cue: 'askedForChannel', ...asked });
  const problem = firstMatch(L.PROBLEM, t);
  if (problem) out.push({ cue: 'problemRaised', ...problem });
  return out;
}

export function replyCues(n: Normalized): Hit[] {
  const out: Hit[] = [];
  for (const f of Object.values(REPLY_CUES)) {
    const h = f(n);
    if (h) out.push(h);
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
