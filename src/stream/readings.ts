// Canned replies repeat word for word but for the @handle they open with, and a feed is full of
// them. What the classifier reads off a reply alone (normalized text, tokens, its own cues) and
// its template key are worked out once per wording; so is its verdict, per distinct set of cues
// read off the answered tweet (the only other thing a verdict depends on).
import { classifyCuesLazily } from '../classify/index.js';
import { answeredCues } from '../classify/cues.js';
import { cuesWith, readReply, type ReplyReading } from '../classify/rules.js';
import type { Classification } from '../model.js';

/** The @handles a reply opens with, each followed by white space. What normalize() makes of a
 * reply does not depend on them (it drops leading mentions), so replies differing only there
 * share a reading. */
const OPENING_HANDLES = /^(?:[@＠]\w+\s+)+/;

/** The wording a reply's reading depends on: its text without the opening handles. */
export function wording(text: string): string {
  const c = text.charCodeAt(0);
  if (c !== 64 && c !== 0xff20) return text;
  const m = OPENING_HANDLES.exec(text);
  return m ? text.slice(m[0].length) : text;
}

export class Reading {
  /** The template key of the reply when it names no one (set by the caller, once). */
  plainKey: string | undefined;
  private readonly verdicts = new Map<string, Classification>();

  constructor(readonly reply: ReplyReading) {}

  /** The verdict on this wording as an answer to `answeredText` (undefined: none known). */
  verdict(answeredText: string | undefined): Classification {
    const fromAnswered = answeredCues(answeredText);
    // All a verdict reads of the answered tweet: whether there is one, and its cues' names and phrases.
    let key = answeredText ? '+' : '-';
    for (const h of fromAnswered) key += `${h.cue}\u0000${h.phrase}\u0000`;
    let v = this.verdicts.get(key);
    if (!v) {
      v = classifyCuesLazily(cuesWith(this.reply, fromAnswered, !!answeredText));
      if (this.verdicts.size >= MAX_VERDICTS) this.verdicts.clear();
      this.verdicts.set(key, v);
    }
    return v;
  }
}
const MAX_VERDICTS = 64;

/** Readings of recent wordings. Bounded: emptied when full, so a file of millions of distinct
 * replies keeps at most `max` (and pays a map look-up a reply). */
export class ReplyReadings {
  private readonly map = new Map<string, Reading>();

  constructor(private readonly max = 4096) {}

  get(text: string): Reading {
    const key = wording(text);
    let r = this.map.get(key);
    if (!r) {
      r = new Reading(readReply(text));
      if (this.map.size >= this.max) this.map.clear();
      this.map.set(key, r);
    }
    return r;
  }
}
