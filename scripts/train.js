#!/usr/bin/env node
// Trains the reply classifier on fixtures/labeled/*.jsonl and writes models/classifier.json,
// and the same model packed for fast loading (models/classifier.bin).
// Deterministic: the same data gives the same weights. Run `npm run build` first.
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLabeled } from '../dist/classify/labeled.js';
import { exampleOf } from '../dist/classify/dataset.js';
import { train } from '../dist/classify/train.js';
import { LinearModel } from '../dist/classify/model.js';

const dir = new URL('../fixtures/labeled/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const examples = files.flatMap((f) => readLabeled(join(dir, f)).map(exampleOf));
const weights = train(examples);
weights.trainedOn = { examples: examples.length, files: files.map((f) => `fixtures/labeled/${f}`) };
const out = new URL('../models/classifier.json', import.meta.url).pathname;
const packed = new URL('../models/classifier.bin', import.meta.url).pathname;
writeFileSync(`${out}.tmp`, `${JSON.stringify(weights)}\n`);
writeFileSync(`${packed}.tmp`, new LinearModel(weights).pack());
renameSync(`${out}.tmp`, out);
renameSync(`${packed}.tmp`, packed);
console.error(`trained on ${examples.length} replies, ${Object.keys(weights.weights).length} features → models/classifier.json, models/classifier.bin`);
