// Personal touch: replies a person can tell were written by someone — signed by an agent
// (^JK, -Becky, *SR …, found by the classifier's own normalize()) or addressing the person by
// name ("Hi Sarah," or the answered account's display name). Pure.
import type { LabeledReply, Tweet } from '../model.js';
import { normalize } from '../classify/normalize.js';
import { round4 } from './stats.js';

/** Greetings that are followed by the person's name when an agent uses it. */
const GREETING = /^(?:hi|hiya|hey|hello|dear|good (?:morning|afternoon|evening)|thanks|thank you|sorry|welcome)[ ,]+((?:(?:Mr|Mrs|Ms|Dr)\.? )?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=$|[\s,.!:;])/i;

/** Capitalized words that follow a greeting without being a name. */
const NOT_A_NAME = new Set([
  'there', 'all', 'everyone', 'everybody', 'team', 'friend', 'friends', 'folks', 'guys', 'again', 'you', 'for', 'so', 'very', 'much',
  'please', 'we', 'i', 'our', 'us', 'my', 'me', 'he', 'she', 'they', 'hope', 'thanks', 'thank', 'sorry', 'can', 'could', 'would', 'let', 'have', 'do', 'did', 'is', 'are',
  'what', 'how', 'when', 'where', 'why', 'just', 'that', 'this', 'it', 'your', 'yes', 'no', 'ok', 'okay', 'oh', 'and', 'but',
  'the', 'a', 'an', 'to', 'in', 'on', 'if', 'sir', 'madam', 'mate', 'buddy', 'both', 'back', 'too', 'also',
  'reaching', 'letting', 'sharing', 'following', 'waiting', 'bringing', 'contacting', 'writing', 'being', 'checking', 'getting',
]);

/** Strips the leading @mentions that address a reply. */
const leadingMentions = (s: string) => s.replace(/^(\s*[.@＠]+\w+)+[\s,:]*/, '').trimStart();

/** The name a reply greets the person with ("Hi Sarah, …" → "Sarah"), or null. Case of the name matters. */
export function greetedName(text: string): string | null {
  const m = GREETING.exec(leadingMentions(text));
  if (!m) return null;
  const name = m[1];
  const first = name.replace(/^(?:Mr|Mrs|Ms|Dr)\.? /, '');
  // The greeting matches any case; the name must read as one (Sarah, not SARAH, DM or sarah).
  if (!/^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/.test(first)) return null;
  return NOT_A_NAME.has(first.toLowerCase()) ? null : name;
}

/** First name of a display name, when it looks like one ("Sarah K." → "Sarah"; "ACME Fan 99" → null). */
export function firstNameOf(displayName: string | undefined): string | null {
  const w = displayName?.trim().split(/\s+/)[0];
  if (!w || !/^[A-Z][a-z]{2,}$/.test(w) || NOT_A_NAME.has(w.toLowerCase())) return null;
  return w;
}

// One compiled pattern per first name (a feed answers the same people again and again).
const NAME_RES = new Map<string, RegExp>();
function nameRe(name: string): RegExp {
  let re = NAME_RES.get(name);
  if (!re) {
    if (NAME_RES.size > 10_000) NAME_RES.clear();
    NAME_RES.set(name, (re = new RegExp(`(?<![\\w@])${name}(?!\\w)`)));
  }
  return re;
}

/** The person's name as the reply uses it, or null: a greeted name, or the answered author's first name anywhere. */
export function nameUsed(replyText: string, answered: Pick<Tweet, 'authorName'> | null): string | null {
  const g = greetedName(replyText);
  if (g) return g;
  const first = firstNameOf(answered?.authorName);
  if (first && nameRe(first).test(replyText)) return first;
  return null;
}

export interface PersonalTouch {
  replies: number;
  /** Replies ending in an agent's sign-off (^JK, -Becky, *SR …). */
  signedReplies: number;
  signedShare: number;
  /** Replies that call the person by name. */
  namedReplies: number;
  namedShare: number;
  /** Replies signed, named, or both. */
  personalReplies: number;
  personalShare: number;
}

/** Mergeable state: plain counts. */
export interface TouchState {
  replies: number;
  signed: number;
  named: number;
  either: number;
}

export const emptyTouch = (): TouchState => ({ replies: 0, signed: 0, named: 0, either: 0 });

/** `signed` and `named` may be passed when the caller has already worked them out. */
export function addTouch(s: TouchState, r: Pick<LabeledReply, 'tweet' | 'answered'>, signed?: boolean, named = nameUsed(r.tweet.text, r.answered) !== null): void {
  const sig = signed ?? normalize(r.tweet.text).signOff !== undefined;
  s.replies++;
  if (sig) s.signed++;
  if (named) s.named++;
  if (sig || named) s.either++;
}

export function mergeTouch(a: TouchState, b: TouchState): TouchState {
  return { replies: a.replies + b.replies, signed: a.signed + b.signed, named: a.named + b.named, either: a.either + b.either };
}

export function finalTouch(s: TouchState): PersonalTouch | null {
  const k = s.replies;
  if (k === 0) return null;
  return {
    replies: k,
    signedReplies: s.signed,
    signedShare: round4(s.signed / k),
    namedReplies: s.named,
    namedShare: round4(s.named / k),
    personalReplies: s.either,
    personalShare: round4(s.either / k),
  };
}

export function personalTouchOf(replies: readonly Pick<LabeledReply, 'tweet' | 'answered'>[]): PersonalTouch | null {
  const s = emptyTouch();
  for (const r of replies) addTouch(s, r);
  return finalTouch(s);
}
