// Builds labeled replies for the metrics tests: only the fields a test cares about.
import type { Label, LabeledReply, Tweet } from '../../src/model.js';

let seq = 0;

export interface ReplySpec {
  label?: Label;
  text?: string;
  /** ISO time the brand replied. */
  at?: string;
  /** ISO time of the answered tweet; null: answered tweet unknown. */
  askedAt?: string | null;
  followers?: number;
  authorName?: string;
  id?: string;
}

export function reply(spec: ReplySpec = {}): LabeledReply {
  const n = ++seq;
  const tweet: Tweet = { id: spec.id ?? String(1000 + n), text: spec.text ?? `@person${n} We have sorted this out for you.`, createdAt: spec.at, authorId: 'brand', authorHandle: 'Brand' };
  const answered: Tweet | null =
    spec.askedAt === null
      ? null
      : { id: String(5000 + n), text: '@Brand something is wrong', createdAt: spec.askedAt, authorId: `p${n}`, authorFollowers: spec.followers, authorName: spec.authorName };
  return { tweet, answered, label: spec.label ?? 'resolving', confidence: 0.9, evidence: [] };
}

/** ISO time `minutes` after `base`. */
export const plus = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * 60_000).toISOString();
