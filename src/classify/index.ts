// The classifier's one entry point: classify(reply, answered?) → {label, confidence, evidence}.
// Cue rules read the reply (and the tweet it answers); a trained linear model weighs those cues
// together with the reply's words. Evidence names the cues and phrases that decided it.
import { readFileSync } from 'node:fs';
import { MAX_EVIDENCE, type Classification, type Label } from '../model.js';
import { evidenceOf, type CueName, type Hit } from './cues.js';
import { cueFeatureId, featurize } from './features.js';
import { LinearModel, type Prediction, type WeightsFile } from './model.js';
import { asClassification, cuesFor, ruleDecision, type CueSet, type RuleDecision } from './rules.js';

export interface ReplyLike {
  text: string;
}

/** Where the shipped weights live (models/ at the package root): readable JSON, and the same
 * model packed for loading (what classify reads; `npm run train` writes both). */
export const WEIGHTS_URL = new URL('../../models/classifier.json', import.meta.url);
export const PACKED_URL = new URL('../../models/classifier.bin', import.meta.url);

let model: LinearModel | null | undefined;

export function loadModel(file: WeightsFile | null): void {
  model = file ? new LinearModel(file) : null;
}

function shippedModel(): LinearModel | null {
  if (model === undefined) {
    try {
      model = LinearModel.unpack(readFileSync(PACKED_URL));
    } catch {
      // No packed file, or one this machine cannot read: the readable weights, else the rules alone.
      try {
        model = new LinearModel(JSON.parse(readFileSync(WEIGHTS_URL, 'utf8')) as WeightsFile);
      } catch {
        model = null;
      }
    }
  }
  return model;
}

/** What a model feature means for evidence: a cue, a word or word pair (quoted), or neither. */
interface FeatureKind {
  cue?: CueName;
  quoted?: string;
}
function kindOf(feature: string): FeatureKind {
  if (feature.startsWith('cue:') && !feature.includes(' ')) return { cue: feature.slice(4) as CueName };
  if (!feature.includes(':') && !feature.includes('^') && !feature.includes('$')) return { quoted: `"${feature}"` };
  return {};
}
// Feature rows repeat across replies: work out each one's kind once, per model.
let kinds: (FeatureKind | undefined)[] = [];
let kindsOf: LinearModel | null = null;
function kindOfRow(m: LinearModel, row: number): FeatureKind {
  if (kindsOf !== m) {
    kinds = new Array(m.size);
    kindsOf = m;
  }
  return (kinds[row] ??= kindOf(m.name(row)));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function classify(reply: ReplyLike, answered?: ReplyLike | null): Classification {
  return classifyCues(cuesFor(reply.text, answered?.text));
}

/** classify() for callers that already hold the reply's cues (they also carry its normalized text). */
export function classifyCues(cues: CueSet): Classification {
  const c = classifyCuesLazily(cues);
  return { label: c.label, confidence: c.confidence, evidence: c.evidence };
}

/**
 * classifyCues() whose evidence is worked out only when first read. A streamed audit folds
 * millions of replies and reads the evidence of the few it keeps as examples: this saves it
 * the explaining (about a tenth of the work per reply) for all the others.
 */
export function classifyCuesLazily(cues: CueSet): Classification {
  const rules = ruleDecision(cues);
  const m = shippedModel();
  if (!m) return asClassification(rules);
  const ids = featurize(cues, rules.label).ids;
  return new ModelClassification(m, cues, rules, ids, m.predict(ids));
}

/** A model's verdict; its evidence (the explaining) is worked out once, when first read. */
class ModelClassification implements Classification {
  readonly label: Label;
  readonly confidence: number;
  private explained: string[] | undefined;

  constructor(
    private readonly m: LinearModel,
    private readonly cues: CueSet,
    private readonly rules: RuleDecision,
    private readonly ids: number[],
    private readonly p: Prediction,
  ) {
    this.label = p.label;
    this.confidence = round2(p.confidence);
  }

  get evidence(): string[] {
    return (this.explained ??= explain(this.m, this.cues, this.rules, this.ids, this.p));
  }
}

/** Cues first (the model's strongest; when the rules agree, the rules' own; then any other cue of
 * the reply that favours the label), each once; then words. */
function explain(m: LinearModel, cues: CueSet, rules: RuleDecision, ids: number[], p: Prediction): string[] {
  const chosen: Hit[] = [];
  const words: string[] = [];
  for (const row of m.explain(ids, p.index, 6)) {
    const k = kindOfRow(m, row);
    if (k.cue) {
      const hit = cues.has(k.cue);
      if (hit && !chosen.includes(hit)) chosen.push(hit);
    } else if (k.quoted) words.push(k.quoted);
  }
  if (rules.label === p.label) for (const h of rules.hits) if (!chosen.includes(h)) chosen.push(h);
  // The strongest features are often words; a cue that also favours the label reads better.
  for (const h of cues.hits) if (!chosen.includes(h) && m.favours(cueFeatureId(h.cue), p.index)) chosen.push(h);
  const evidence: string[] = [];
  for (let i = 0; i < chosen.length && i < MAX_EVIDENCE; i++) evidence.push(evidenceOf(chosen[i]));
  if (words.length && evidence.length < MAX_EVIDENCE) {
    // Concatenation, not join(): this runs per reply and join copies.
    let w = `words: ${words[0]}`;
    for (let i = 1; i < words.length && i < 4; i++) w += `, ${words[i]}`;
    evidence.push(w);
  }
  return evidence;
}
