#!/usr/bin/env node
// 10-fold cross-validation of the trained classifier over fixtures/labeled/*.jsonl, plus the
// rules alone as a baseline. Folds are fixed by a seeded shuffle. Run `npm run build` first.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readLabeled } from '../dist/classify/labeled.js';
import { exampleOf } from '../dist/classify/dataset.js';
import { rng, train } from '../dist/classify/train.js';
import { LinearModel } from '../dist/classify/model.js';
import { idOfName } from '../dist/classify/features.js';
import { classifyByRules, cuesFor } from '../dist/classify/rules.js';
import { evaluate, formatEval } from '../dist/classify/evaluate.js';

const K = 10;
const dir = new URL('../fixtures/labeled/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const data = files.flatMap((f) => readLabeled(join(dir, f)).map((e) => ({ ...e, file: f })));
const examples = data.map(exampleOf);
const rand = rng(42);
const fold = data.map(() => Math.floor(rand() * K));

const pairs = [];
const rulePairs = [];
for (let k = 0; k < K; k++) {
  const model = new LinearModel(train(examples.filter((_, i) => fold[i] !== k)));
  data.forEach((e, i) => {
    if (fold[i] !== k) return;
    pairs.push({ truth: e.label, predicted: model.predict(examples[i].features.map(idOfName)).label, file: e.file });
    rulePairs.push({ truth: e.label, predicted: classifyByRules(cuesFor(e.text, e.inReplyToText)).label });
  });
}
const mix = {};
for (const e of data) mix[e.label] = (mix[e.label] ?? 0) + 1;
console.log(`${K}-fold cross-validation over ${data.length} labeled replies (${files.length} files; ambiguous lines left out)`);
console.log(`label mix: ${Object.entries(mix).map(([l, n]) => `${l} ${n}`).join(', ')}\n`);
console.log(formatEval(evaluate(pairs)));
const real = pairs.filter((p) => !p.file.startsWith('written'));
console.log(`on the real (corpus) replies only: accuracy ${evaluate(real).accuracy.toFixed(3)}, macro-F1 ${evaluate(real).macroF1.toFixed(3)}, n=${real.length}`);
const rules = evaluate(rulePairs);
console.log(`rules alone (baseline): accuracy ${rules.accuracy.toFixed(3)}, macro-F1 ${rules.macroF1.toFixed(3)}`);
// Evidence a person can read: how often the shipped model's evidence names a cue, not only words.
const { classify } = await import('../dist/classify/index.js');
const withCue = data.filter((e) => classify({ text: e.text }, e.inReplyToText ? { text: e.inReplyToText } : null).evidence.some((x) => !x.startsWith('words:'))).length;
console.log(`evidence names a cue (not only words) for ${withCue} of ${data.length} replies (shipped model)`);

