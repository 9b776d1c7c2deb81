// The classifier's one entry point: classify(reply, answered?) → {label, confidence, evidence}.
// Cue rules read the reply (and the tweet it answers); a trained linear model weighs those cues
// together with the reply's words. Evidence names the cues and phrases that decided it.
import { readFileSync } from 'node:fs';
import { MAX_EVIDENCE, type Classification, type Label } from '../model.js';
import { CUE_NAMES, evidenceOf, type CueName, type Hit } from './cues.js';
import { cueFeatureId, featurize } from './features.js';
import { LinearModel, type Prediction, type WeightsFile } from './model.js';
import { asClassification, cuesFor, ruleDecision, type CueSet, type RuleDecision } from './rules.js';
import { ROOT_URL } from '../paths.js';

export interface ReplyLike {
  text: string;
}

/** Where the shipped weights live (models/ at the package root): readable JSON, and the same
 * model packed for loading (what classify reads; `npm run train` writes both). */
export const WEIGHTS_URL = new URL('models/classifier.json', ROOT_URL);
export const PACKED_URL = new URL('models/classifier.bin', ROOT_URL);

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

/** What a model feature means for evidence: a cue, a word or word pair (quoted), or neither.
 * Worked out once per feature and model, kept as small codes (explaining runs once per reply). */
const KIND_UNKNOWN = 0;
const KIND_NONE = 1;
const KIND_QUOTED = 2;
const KIND_CUE = 3; // + the cue's place in CUE_NAMES
class FeatureKinds {
  private readonly code: Uint8Array;
  private readonly quotedAt: (string | undefined)[];
  /** Per cue × label: whether the cue's own feature favours the label (fixed per model). */
  private readonly cueFavours: Uint8Array;

  constructor(readonly model: LinearModel) {
    this.code = new Uint8Array(model.size);
    this.quotedAt = new Array<string | undefined>(model.size);
    const k = model.labels.length;
    this.cueFavours = new Uint8Array(CUE_NAMES.length * k);
    CUE_NAMES.forEach((cue, c) => {
      for (let l = 0; l < k; l++) this.cueFavours[c * k + l] = model.favours(cueFeatureId(cue), l) ? 1 : 0;
    });
  }

  /** Whether the cue's feature favours label `index` (model.favours, looked up once per model). */
  favours(cue: CueName, index: number): boolean {
    return this.cueFavours[CUE_INDEX[cue] * this.model.labels.length + index] === 1;
  }

  /** KIND_NONE, KIND_QUOTED or KIND_CUE + cue index, for a feature row. */
  of(row: number): number {
    let c = this.code[row];
    if (c === KIND_UNKNOWN) {
      const f = this.model.name(row);
      const cue = f.startsWith('cue:') && !f.includes(' ') ? CUE_NAMES.indexOf(f.slice(4) as CueName) : -1;
      if (cue >= 0) c = KIND_CUE + cue;
      else if (!f.includes(':') && !f.includes('^') && !f.includes('$')) {
        c = KIND_QUOTED;
        this.quotedAt[row] = `"${f}"`;
      } else c = KIND_NONE;
      this.code[row] = c;
    }
    return c;
  }

  quoted(row: number): string {
    return this.quotedAt[row]!;
  }
}
const CUE_INDEX = Object.fromEntries(CUE_NAMES.map((c, i) => [c, i])) as Record<CueName, number>;
let kinds: FeatureKinds | null = null;
const kindsFor = (m: LinearModel) => (kinds?.model === m ? kinds : (kinds = new FeatureKinds(m)));

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
  /** What explaining reads; let go once it has (an audit may keep the verdict a long time). */
  private inputs: { m: LinearModel; cues: CueSet; rules: RuleDecision; ids: number[]; p: Prediction } | null;

  constructor(m: LinearModel, cues: CueSet, rules: RuleDecision, ids: number[], p: Prediction) {
    this.label = p.label;
    this.confidence = round2(p.confidence);
    this.inputs = { m, cues, rules, ids, p };
  }

  get evidence(): string[] {
    if (this.explained === undefined) {
      const { m, cues, rules, ids, p } = this.inputs!;
      this.explained = explain(m, cues, rules, ids, p);
      this.inputs = null;
    }
    return this.explained;
  }
}

/** Cues first (the model's strongest; when the rules agree, the rules' own; then any other cue of
 * the reply that favours the label), each once; then words. */
function explain(m: LinearModel, cues: CueSet, rules: RuleDecision, ids: number[], p: Prediction): string[] {
  const chosen: Hit[] = [];
  const words: string[] = [];
  const kinds = kindsFor(m);
  for (const row of m.explain(ids, p.index, 6)) {
    const k = kinds.of(row);
    if (k >= KIND_CUE) {
      const hit = cues.has(CUE_NAMES[k - KIND_CUE]);
      if (hit && !chosen.includes(hit)) chosen.push(hit);
    } else if (k === KIND_QUOTED) words.push(kinds.quoted(row));
  }
  if (rules.label === p.label) for (const h of rules.hits) if (!chosen.includes(h)) chosen.push(h);
  // The strongest features are often words; a cue that also favours the label reads better.
  for (const h of cues.hits) if (!chosen.includes(h) && kinds.favours(h.cue, p.index)) chosen.push(h);
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
