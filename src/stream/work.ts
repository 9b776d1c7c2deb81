// The per-reply text work of an audit — classification, sign-off, template key — as one pure
// function over plain data, so it runs the same in the main thread or in a worker.
import { classify } from '../classify/index.js';
import { normalize } from '../classify/normalize.js';
import { templateKey } from '../score/canned.js';
import type { Classification } from '../model.js';

export interface ReplyJob {
  text: string;
  /** Text of the answered tweet, when known. */
  answeredText?: string;
  /** Display name of the answered account, when known (template keys drop it). */
  answeredName?: string;
}

export interface ReplyResult extends Classification {
  signed: boolean;
  templateKey: string;
}

export function doReplyJob(j: ReplyJob): ReplyResult {
  const c = classify({ text: j.text }, j.answeredText !== undefined ? { text: j.answeredText } : null);
  return {
    ...c,
    signed: normalize(j.text).signOff !== undefined,
    templateKey: templateKey(j.text, j.answeredName !== undefined ? { authorName: j.answeredName } : null),
  };
}
