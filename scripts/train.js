#!/usr/bin/env node
// Trains the reply classifier on fixtures/labeled/*.jsonl and writes models/classifier.json.
// Deterministic: the same data gives the same weights. Run `npm run build` first.
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLabeled } from '../dist/classify/labeled.js';
import { exampleOf } from '../dist/classify/dataset.js';
import { train } from '../dist/classify/train.js';

const dir = new URL('../fixtures/labeled/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const examples = files.flatMap((f) => readLabeled(join(dir, f)).map(exampleOf));
const weights = train(examples);
weights.trainedOn = { examples: examples.length, files: files.map((f) => `fixtures/labeled/${f}`) };
const out = new URL('../models/classifier.json', import.meta.url).pathname;
writeFileSync(`${out}.tmp`, `${JSON.stringify(weights)}\n`);
renameSync(`${out}.tmp`, out);
console.error(`trained on ${examples.length} replies, ${Object.keys(weights.weights).length} features → models/classifier.json`);
