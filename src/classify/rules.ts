// The transparent rule set: cues in, one label out, following the tie-breaks of the labeling
// guide in order. The trained model (model.ts) uses these cues as features too.
import { MAX_EVIDENCE, type Classification, type Label } from '../model.js';
import { answeredCues, evidenceOf, FAULT_CUES, replyCues, type CueName, type Hit } from './cues.js';
import { normalize, type Normalized } from './normalize.js';
import { tokenize } from './tokens.js';

export interface CueSet {
  n: Normalized;
  /** The tokens, when asked for (training names features with them). */
  tokens: string[] | null;
  /** hashStr of each token. */
  ids: number[];
  /** Whether the answered tweet was known (so "no problem raised" means something). */
  answered: boolean;
  hits: readonly Hit[];
  has(cue: CueName): Hit | undefined;
}

/** What the cues read off the reply alone: its normalized text, token ids and own cues. */
export interface ReplyReading {
  n: Normalized;
  /** hashStr of each token. */
  ids: number[];
  /** The tokens, when asked for (training). */
  tokens: string[] | null;
  hits: readonly Hit[];
}

export function readReply(text: string, withTokens = false): ReplyReading {
  const n = normalize(text);
  const tk = tokenize(n.text, withTokens);
  // Only the ids outlive the matching (a reading may be kept for replies worded alike).
  return { n, ids: tk.ids, tokens: tk.tokens, hits: replyCues(n, tk) };
}

export function cuesFor(text: string, answeredText?: string, withTokens = false): CueSet {
  return cuesOf(readReply(text, withTokens), answeredText);
}

/** A reply's cues from its reading (which may be shared by replies worded alike) and the answered tweet. */
export function cuesOf(r: ReplyReading, answeredText?: string): CueSet {
  return cuesWith(r, answeredCues(answeredText), !!answeredText);
}

/** cuesOf() for a caller that has read the answered tweet's cues (answeredCues) already. */
export function cuesWith(r: ReplyReading, fromAnswered: readonly Hit[], answered: boolean): CueSet {
  const { n, tokens, ids } = r;
  const hits = fromAnswered.length ? [...r.hits, ...fromAnswered] : r.hits;
  // A handful of hits: a linear search beats building a Map for each reply.
  const has = (c: CueName) => {
    for (const h of hits) if (h.cue === c) return h;
    return undefined;
  };
  return { n, tokens, ids, hits, answered, has };
}

const CHANNEL_CUES: CueName[] = ['dm', 'email', 'phone', 'channel', 'forum', 'genericLink'];
const HELP_CUES: CueName[] = ['steps', 'action', 'answer', 'specificLink'];

/** The rules' verdict and the cues that decided it (formatted as evidence only when needed). */
export interface RuleDecision {
  label: Label;
  confidence: number;
  hits: Hit[];
}

function decide(label: Label, confidence: number, hits: (Hit | undefined)[]): RuleDecision {
  return { label, confidence, hits: hits.filter((h): h is Hit => h !== undefined) };
}

/** Rule-only classification, tie-breaks 1–7 of the labeling guide in order. */
export function classifyByRules(c: CueSet): Classification {
  return asClassification(ruleDecision(c));
}

/** A rule decision with its cues written out as evidence. */
export function asClassification(d: RuleDecision): Classification {
  return { label: d.label, confidence: d.confidence, evidence: d.hits.slice(0, MAX_EVIDENCE).map(evidenceOf) };
}

export function ruleDecision(c: CueSet): RuleDecision {
  const has = c.has;
  const channel = CHANNEL_CUES.map(has).filter(Boolean) as Hit[];
  const help = HELP_CUES.map(has).filter(Boolean) as Hit[];
  const diagnostic = has('diagnostic');
  const negated = has('blameNegated');

  // 1. Fault placed elsewhere wins, unless denied ("not your fault") or only a fallback after help.
  const fault = FAULT_CUES.map(has).filter(Boolean) as Hit[];
  const policy = has('policyRefusal');
  if (fault.length && !negated) {
    const third = has('thirdParty');
    const onlyFallback = fault.length === 1 && third && help.length && has('fallback');
    if (!onlyFallback) return decide('blaming', 0.8, [...fault, policy]);
  }
  // 4. Policy as the reason for a refusal, with nothing offered.
  if (policy && !negated) {
    const alt = has('alternative');
    if (!alt && !has('action') && !has('steps')) return decide('blaming', 0.75, [policy]);
    return decide('resolving', 0.65, [policy, alt, has('action'), has('steps')]);
  }
  // 6. The person asked for a channel: giving it is the answer.
  const asked = has('askedForChannel');
  if (asked && channel.length) return decide('resolving', 0.7, [asked, channel[0]]);
  // 2. Public help wins over a fallback channel.
  if (help.length) {
    const strong = help.length > 1 || has('action') || has('steps');
    if (!channel.length || has('fallback') || strong) {
      return decide('resolving', channel.length ? 0.7 : 0.85, [...help, has('fallback')]);
    }
    // A lone answer-ish phrase beside a channel request: the channel is the move.
    return decide('deflecting', 0.55, [...channel, ...help]);
  }
  // 3. A diagnostic question that then moves to a private channel is deflecting.
  if (diagnostic) {
    if (channel.length && !has('fallback')) return decide('deflecting', 0.7, [diagnostic, ...channel]);
    return decide('resolving', 0.7, [diagnostic]);
  }
  if (channel.length) return decide('deflecting', 0.85, channel);
  // 7. Sympathy alone: a brush-off to a complaint, chit-chat otherwise.
  const sympathy = has('sympathy');
  const problem = has('problemRaised');
  if (has('brushOff')) return decide('deflecting', 0.8, [has('brushOff')]);
  if (sympathy && !has('thanks')) {
    return problem || !c.answered
      ? decide('deflecting', 0.6, [sympathy, problem])
      : decide('other', 0.55, [sympathy]);
  }
  const social = has('thanks') ?? has('marketing');
  if (social) return decide('other', 0.8, [social]);
  if (sympathy) return decide('deflecting', 0.55, [sympathy]);
  return decide('other', 0.4, []);
}
