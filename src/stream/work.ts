// The per-reply text work of an audit — classification, sign-off, template key — as one pure
// function over plain data, so it runs the same in the main thread or in a worker.
import { classifyCues } from '../classify/index.js';
import { cuesFor } from '../classify/rules.js';
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
  // One normalization serves the classifier, the sign-off and the template key.
  const cues = cuesFor(j.text, j.answeredText);
  return {
    ...classifyCues(cues),
    signed: cues.n.signOff !== undefined,
    templateKey: templateKey(j.text, j.answeredName !== undefined ? { authorName: j.answeredName } : null, cues.n),
  };
}
