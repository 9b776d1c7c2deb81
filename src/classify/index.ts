// The classifier's one entry point: classify(reply, answered?) → {label, confidence, evidence}.
import type { Classification } from '../model.js';
import { classifyByRules, cuesFor } from './rules.js';

export interface ReplyLike {
  text: string;
}

export function classify(reply: ReplyLike, answered?: ReplyLike | null): Classification {
  return classifyByRules(cuesFor(reply.text, answered?.text));
}
