// Labeled example → training example (the same features classify() computes).
import type { LabeledExample } from './labeled.js';
import type { Example } from './train.js';
import { featurize } from './features.js';
import { classifyByRules, cuesFor } from './rules.js';

export function exampleOf(e: LabeledExample): Example {
  const cues = cuesFor(e.text, e.inReplyToText, true);
  return { features: featurize(cues, classifyByRules(cues).label, true).names!, label: e.label };
}
