// The one model every source is normalized into; nothing downstream knows where a tweet came from.

export const LABELS = ['resolving', 'deflecting', 'blaming', 'other'] as const;
export type Label = (typeof LABELS)[number];

export const INPUT_FORMATS = ['v2', 'archive', 'twcs'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface Tweet {
  id: string;
  /** HTML-unescaped once, at load. */
  text: string;
  /** ISO 8601, when the source has it. */
  createdAt?: string;
  authorId?: string;
  /** Screen name without the leading @. */
  authorHandle?: string;
  authorName?: string;
  authorFollowers?: number;
  inReplyToId?: string;
  inReplyToUserId?: string;
  inReplyToHandle?: string;
  conversationId?: string;
  isRetweet?: boolean;
}

/** What a loader returns: tweets plus who owns the timeline when the source says so. */
export interface Timeline {
  /** The source's own tweets. */
  tweets: Tweet[];
  /** Tweets the source only references (v2 `includes.tweets`): looked up as answered tweets, never counted. */
  context: Tweet[];
  format: InputFormat;
  /** Accounts whose replies this source is about (archive owner, fetched handle, TWCS brands). */
  owners: Account[];
}

/** Author id for tweets whose source does not name their author (a timeline page without
 * author_id, an archive without manifest.js): they belong to the timeline's owner. */
export const OWNER_UNKNOWN = 'timeline-owner';

export interface Account {
  id?: string;
  handle?: string;
}

/** A brand tweet that answers someone other than the brand. */
export interface BrandReply {
  tweet: Tweet;
  /** The tweet it answers, when the source holds it. */
  answered: Tweet | null;
}

export interface Classification {
  label: Label;
  /** 0..1: how sure the classifier is of this label. */
  confidence: number;
  /** Phrases or cues that decided the label, readable by a person (at most MAX_EVIDENCE). */
  evidence: string[];
}

/** A label carries at most this many pieces of evidence. */
export const MAX_EVIDENCE = 5;

export interface LabeledReply extends BrandReply, Classification {}
